"""Tool results as JSON data: wire field names, secrets masked, errors described.

Everything a tool returns passes through :func:`to_wire` and :func:`scrub`, so a
bearer token, a password or an API key can only appear in a result where it is
meant to: the full key in the answer that created it, once.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from modelslab_agents._exceptions import (
    APIError,
    InsufficientScopeError,
    ModelsLabError,
    RateLimitError,
)
from modelslab_agents._secret import Secret

__all__ = ["MASK", "ArgumentError", "error_data", "scrub", "to_wire"]

MASK: Final = "**********"
# Fields a server might add that hold a secret: masked even when no model knows them.
_SECRET_NAMES: Final = frozenset(
    {"access_token", "token", "plain_text_token", "api_key", "key", "password", "secret"}
)
_MAX_MESSAGE: Final = 500


class ArgumentError(ValueError):
    """A tool call's arguments were wrong; nothing was sent.

    Attributes:
        details: ``{argument: [messages]}``, naming each argument at fault.
    """

    def __init__(self, message: str, details: Mapping[str, list[str]]) -> None:
        super().__init__(message)
        self.details = dict(details)


def to_wire(value: Any, *, reveal: Iterable[str] = ()) -> Any:
    """``value`` (a model, a list of them, None, ...) as JSON data with wire names.

    ``reveal`` names the top-level fields whose secret is shown in full (the key of
    a new API key); every other secret is :data:`MASK`.
    """
    shown = frozenset(reveal)
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        for field in attrs.fields(type(value)):
            if field.name == "extra":
                continue
            item = getattr(value, field.name)
            if field.name in shown and isinstance(item, Secret):
                out[field.name] = item.get_secret_value()
            else:
                out[field.name] = to_wire(item)
        extra = getattr(value, "extra", None)
        if isinstance(extra, Mapping):
            for key, item in extra.items():
                out.setdefault(str(key), _masked_extra(str(key), item))
        return out
    if isinstance(value, Secret):
        return MASK if value else None
    if isinstance(value, enum.Enum):
        return to_wire(value.value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _masked_extra(name: str, value: Any) -> Any:
    if name.lower() in _SECRET_NAMES and isinstance(value, str) and value:
        return MASK
    if isinstance(value, Mapping):
        return {str(k): _masked_extra(str(k), v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked_extra(name, v) for v in value]
    return to_wire(value)


def scrub(value: Any, secrets: Iterable[str]) -> Any:
    """``value`` with every occurrence of ``secrets`` in its strings replaced by the mask.

    The last line of defence: a server that echoes a token or a password back in a
    message or an unknown field still never shows it to the agent.
    """
    values = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)
    if not values:
        return value

    def mask(item: Any) -> Any:
        if isinstance(item, str):
            for secret in values:
                item = item.replace(secret, MASK)
            return item
        if isinstance(item, list):
            return [mask(v) for v in item]
        if isinstance(item, dict):
            return {mask(k): mask(v) for k, v in item.items()}
        return item

    return mask(value)


def _cut(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


def error_data(exc: BaseException) -> dict[str, Any]:
    """The ``error`` object of an ``is_error`` result: class, code, message, details,
    request id (and status, retry delay, scopes where they apply)."""
    out: dict[str, Any] = {
        "type": type(exc).__name__,
        "code": None,
        "message": "",
        "details": {},
        "request_id": None,
    }
    if isinstance(exc, APIError):
        out.update(
            code=exc.code,
            message=_cut(exc.message),
            details=to_wire(dict(exc.details)),
            request_id=exc.request_id,
            status_code=exc.status_code,
        )
        if isinstance(exc, RateLimitError):
            out["retry_after"] = exc.retry_after
        if isinstance(exc, InsufficientScopeError):
            out["required_scope"] = exc.required_scope
            out["granted_scopes"] = None if exc.granted_scopes is None else list(exc.granted_scopes)
    elif isinstance(exc, ArgumentError):
        # A ValueError, as the SDK's own argument checks raise.
        out.update(
            type="ValueError", code="invalid_arguments", message=_cut(str(exc)), details=exc.details
        )
    elif isinstance(exc, (ModelsLabError, ValueError, TypeError)):
        # The SDK's own messages name the problem and never carry a secret value.
        out["message"] = _cut(str(exc))
        if isinstance(exc, (ValueError, TypeError)) and not isinstance(exc, ModelsLabError):
            out["code"] = "invalid_arguments"
    else:
        out["message"] = "internal error in the MCP server; see its log"
    return out


def describe_error(error: Mapping[str, Any]) -> str:
    """One line for the text content of an error result."""
    facts = [f"{k} {error[k]}" for k in ("status_code", "code", "request_id") if error.get(k)]
    tail = f" ({', '.join(facts)})" if facts else ""
    details = error.get("details") or {}
    if details:
        listed = "; ".join(
            f"{field}: {', '.join(map(str, msgs)) if isinstance(msgs, list) else msgs}"
            for field, msgs in details.items()
        )
        tail += f" [{_cut(listed)}]"
    return f"{error['type']}: {error['message']}{tail}"
