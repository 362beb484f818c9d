"""Models back into the API's JSON shape (for the cache): the inverse of ``parse.py``.

``parse_x(to_api_json(model)) == model`` holds for every model a parser returns.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from .fields import format_day, format_time
from .models import ApiError, OrderRequest, Token


def to_api_json(model: Any) -> dict[str, Any]:
    """The JSON object the API uses for ``model`` (a dataclass from models.py)."""
    if isinstance(model, OrderRequest):
        return model.to_json()
    if isinstance(model, ApiError):
        return {"error": {"code": model.code, "message": model.message}}
    if not dataclasses.is_dataclass(model) or isinstance(model, type):
        raise TypeError(f"expected a backend model, got {type(model).__name__}")
    body = {f.name: _value(getattr(model, f.name)) for f in dataclasses.fields(model)}
    if isinstance(model, Token):
        body["token_type"] = "bearer"
    return body


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, date):
        return format_day(value)
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_api_json(value)
    return value
