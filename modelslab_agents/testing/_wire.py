"""The wire format: requests and answers as bytes, the JSON envelope, and canned pages.

Both front ends (the in-process transport and the ASGI app) speak to the core in these
terms, so everything the client can observe is decided here and in the core.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Final

import attrs

from ._errors import ApiError, validation_error

__all__ = [
    "API_ROOT",
    "MAX_BODY_BYTES",
    "ClientGone",
    "ConnectionDropped",
    "WireRequest",
    "WireResponse",
    "document_answer",
    "error_answer",
    "html_answer",
    "new_request_id",
    "parse_body",
    "status_phrase",
    "success_answer",
]

API_ROOT: Final = "/api/agents/v1"
MAX_BODY_BYTES: Final = 64 * 1024

_JSON: Final = ("Content-Type", "application/json")


class ConnectionDropped(Exception):
    """Raised by the core when an injected fault drops the connection; each front end
    turns it into a real dropped connection."""

    def __init__(self) -> None:
        super().__init__("connection dropped by an injected fault")


class ClientGone(Exception):
    """Raised while the core waits (latency, a slow fault) if the client has gone away;
    the request is then abandoned before it is acted on."""


@attrs.frozen
class WireRequest:
    """One HTTP request: ``headers`` with lower-case names, ``client`` the peer's address."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    client: str = "127.0.0.1"


@attrs.frozen
class WireResponse:
    """One HTTP answer (front ends add ``Content-Length``)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


def new_request_id(rng: random.Random) -> str:
    return f"req_{rng.getrandbits(96):024x}"


def _encode(document: object) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def _answer(
    status: int, document: object, request_id: str, headers: Sequence[tuple[str, str]]
) -> WireResponse:
    return WireResponse(status, (_JSON, ("X-Request-Id", request_id), *headers), _encode(document))


def success_answer(
    status: int, data: object, request_id: str, headers: Sequence[tuple[str, str]] = ()
) -> WireResponse:
    """``{"data": ..., "error": null, "meta": {"request_id": ...}}``."""
    document = {"data": data, "error": None, "meta": {"request_id": request_id}}
    return _answer(status, document, request_id, headers)


def document_answer(
    status: int, document: bytes, request_id: str, headers: Sequence[tuple[str, str]] = ()
) -> WireResponse:
    """A JSON document sent as is, outside the envelope (the published contract)."""
    return WireResponse(status, (_JSON, ("X-Request-Id", request_id), *headers), document)


def error_answer(
    error: ApiError, request_id: str, headers: Sequence[tuple[str, str]] = ()
) -> WireResponse:
    """``{"data": null, "error": {"code", "message", "details"}, "meta": {...}}``."""
    document = {
        "data": None,
        "error": {
            "code": error.code,
            "message": error.message,
            "details": None if error.details is None else dict(error.details),
        },
        "meta": {"request_id": request_id},
    }
    return _answer(error.status, document, request_id, (*headers, *error.headers))


def status_phrase(status: int) -> str:
    """The reason phrase of ``status`` ("Service Unavailable"), or a generic one."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Server Error" if status >= 500 else "Error"


def html_answer(
    status: int, request_id: str, headers: Sequence[tuple[str, str]] = ()
) -> WireResponse:
    """The kind of HTML error page a reverse proxy sends instead of the API's JSON."""
    title = f"{status} {status_phrase(status)}"
    page = (
        f"<!DOCTYPE html>\n<html>\n<head><title>{title}</title></head>\n"
        f"<body>\n<center><h1>{title}</h1></center>\n<hr><center>nginx</center>\n"
        "</body>\n</html>\n"
    )
    return WireResponse(
        status,
        (("Content-Type", "text/html; charset=utf-8"), ("X-Request-Id", request_id), *headers),
        page.encode(),
    )


def parse_body(raw: bytes) -> dict[str, object] | ApiError:
    """The JSON object of a request body (``{}`` when empty), or the 422 to answer."""
    if len(raw) > MAX_BODY_BYTES:
        return validation_error(
            {"body": [f"The request body must not be larger than {MAX_BODY_BYTES} bytes."]}
        )
    if not raw.strip():
        return {}
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return validation_error({"body": ["The request body must be valid JSON."]})
    if not isinstance(document, dict):
        return validation_error({"body": ["The request body must be a JSON object."]})
    return document
