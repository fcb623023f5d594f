"""Reading the control plane's answers: the envelope, and the error shapes it takes.

The documented shape is ``{"data": ..., "error": null, "meta": {"request_id": ...}}``
or ``{"data": null, "error": {"code", "message", "details"}, "meta": ...}``, and the
error envelope can arrive with a 2xx status. Also tolerated: a bare
``{"message": "..."}``, a legacy ``{"error": "..."}`` string, ``details: []``, list
routes answering ``data: {"items": [...]}``, and HTML pages from proxies (reported by
status and title, never dumped).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import httpx

from ._endpoint import Endpoint
from ._exceptions import (
    CUT_MARK,
    MAX_SHORT_CHARS,
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    EmailNotVerifiedError,
    InsufficientScopeError,
    ModelsLabError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    ValidationError,
    cut_text,
)
from ._retry import parse_retry_after

__all__ = ["decode", "redact"]

_NOT_JSON: Final = object()
_MASK: Final = "**********"
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)

_BY_STATUS: Final[dict[int, type[APIError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}
_BY_CODE: Final[dict[str, type[APIError]]] = {
    "validation_error": ValidationError,
    "invalid_credentials": AuthenticationError,
    "unauthenticated": AuthenticationError,
    "access_denied": PermissionDeniedError,
    "email_not_verified": EmailNotVerifiedError,
    "insufficient_scope": InsufficientScopeError,
    "not_found": NotFoundError,
    "rate_limited": RateLimitError,
}


def decode(endpoint: Endpoint[Any], response: httpx.Response) -> Any:
    """Return the model(s) in ``response``, or raise the error it carries."""
    status = response.status_code
    content = response.content
    try:
        payload: Any = json.loads(content) if content else None
    except (ValueError, RecursionError):  # RecursionError: nested past the stack
        payload = _NOT_JSON
    if 200 <= status < 300:
        if type(payload) is dict:
            if payload.get("error") is None:
                return _data(endpoint, payload, status)
            raise error_from(response, payload)
        if payload is None and endpoint.model is None:
            return None  # 204, or an empty body where nothing is expected
        raise ResponseDecodeError(
            f"{endpoint.route} answered {status} with {_describe_body(response, payload)}, "
            "not a JSON envelope",
            status_code=status,
        )
    raise error_from(response, payload)


def _data(endpoint: Endpoint[Any], payload: dict[str, Any], status: int) -> Any:
    if endpoint.model is None:
        return None
    # Imported here: cattrs and the models load with the first answer, not at import.
    from ._converter import model_class, structure, structure_list

    model = model_class(endpoint.model)
    if "data" not in payload:
        raise ResponseDecodeError(
            f"{endpoint.route} answered {status} without a 'data' field", status_code=status
        )
    if endpoint.many:
        return structure_list(payload["data"], model, status_code=status)
    return structure(payload["data"], model, status_code=status)


def error_from(response: httpx.Response, payload: Any) -> APIError:
    """Build the typed error of an error answer (any status, any shape)."""
    status = response.status_code
    code: str | None = None
    details: Any = None
    message: str | None = None
    request_id = response.headers.get("x-request-id")
    if isinstance(payload, dict):
        meta = payload.get("meta")
        if isinstance(meta, dict) and isinstance(meta.get("request_id"), str):
            request_id = meta["request_id"]
        error = payload.get("error")
        if isinstance(error, dict):
            code = error.get("code") if isinstance(error.get("code"), str) else None
            message = _text(error.get("message"))
            details = error.get("details")
        elif isinstance(error, str):
            message = error
        if message is None:
            message = _text(payload.get("message"))
    elif payload is not _NOT_JSON and payload is not None:
        message = _text(payload)
    if message is None:
        message = (
            f"HTTP {status} {response.reason_phrase}: {code}".replace("  ", " ")
            if code
            else _describe_body(response, payload)
        )
    cls = _error_class(status, code)
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "details": _details(details, cls),
        "request_id": request_id,
        "response": response,
    }
    if cls is RateLimitError:
        kwargs["retry_after"] = parse_retry_after(response.headers)
    return cls(message, **kwargs)


def _error_class(status: int, code: str | None) -> type[APIError]:
    by_code = _BY_CODE.get(code) if code else None
    if 200 <= status < 300:
        return by_code or APIError
    by_status = _BY_STATUS.get(status)
    if by_status is None:
        return ServerError if status >= 500 else APIError
    if by_code is not None and issubclass(by_code, by_status):
        return by_code  # e.g. 403 + insufficient_scope
    return by_status


def _details(details: Any, cls: type[APIError]) -> dict[str, Any]:
    if not isinstance(details, dict):
        return {}  # absent, null, or the empty bag sent as []
    if issubclass(cls, ValidationError):
        return {
            str(field): [str(m) for m in messages]
            if isinstance(messages, list)
            else [str(messages)]
            for field, messages in details.items()
        }
    return dict(details)


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value:
        return value
    return None


def _describe_body(response: httpx.Response, payload: Any) -> str:
    """A short, safe description of a body that is not an envelope."""
    status = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    content = response.content
    if not content:
        return f"{status} with an empty body"
    kind = response.headers.get("content-type", "").split(";")[0].strip() or "unknown type"
    kind = cut_text(kind, MAX_SHORT_CHARS)
    match = _TITLE.search(content[:4096])
    if match:
        title = cut_text(
            " ".join(match.group(1).decode("utf-8", "replace").split()), MAX_SHORT_CHARS
        )
        return f"{status}: an HTML page titled {title!r}"
    if payload is _NOT_JSON:
        return f"{status}: a {kind} body of {len(content)} bytes that is not JSON"
    return f"{status}: a JSON {type(payload).__name__} that is not an envelope"


def redact(error: Exception, secrets: Iterable[str]) -> Exception:
    """Mask any of ``secrets`` the server echoed into an error's text.

    Keys and values of ``details`` are masked alike, and so is the part of a
    secret left at the end of a message cut to length.
    """
    values = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)
    if not values or not isinstance(error, ModelsLabError):
        return error

    def mask_text(text: str) -> str:
        for secret in values:
            text = text.replace(secret, _MASK)
        if not CUT_MARK.search(text):
            return text
        # A secret cut in half by cut_text: the head left before the note is masked.
        heads = CUT_MARK.split(text)
        notes = CUT_MARK.findall(text)
        for index, head in enumerate(heads[:-1]):
            for secret in values:
                size = next(
                    (n for n in range(len(secret) - 1, 0, -1) if head.endswith(secret[:n])), 0
                )
                if size:
                    head = head[:-size] + _MASK
            heads[index] = head
        return "".join(h + n for h, n in zip(heads, [*notes, ""], strict=True))

    def mask(value: Any) -> Any:
        if isinstance(value, str):
            return mask_text(value)
        if isinstance(value, (list, tuple)):
            return type(value)(mask(v) for v in value)
        if isinstance(value, Mapping):
            masked: dict[Any, Any] = {}
            for key, item in value.items():
                new_key, n = mask(key), 1
                while new_key in masked:  # keys that differed only by a secret: keep both
                    n += 1
                    new_key = f"{mask(key)} ({n})"
                masked[new_key] = mask(item)
            return masked
        return value

    if isinstance(error, APIError):
        error.message = mask(error.message)
        error.details = mask(error.details)
        error.code = mask(error.code)
        error.request_id = mask(error.request_id)
        if isinstance(error, InsufficientScopeError):
            error.required_scope = mask(error.required_scope)
            error._granted = mask(error._granted)
        error.args = (error._describe(),)
    else:
        text = str(error)
        masked_text = mask_text(text)
        if masked_text != text:
            error.args = (masked_text,)
    return error
