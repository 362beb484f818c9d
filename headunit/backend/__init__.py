"""The reference backend: live POI data, reservations, payments and media (docs/backend-api.md).

It runs as its own process (`headunit backend serve`), so it may use FastAPI and
pydantic, which the head unit itself never imports.
"""
