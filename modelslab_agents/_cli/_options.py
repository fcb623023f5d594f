"""Options and inputs shared by many commands: ``--json``, passwords, prompts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from modelslab_agents._secret import Secret

from ._errors import CliError, ExitCode
from ._state import AppState

__all__ = [
    "ID",
    "json_option",
    "password_stdin_option",
    "prompt_text",
    "read_secret",
]

F = TypeVar("F", bound=Callable[..., Any])


if TYPE_CHECKING:
    _IdType = click.ParamType[int, Any]  # generic from click 8.2 on
else:
    _IdType = click.ParamType


class _PositiveId(_IdType):
    """An id of an API key, token or team member: a positive integer."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        text = str(value).strip()
        if not (text.isdigit() and int(text) > 0):
            self.fail(f"{value!r} is not an id (a positive whole number)", param, ctx)
        return int(text)


ID = _PositiveId()


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
