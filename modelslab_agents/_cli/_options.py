"""Options and inputs shared by many commands: ``--json``, passwords, prompts."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import click

from modelslab_agents._secret import Secret
from modelslab_agents._types import TOKEN_EXPIRIES
from modelslab_agents._validation import check_email, describe_rejected

from ._errors import CliError, ExitCode
from ._state import AppState

__all__ = [
    "CHECK_EMAIL",
    "CHECK_ID",
    "CHECK_INVITATION_ID",
    "check_email_input",
    "expiry_option",
    "json_option",
    "password_stdin_option",
    "prompt_text",
    "read_secret",
    "scopes_option",
]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def _positive_id(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    text = str(value).strip()
    if not (text.isascii() and text.isdigit() and int(text) > 0):
        raise ValueError(f"expected a positive whole number, got {describe_rejected(value)}")
    return int(text)


def _email(value: object) -> str:
    try:
        return check_email("email", value)
    except (TypeError, ValueError):
        raise ValueError(
            f"expected an email address like name@example.com, got {describe_rejected(value)}"
        ) from None


def _invitation_id(value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError:
        raise ValueError(
            f"expected an invitation id (a UUID), got {describe_rejected(value)}"
        ) from None


def _each(check: Callable[[object], T]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback checking one value, or every value of a ``nargs=-1`` argument
    (naming the first bad one by position), when the command line is parsed: before any
    prompt and before any request."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, tuple):
            try:
                return check(value)
            except ValueError as exc:
                raise click.BadParameter(str(exc), ctx, param) from None
        checked = []
        for index, item in enumerate(value, 1):
            try:
                checked.append(check(item))
            except ValueError as exc:
                where = f"item {index} of {len(value)}: " if len(value) > 1 else ""
                raise click.BadParameter(f"{where}{exc}", ctx, param) from None
        return tuple(checked)

    return callback


CHECK_ID = _each(_positive_id)
"""Callback of an id argument (API key, token, team member): a positive integer."""
CHECK_EMAIL = _each(_email)
"""Callback of an email argument: ``local@domain``, as the SDK checks it."""
CHECK_INVITATION_ID = _each(_invitation_id)
"""Callback of an invitation id: a UUID."""


def check_email_input(value: str) -> str:
    """An email that was asked for at a prompt: a usage error (exit 2) when bad."""
    try:
        return _email(value)
    except ValueError as exc:
        raise CliError(f"invalid email: {exc}", ExitCode.USAGE) from None


def _set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(AppState).output.as_json = True


def json_option(fn: F) -> F:
    """``--json`` on a command, the same as the global ``--json``."""
    return click.option(
        "--json",
        "as_json",
        is_flag=True,
        expose_value=False,
        callback=_set_json,
        help="Print JSON for scripts instead of tables (same as the global --json).",
    )(fn)


def _complete_expiry(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    return [value for value in TOKEN_EXPIRIES if value.startswith(incomplete)]


def expiry_option(default: str | None = None) -> Callable[[F], F]:
    """``--expiry LIFETIME``: the documented lifetimes complete in the shell, but any value
    is sent, because the server decides which lifetimes it takes (the set grows).

    Args:
        default: the value sent without the option; None sends none (the server's, 1_month).
    """
    shown = default or "the server's, 1_month"
    return click.option(
        "--expiry",
        metavar="LIFETIME",
        default=default,
        shell_complete=_complete_expiry,
        help=f"Lifetime of the new token: {', '.join(TOKEN_EXPIRIES)} (the server decides "
        f"which it takes) [default: {shown}].",
    )


def scopes_option(default: str) -> Callable[[F], F]:
    """``--scope SCOPE``, repeatable; any name is sent, the server judges it.

    Args:
        default: what the new token gets without the option.
    """
    return click.option(
        "--scope",
        "scopes",
        multiple=True,
        metavar="SCOPE",
        help="Limit the new token to this scope (repeatable), e.g. api-keys:read; "
        f"`auth scopes` lists them [default: {default}].",
    )


def password_stdin_option(fn: F) -> F:
    """``--password-stdin``: read passwords from stdin, one per line."""
    return click.option(
        "--password-stdin",
        is_flag=True,
        help="Read the password from stdin (one line) instead of asking for it.",
    )(fn)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_secret(label: str, *, from_stdin: bool, confirm: bool = False) -> Secret:
    """A password (or other secret) from a hidden prompt, or one line of stdin.

    Never echoed, never taken from the command line (where ``ps`` and shell
    history would show it).
    """
    if from_stdin:
        line = sys.stdin.readline()
        value = line.rstrip("\r\n")
        if not value:
            raise CliError(f"expected the {label} on stdin (one line)", ExitCode.USAGE)
        return Secret(value)
    if not _interactive():
        raise CliError(
            f"cannot ask for the {label}: stdin is not a terminal; "
            "pass --password-stdin and write it to stdin",
            ExitCode.USAGE,
        )
    value = click.prompt(
        label[:1].upper() + label[1:],
        hide_input=True,
        confirmation_prompt=confirm,
        err=True,
    )
    return Secret(str(value))


def prompt_text(label: str, value: str | None) -> str:
    """``value``, or asked for when missing and stdin is a terminal."""
    if value:
        return value
    if not _interactive():
        raise CliError(f"missing {label}", ExitCode.USAGE)
    return str(click.prompt(label[:1].upper() + label[1:], err=True))
