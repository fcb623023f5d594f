"""The SDK's exceptions.

Every exception the SDK raises on purpose derives from :class:`ModelsLabError`::

    ModelsLabError
    ├── APIError                    the server answered with an error
    │   ├── BadRequestError         400
    │   ├── AuthenticationError     401
    │   ├── PermissionDeniedError   403
    │   │   ├── EmailNotVerifiedError
    │   │   └── InsufficientScopeError
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

Messages name the problem and carry the server's message and request id; they
never carry a token, an API key, a password or a whole HTML page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

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
        self.message = message
        self.status_code = status_code
        self.code = code
        self.details: Mapping[str, Any] = details if details is not None else {}
        self.request_id = request_id
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

    ``required_scope`` and ``granted_scopes`` come from the error details.
    """

    @property
    def required_scope(self) -> str | None:
        value = self.details.get("required_scope")
        return value if isinstance(value, str) else None

    @property
    def granted_scopes(self) -> list[str]:
        value = self.details.get("granted_scopes")
        return [str(v) for v in value] if isinstance(value, list) else []


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
        return f"{text}: {problems}" if problems else text


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
        super().__init__(message)

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
