"""GET /v1/media/catalogue (bearer token) and GET /v1/media/files/{file_id} (signed URL).

The catalogue's content, the demo audio files and URL signing live in
media_catalogue.py, media_files.py and signing.py; this module only serves them.
Files are served with Starlette's FileResponse, which answers Range requests.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import FileResponse

from .auth import Vin
from .context import Backend, get_backend
from .errors import ApiError, documented, not_found
from .models import Catalogue

router = APIRouter(prefix="/v1/media", tags=["media"])
BackendDep = Annotated[Backend, Depends(get_backend)]
FILE_ID = r"^[A-Za-z0-9._-]{1,64}$"

_AUDIO = {"content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}}}


@router.get("/catalogue", response_model=Catalogue, responses=documented(401),
            summary="Stations, playlists and podcasts with signed stream URLs")
def get_catalogue(request: Request, vin: Vin, backend: BackendDep) -> dict[str, Any]:
    from .media_catalogue import build_catalogue

    return build_catalogue(backend.base_url(request), vin, backend.signer(), backend.clock.now())


@router.get("/files/{file_id}", response_class=FileResponse,
            responses={200: {"description": "the whole file", **_AUDIO},
                       206: {"description": "the requested byte range", **_AUDIO},
                       416: {"description": "a range outside the file"},
                       **documented(403, 404, 422)},
            summary="A media file; the URL's exp and sig stand in for a token")
def get_file(request: Request, file_id: Annotated[str, Path(pattern=FILE_ID)], backend: BackendDep,
             exp: Annotated[str, Query(pattern=r"^[0-9]{1,12}$")],
             sig: Annotated[str, Query(pattern=r"^[\x21-\x7e]{1,256}$")]) -> FileResponse:
    if not backend.signer().verify(request.url.path, exp, sig, backend.clock.now()):
        raise ApiError(403, "bad_signature", "the URL's signature is wrong or has expired: fetch the catalogue again")
    path = backend.media_files().get(file_id)
    if path is None:
        raise not_found(f"media file {file_id}")
    return FileResponse(path, media_type="audio/wav")
