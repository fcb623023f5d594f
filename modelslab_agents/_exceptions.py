"""The SDK's exceptions.

Every exception the SDK raises on purpose derives from :class:`ModelsLabError`::

    ModelsLabError
    ├── APIError                    the server answered with an error
    │   ├── BadRequestError         400
    │   ├── AuthenticationError     401
    │   ├── PermissionDeniedError   403
    │   │   ├── EmailNotVerifiedError
    │   │   └── InsufficientScopeError  .required_scope .granted_scopes
    │   ├── NotFoundError           404
    │   ├── ConflictError           409
    │   ├── ValidationError         422
    │   ├── RateLimitError          429
    │   └── ServerError             5xx
    ├── APIConnectionError          the request may not have reached the server
    │   └── APITimeoutError
    ├── ResponseDecodeError         the server answered something unreadable
    │   └── ResponseTooLargeError   an answer larger than the client's max_response_bytes
    ├── MissingTokenError           an authenticated route was called without a token
    ├── InsecureTransportError      a token would travel over plain http (also a ValueError)
    └── BatchError                  raised by ``BatchResult.raise_for_errors()``

Messages name the problem and carry the server's message (cut to
``MAX_MESSAGE_CHARS``) and request id; they never carry a token, an API key, a
password or a whole HTML page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import httpx

    from ._batch import Outcome

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BatchError",
    "ConflictError",
    "EmailNotVerifiedError",
    "InsecureTransportError",
    "InsufficientScopeError",
    "MissingTokenError",
    "ModelsLabError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "ServerError",
    "ValidationError",
]


#: The longest server message an error keeps: a whole page pasted into an error
#: message must not become a megabytes-long exception text.
MAX_MESSAGE_CHARS: Final = 2000
#: The longest code, request id or scope name an error keeps.
MAX_SHORT_CHARS: Final = 200
#: How a cut text ends; :func:`redact` recognises it to mask a secret cut in half.
CUT_MARK: Final = re.compile(r"\u2026 \[\d+ more characters cut\]")


def cut_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Return ``text``, or its head and a note of how much was cut, within ``limit``.

    Cutting twice changes nothing, so a cut message survives a pickle unchanged.
    """
    if len(text) <= limit:
        return text
    # The note states at most len(text) characters cut: room for that many digits.
    keep = max(0, limit - len(_cut_note(len(text))))
    return text[:keep] + _cut_note(len(text) - keep)


def _cut_note(removed: int) -> str:
    return f"\u2026 [{removed} more characters cut]"


class ModelsLabError(Exception):
    """Base class of every error the SDK raises on purpose."""


