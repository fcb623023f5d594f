"""Exit codes, and turning any failure into one line on stderr plus its exit code.

Scripts branch on the exit code, so each class of failure has its own, and a
code never changes meaning between releases.
"""

from __future__ import annotations

import enum
from typing import Any, Final

from modelslab_agents import _exceptions as errors

__all__ = [
    "EXIT_CODES_HELP",
    "CliError",
    "ExitCode",
    "NotLoggedInError",
    "describe",
    "error_json",
    "exit_code_for",
]


class ExitCode(enum.IntEnum):
    """The documented exit codes of ``modelslab-agents``."""

    OK = 0
    FAILURE = 1  # anything else; a batch whose failures differ or that partly succeeded
    USAGE = 2  # bad options or arguments (click's own code), bad local input
    AUTHENTICATION = 3  # 401, or no token to send
    PERMISSION = 4  # 403 (email not verified, missing scope, not a team member)
    NOT_FOUND = 5  # 404
    REJECTED = 6  # 400, 409, 422: the server refused the request as sent
    RATE_LIMITED = 7  # 429 that outlasted the retries
    NETWORK = 8  # no answer: connection failed or timed out
    SERVER = 9  # 5xx, or an answer that could not be read
    INTERRUPTED = 130  # Ctrl-C


EXIT_CODES_HELP: Final = (
    "\b\nExit codes:\n"
    "  0  success\n"
    "  1  other failure; a batch that partly failed, or failed for mixed reasons\n"
    "  2  usage error: bad option, argument or local input\n"
    "  3  authentication: not logged in, or the token was refused (401)\n"
    "  4  permission denied (403), e.g. email not verified or missing scope\n"
    "  5  not found (404)\n"
    "  6  request rejected: validation (422), bad request (400), conflict (409)\n"
    "  7  rate limited (429) after the automatic retries\n"
    "  8  network: no connection, or timed out\n"
    "  9  server error (5xx) or an unreadable answer\n"
    "  130  interrupted (Ctrl-C)"
)


class CliError(Exception):
    """A failure of the command line itself (not the API), with its exit code."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class NotLoggedInError(CliError):
    """No token to send for a command that needs one."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.AUTHENTICATION)


# Most specific first: subclasses come before their bases.
_BY_CLASS: Final[tuple[tuple[type[BaseException], ExitCode], ...]] = (
    (errors.AuthenticationError, ExitCode.AUTHENTICATION),
    (errors.MissingTokenError, ExitCode.AUTHENTICATION),
    (errors.PermissionDeniedError, ExitCode.PERMISSION),
    (errors.NotFoundError, ExitCode.NOT_FOUND),
    (errors.ValidationError, ExitCode.REJECTED),
    (errors.BadRequestError, ExitCode.REJECTED),
    (errors.ConflictError, ExitCode.REJECTED),
    (errors.RateLimitError, ExitCode.RATE_LIMITED),
    (errors.ServerError, ExitCode.SERVER),
    (errors.ResponseDecodeError, ExitCode.SERVER),
    (errors.APIConnectionError, ExitCode.NETWORK),
    (errors.InsecureTransportError, ExitCode.USAGE),
)


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code of one failure."""
    if isinstance(exc, CliError):
        return exc.exit_code
    for cls, code in _BY_CLASS:
        if isinstance(exc, cls):
            return code
    if isinstance(exc, errors.APIError):
        return ExitCode.SERVER if exc.status_code >= 500 else ExitCode.FAILURE
    if isinstance(exc, ValueError):
        return ExitCode.USAGE  # the SDK's local argument checks, before any request
    return ExitCode.FAILURE


def describe(exc: BaseException) -> str:
    """One line naming the failure; the SDK's messages already carry the server's
    message and request id and never a secret."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, errors.InsecureTransportError):
        return f"{text} (on the command line: --allow-insecure-http)"
    if isinstance(exc, (errors.ModelsLabError, CliError, ValueError)):
        return text
    return f"{type(exc).__name__}: {text}"


def error_json(exc: BaseException) -> dict[str, Any]:
    """The ``--json`` shape of a failure (used for the failed items of a batch)."""
    api = exc if isinstance(exc, errors.APIError) else None
    return {
        "type": type(exc).__name__,
        "message": describe(exc),
        "status_code": api.status_code if api is not None else None,
        "code": api.code if api is not None else None,
        "request_id": api.request_id if api is not None else None,
        "exit_code": int(exit_code_for(exc)),
    }
