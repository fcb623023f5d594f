"""``modelslab-agents emulator`` and ``modelslab-agents demo``: the offline emulator."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import signal
import sys
import time
from types import FrameType

import click

from ._errors import CliError
from ._options import json_option
from ._state import AppState, pass_state

__all__ = ["demo", "emulator"]

DEFAULT_PORT = 8787
_POLL_SECONDS = 0.2


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _stop_on_sigterm() -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


@click.command(short_help="Serve the offline emulator until Ctrl-C.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on; 0 picks a free one.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--require-email-verification",
    is_flag=True,
    help="Signup returns no token until the emailed code is passed to `auth verify-email`.",
)
@click.option("--seed", type=int, help="Make tokens, keys and ids reproducible.")
@click.option(
    "--rate-limits/--no-rate-limits",
    default=True,
    show_default=True,
    help="Enforce the published rate limits (agent-auth 20 a minute, agent-general 120).",
)
@json_option
@pass_state
def emulator(
    state: AppState,
    port: int,
    host: str,
    require_email_verification: bool,
    seed: int | None,
    rate_limits: bool,
) -> None:
    """Serve the offline emulator of the Agent Control Plane until Ctrl-C.

    Prints the base URL on the first line of stdout, then one line per email the
    emulator "sends" (verification codes, reset tokens, invitation ids), since
    there is no real mailbox. State lives in memory and is gone when it stops.
    With --json each line is a JSON object: {"base_url": ...} first, then
    {"to": ..., "kind": ..., "token": ...} per email.

    \b
    In another terminal:
      export MODELSLAB_BASE_URL=http://127.0.0.1:8787/api/agents/v1
      modelslab-agents auth signup me@example.com
    """
    from modelslab_agents.testing import FakeControlPlane
    from modelslab_agents.testing._mcp import mcp_url as emulator_mcp_url

    fake = FakeControlPlane(
        require_email_verification=require_email_verification, seed=seed, rate_limits=rate_limits
    )
    if not _is_loopback(host):
        click.echo(
            f"warning: serving on {host}, reachable from other machines; the emulator has "
            "no real security",
            err=True,
        )
    _stop_on_sigterm()
    with contextlib.ExitStack() as stack:
        try:
            base_url = stack.enter_context(fake.serve(host=host, port=port))
        except OSError as exc:  # e.g. the port is taken; the message names host and port
            raise CliError(str(exc)) from None
        except RuntimeError as exc:
            raise CliError(f"could not serve on {host}:{port}: {exc}") from None
        as_json = state.output.as_json
        click.echo(json.dumps({"base_url": base_url}) if as_json else base_url)
        sys.stdout.flush()
        click.echo(
            f"Emulator serving {base_url}; Ctrl-C to stop.\n  export MODELSLAB_BASE_URL={base_url}",
            err=True,
        )
        if (mcp_url := emulator_mcp_url(base_url)) is not None:
            click.echo(f"  MCP (hosted tools, bearer token): {mcp_url}", err=True)
        shown = 0
        try:
            while True:
                outbox = fake.outbox
                for email in outbox[shown:]:
                    click.echo(
                        json.dumps({"to": email.to, "kind": email.kind, "token": email.token})
                        if as_json
                        else f"email to={email.to} kind={email.kind} token={email.token}"
                    )
                    sys.stdout.flush()
                shown = len(outbox)
                time.sleep(_POLL_SECONDS)
        except KeyboardInterrupt:
            click.echo("Emulator stopped.", err=True)


@click.command(short_help="Run the whole bootstrap story, offline.")
@json_option
@pass_state
def demo(state: AppState) -> None:
    """Run the whole agent bootstrap story against a private emulator, offline.

    Signs up, logs in, creates an API key, invites a teammate who accepts and
    switches into the team account, revokes tokens, runs a concurrent batch,
    and logs out, printing one line per step (secrets masked). Takes a few
    seconds; needs no network and no configuration; changes nothing stored.
    With --json, prints {"ok": true, "steps": [...]} at the end instead.
    """
    from modelslab_agents._demo import run

    out = state.output
    if not out.as_json:
        run(out.line)
        return
    steps: list[str] = []
    run(steps.append)
    out.json({"ok": True, "steps": steps})