class APIError(ModelsLabError):
    """Raised when the server answers with an error: a 4xx/5xx status, or an
    ``error`` envelope inside a 2xx answer.

    Attributes:
        status_code: The HTTP status of the answer.
        code: The server's ``error.code`` (``"validation_error"``, ...) or None.
        message: The server's human-readable message.
        details: The server's ``error.details`` as a mapping (``{}`` when none).
        request_id: ``meta.request_id`` (or the ``X-Request-Id`` header), for support.
        response: The :class:`httpx.Response`, or None.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        # Server text is kept bounded (MAX_MESSAGE_CHARS, MAX_SHORT_CHARS).
        self.message = cut_text(message)
        self.status_code = status_code
        self.code = cut_text(code, MAX_SHORT_CHARS) if code is not None else None
        self.details: Mapping[str, Any] = details if details is not None else {}
        self.request_id = cut_text(request_id, MAX_SHORT_CHARS) if request_id is not None else None
        self.response = response
        super().__init__(self._describe())

    def _describe(self) -> str:
        facts = [f"status {self.status_code}"]
        if self.code:
            facts.append(f"code {self.code}")
        if self.request_id:
            facts.append(f"request_id {self.request_id}")
        return f"{self.message} ({', '.join(facts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructor: rebuild from the attributes, not from args.
        state = {
            "status_code": self.status_code,
            "code": self.code,
            "details": dict(self.details),
            "request_id": self.request_id,
        }
        return (_rebuild_api_error, (type(self), self.message, state))


def _rebuild_api_error(cls: type[APIError], message: str, state: dict[str, Any]) -> APIError:
    return cls(message, **state)


class BadRequestError(APIError):
    """Raised on a 400 answer: the server could not understand the request."""


class AuthenticationError(APIError):
    """Raised on a 401 answer (or ``invalid_credentials``): bad password, or a
    revoked or expired token."""


class PermissionDeniedError(APIError):
    """Raised on a 403 answer (or ``access_denied``): the token may not do this."""


class EmailNotVerifiedError(PermissionDeniedError):
    """Raised on ``email_not_verified``: the account must verify its email first."""


class InsufficientScopeError(PermissionDeniedError):
    """Raised on ``insufficient_scope``: the token lacks a scope the route needs.

    Log in again asking for that scope (``auth.login(..., scopes=[...])``);
    retrying with the same token cannot help.

    Attributes:
        required_scope: The scope the route needs (``"wallet:read"``), from the
            error's ``details.required_scope`` or, when the body lacks it, the
            ``scope`` of the answer's ``WWW-Authenticate: Bearer`` header; None
            when the server named none.
        granted_scopes: The scopes the token has, from ``details.granted_scopes``;
            None when the server did not say (``[]`` means it has none).
    """

    def __init__(
        self,
        message: str,
        *,
        required_scope: str | None = None,
        granted_scopes: Sequence[str] | None = None,
        **kwargs: Any,
    ) -> None:
        details = kwargs.get("details") or {}
        if required_scope is None:
            required_scope = _scope_in(details, kwargs.get("response"))
        if granted_scopes is None:
            granted = details.get("granted_scopes")
            if isinstance(granted, list):
                granted_scopes = [str(g) for g in granted]
        self.required_scope = (
            cut_text(required_scope, MAX_SHORT_CHARS) if required_scope is not None else None
        )
        self._granted = (
            tuple(cut_text(g, MAX_SHORT_CHARS) for g in granted_scopes)
            if granted_scopes is not None
            else None
        )
        super().__init__(message, **kwargs)

    @property
    def granted_scopes(self) -> list[str] | None:
        return list(self._granted) if self._granted is not None else None

    def _describe(self) -> str:
        text = super()._describe()
        if self.required_scope is not None:
            text += f"; needs scope {self.required_scope}"
        if self._granted is not None:
            text += f", token has {', '.join(self._granted) or 'no scope'}"
        return cut_text(text, 2 * MAX_MESSAGE_CHARS)

    def __reduce__(self) -> tuple[Any, ...]:
        rebuild, (cls, message, state) = super().__reduce__()
        scopes = {"required_scope": self.required_scope, "granted_scopes": self.granted_scopes}
        return (rebuild, (cls, message, {**state, **scopes}))


# ``scope="wallet:read"`` or ``scope=wallet:read`` in a WWW-Authenticate challenge.
_CHALLENGE_SCOPE = re.compile(r'(?:^|[\s,])scope\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))', re.I)


def _scope_in(details: Mapping[str, Any], response: httpx.Response | None) -> str | None:
    """The required scope named by the details, else by a Bearer challenge."""
    named = details.get("required_scope")
    if isinstance(named, str):
        return named
    if response is None:
        return None
    for challenge in response.headers.get_list("www-authenticate"):
        if not challenge.lstrip().lower().startswith("bearer"):
            continue
        match = _CHALLENGE_SCOPE.search(challenge)
        if match:
            quoted, bare = match.groups()
            value = re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else bare
            return value.strip() or None
    return None


class NotFoundError(APIError):
    """Raised on a 404 answer: no such key, member, token or route for this account."""


class ConflictError(APIError):
    """Raised on a 409 answer: the request clashes with the current state."""


class ValidationError(APIError):
    """Raised on a 422 answer (or ``validation_error``): the server rejected a field.

    ``details`` maps each field to its list of messages (``{}`` when none).
    """

    details: Mapping[str, list[str]]

    def _describe(self) -> str:
        text = super()._describe()
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in self.details.items()
        )
        # ``details`` keeps every field; the text shows as much as a person reads.
        return f"{text}: {cut_text(problems)}" if problems else text


class RateLimitError(APIError):
    """Raised on a 429 answer (or ``rate_limited``) the SDK did not retry.

    ``retry_after`` is the server's ``Retry-After`` in seconds, or None.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)

    def _describe(self) -> str:
        text = super()._describe()
        if self.retry_after is not None:
            text += f"; retry after {self.retry_after:g} s"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        rebuild, (cls, message, state) = super().__reduce__()
        return (rebuild, (cls, message, {**state, "retry_after": self.retry_after}))


class ServerError(APIError):
    """Raised on a 5xx answer the SDK did not (or could no longer) retry."""


class APIConnectionError(ModelsLabError):
    """Raised when no answer came back: the request may not have reached the server,
    or the server may have acted without answering."""


class APITimeoutError(APIConnectionError, TimeoutError):
    """Raised when a connect, read, write or pool wait exceeded its timeout."""


class ResponseDecodeError(ModelsLabError):
    """Raised when the server answered something the SDK cannot read: not JSON,
    an HTML page, or a model without a required field.

    ``status_code`` is the HTTP status of that answer (None when unknown).
    """

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        self.status_code = status_code
        # It may quote what could not be read: bounded like the server's own messages.
        super().__init__(cut_text(message))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_decode_error, (str(self), self.status_code))


def _rebuild_decode_error(message: str, status_code: int | None) -> ResponseDecodeError:
    return ResponseDecodeError(message, status_code=status_code)


class ResponseTooLargeError(ResponseDecodeError):
    """Raised when an answer, decoded, is larger than the client's ``max_response_bytes``:
    the SDK stops reading at the limit and closes the connection."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self),), {"status_code": self.status_code})


class MissingTokenError(ModelsLabError):
    """Raised, before any request, when an authenticated route is called without a token."""


class InsecureTransportError(ModelsLabError, ValueError):
    """Raised at construction when a bearer token would travel over plain ``http://``
    to a host other than loopback (pass ``allow_insecure_http=True`` behind a trusted proxy).
    """


class BatchError(ModelsLabError):
    """Raised by ``BatchResult.raise_for_errors()``: holds every failed outcome.

    Attributes:
        failed: The failed :class:`Outcome` objects, in input order.
        exceptions: Their exceptions, in the same order.
    """

    def __init__(self, failed: Sequence[Outcome[Any, Any]], total: int) -> None:
        self.failed = list(failed)
        self.exceptions: list[BaseException] = [o.error for o in self.failed if o.error is not None]
        kinds: dict[str, int] = {}
        for exc in self.exceptions:
            kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
        summary = ", ".join(f"{count} {name}" for name, count in sorted(kinds.items()))
        super().__init__(f"{len(self.failed)} of {total} operations failed ({summary})")
