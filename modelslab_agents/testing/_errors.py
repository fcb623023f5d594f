"""Error answers: one exception type that every stage of request handling may raise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = [
    "ApiError",
    "access_denied",
    "conflict",
    "insufficient_scope",
    "not_found",
    "validation_error",
]


class ApiError(Exception):
    """An answer with ``data: null`` and an ``error`` object.

    Raised by routing, authentication and route handlers alike; the core renders it as
    the error envelope, with ``headers`` added to the answer.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Mapping[str, object] | None = None,
        headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = tuple(headers)


def validation_error(details: Mapping[str, Sequence[str]]) -> ApiError:
    """The 422 answer for a body that failed validation: ``details`` maps field -> messages."""
    bag = {field: list(messages) for field, messages in details.items()}
    return ApiError(422, "validation_error", "The given data was invalid.", bag)


def not_found(message: str) -> ApiError:
    """404 ``not_found``: also the answer for another account's objects, so nothing leaks."""
    return ApiError(404, "not_found", message)


def access_denied(message: str) -> ApiError:
    """403 ``access_denied``."""
    return ApiError(403, "access_denied", message)


def conflict(message: str) -> ApiError:
    """409 ``conflict``."""
    return ApiError(409, "conflict", message)


def insufficient_scope(required: str, granted: Sequence[str]) -> ApiError:
    """403 ``insufficient_scope``: the token lacks ``required``. Re-authenticate, do not retry.

    The details and the ``WWW-Authenticate`` challenge (RFC 6750) both name the scope.
    """
    return ApiError(
        403,
        "insufficient_scope",
        f"This token lacks the {required} scope.",
        {"required_scope": required, "granted_scopes": list(granted)},
        headers=[
            (
                "WWW-Authenticate",
                f'Bearer realm="modelslab", error="insufficient_scope", scope="{required}"',
            )
        ],
    )
