"""The root command: global options, the command tree, and error reporting."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import Any

import click

from modelslab_agents._exceptions import ModelsLabError
from modelslab_agents._version import __version__

from ._credentials import CONFIG_DIR_ENV, NO_KEYRING_ENV, CredentialStore, check_profile_name
from ._errors import EXIT_CODES_HELP, CliError, ExitCode, describe, exit_code_for
from ._state import AppState

__all__ = ["cli", "run"]

PROG_NAME = "modelslab-agents"

_EPILOG = f"""\b
Credentials:
  `auth login` stores the token in the OS keyring when the `keyring` package
  has a working backend, otherwise in credentials.json (mode 0600) in the user
  configuration directory (mode 0700); `auth status` shows which and where.
  Each --profile keeps its own login and base URL.

\b
Environment:
  MODELSLAB_PROFILE       profile to use (like --profile)
  MODELSLAB_BASE_URL      API base URL (like --base-url)
  MODELSLAB_AGENT_TOKEN   token to send instead of the stored one
                          (MODELSLAB_TOKEN is read too)
  {CONFIG_DIR_ENV:<23} where credentials.json lives
  {NO_KEYRING_ENV:<23} set to 1 to keep tokens in the file, not the keyring
  MODELSLAB_LOG           debug|info: log requests and retries to stderr

\b
Shell completion (bash; use zsh_source / fish_source for those shells):
  eval "$(_MODELSLAB_AGENTS_COMPLETE=bash_source modelslab-agents)"

{EXIT_CODES_HELP}
"""


class RootGroup(click.Group):
    """Turns every failure into one line on stderr and its documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.Abort as exc:
            # click turns Ctrl-C at a prompt into Abort (exit 1); it is still Ctrl-C.
            if not isinstance(exc.__context__, KeyboardInterrupt):
                raise
            click.echo("\ninterrupted", err=True)
            raise click.exceptions.Exit(ExitCode.INTERRUPTED) from None
        except (click.exceptions.Exit, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(ExitCode.INTERRUPTED) from None
        except (ModelsLabError, CliError, ValueError) as exc:
            _report(exc, refused=_token_refused(ctx, exc))
            raise click.exceptions.Exit(exit_code_for(exc)) from None
        except Exception as exc:
            if os.environ.get("MODELSLAB_LOG", "").lower() == "debug":
                traceback.print_exc()
            _report(exc, unexpected=True)
            raise click.exceptions.Exit(ExitCode.FAILURE) from None


def _token_refused(ctx: click.Context, exc: BaseException) -> bool:
    """A 401 (or a batch that failed only with 401s) after a token was sent, whose
    message does not say how to log in already."""
    state = ctx.obj
    return (
        isinstance(state, AppState)
        and state.sent_token
        and exit_code_for(exc) == ExitCode.AUTHENTICATION
        and "auth login" not in str(exc)
    )


def _report(exc: BaseException, *, unexpected: bool = False, refused: bool = False) -> None:
    line = f"error: {describe(exc)}"
    if refused:
        line += "; the token was refused: log in again with `modelslab-agents auth login EMAIL`"
    if unexpected:
        line += " (set MODELSLAB_LOG=debug for the traceback)"
    click.echo(line, err=True)


def _complete_profiles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    try:
        names = CredentialStore().profile_names()
    except Exception:
        return []
    return [name for name in names if name.startswith(incomplete)]


def _check_profile(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return check_profile_name(value)
    except CliError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(
    cls=RootGroup,
    epilog=_EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--profile",
    "-p",
    default="default",
    show_default=True,
    envvar="MODELSLAB_PROFILE",
    callback=_check_profile,
    shell_complete=_complete_profiles,
    help="Named login to use; each profile stores its own token and base URL.",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="API base URL, e.g. the emulator's http://127.0.0.1:8787/api/agents/v1 "
    "[default: the profile's, else https://modelslab.com/api/agents/v1].",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON for scripts instead of tables (secrets stay masked).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Timeout of each request [default: 30].",
)
@click.option(
    "--max-retries",
    type=click.IntRange(min=0),
    metavar="N",
    help="Retries of a failed request that is safe to retry [default: 2].",
)
@click.option(
    "--allow-insecure-http",
    is_flag=True,
    help="Allow a plain http:// base URL off loopback (a trusted proxy only).",
)
@click.version_option(__version__, "--version", prog_name=PROG_NAME)
@click.pass_context
def cli(
    ctx: click.Context,
    profile: str,
    base_url: str | None,
    as_json: bool,
    timeout: float | None,
    max_retries: int | None,
    allow_insecure_http: bool,
) -> None:
    """Manage ModelsLab accounts from the shell: log in, API keys, teams, tokens, profile.

    \b
    Try it offline against the emulator, in two terminals:
      modelslab-agents emulator --port 8787
      export MODELSLAB_BASE_URL=http://127.0.0.1:8787/api/agents/v1
      modelslab-agents auth signup me@example.com    # asks for a password, logs in
      modelslab-agents keys create my-agent          # shows the new key once
      modelslab-agents teams invite friend@example.com
      modelslab-agents tokens list
    Or watch the whole story run by itself: modelslab-agents demo

    Every command has --help. Tables are for people; add --json for scripts.
    """
    state = AppState(
        profile=profile,
        base_url=base_url,
        as_json=as_json,
        timeout=timeout,
        max_retries=max_retries,
        allow_insecure_http=allow_insecure_http,
    )
    ctx.obj = state
    ctx.call_on_close(state.close)


def _register() -> None:
    from ._auth import auth
    from ._emulator import demo, emulator
    from ._keys import keys
    from ._mcp import mcp
    from ._profile import profile
    from ._spec import spec
    from ._teams import teams
    from ._tokens import tokens

    for command in (auth, tokens, profile, keys, teams, demo, emulator, spec, mcp):
        cli.add_command(command)


_register()


def run(args: Sequence[str]) -> None:
    """Run the command line with ``args`` and exit with its code."""
    cli.main(args=list(args), prog_name=PROG_NAME, complete_var="_MODELSLAB_AGENTS_COMPLETE")
    sys.exit(0)  # pragma: no cover - click exits itself in standalone mode
