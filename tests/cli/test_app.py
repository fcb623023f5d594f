"""The root command: help everywhere, version, completion, and the missing extra."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator

import click
import pytest

from modelslab_agents import __version__
from modelslab_agents._cli import _state
from modelslab_agents._cli._app import cli as root

from .conftest import Cli


def _walk(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from _walk(command, (*path, name))


COMMANDS = sorted(_walk(root))


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = root
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def test_the_tree_has_every_route_as_a_command() -> None:
    assert {" ".join(path) for path in COMMANDS} >= {
        "auth signup", "auth login", "auth logout", "auth logout-all", "auth forgot-password",
        "auth reset-password", "auth resend-verification", "auth verify-email",
        "tokens list", "tokens revoke", "tokens revoke-others", "tokens switch-account",
        "profile show", "profile update", "profile password", "profile socials",
        "profile preferences",
        "keys list", "keys create", "keys get", "keys update", "keys delete",
        "teams list", "teams invite", "teams get", "teams update", "teams remove",
        "teams resend-invite", "teams accept",
        "demo", "emulator",
    }  # fmt: skip


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help(cli: Cli, path: tuple[str, ...]) -> None:
    result = cli.invoke(*path, "--help")
    assert result.code == 0, result.err
    assert result.out.startswith(f"Usage: modelslab-agents {' '.join(path)}")
    command = root
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert command.help is not None
    assert len(command.help.split()) >= 5  # says what it does


def test_help_alone_shows_how_to_log_in_create_a_key_invite_and_list_tokens(cli: Cli) -> None:
    text = cli.invoke("--help").out
    for step in (
        "modelslab-agents emulator",
        "auth signup",
        "keys create",
        "teams invite",
        "tokens list",
        "_MODELSLAB_AGENTS_COMPLETE=bash_source modelslab-agents",
    ):
        assert step in text
    login = cli.invoke("auth", "login", "--help").out
    assert "--password-stdin" in login
    assert "--base-url http://127.0.0.1:8787/api/agents/v1" in login


def test_version(cli: Cli) -> None:
    assert cli.invoke("--version").out.strip() == f"modelslab-agents, version {__version__}"


def test_shell_completion_script_and_candidates(cli: Cli) -> None:
    script = cli("--version", env={"_MODELSLAB_AGENTS_COMPLETE": "bash_source"})
    assert script.code == 0
    assert "_modelslab_agents_completion()" in script.out
    words = cli(
        env={
            "_MODELSLAB_AGENTS_COMPLETE": "bash_complete",
            "COMP_WORDS": "modelslab-agents --base-url x te",
            "COMP_CWORD": "3",
        }
    )
    assert words.out.split() == ["plain,teams"]


def test_ctrl_c_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_state.AppState, "client", interrupted)
    result = cli.invoke("profile", "show")
    assert (result.code, result.err.strip()) == (130, "interrupted")


def test_an_unexpected_failure_is_one_line_without_a_traceback(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(_state.AppState, "client", broken)
    result = cli.invoke("profile", "show")
    assert result.code == 1
    assert result.err.strip() == (
        "error: RuntimeError: boom (set MODELSLAB_LOG=debug for the traceback)"
    )


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_without_the_cli_extra_the_command_says_what_to_install() -> None:
    blocked = "import sys; sys.modules['click'] = None; sys.argv = ['modelslab-agents', 'keys']\n"
    result = _python(blocked + "from modelslab_agents._cli import main; main()")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("pip install 'modelslab-agents[cli]'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_sdk_imports_without_the_cli_packages() -> None:
    code = (
        "import sys\n"
        "for name in ('click', 'rich', 'platformdirs'): sys.modules[name] = None\n"
        "import modelslab_agents, modelslab_agents.testing, modelslab_agents._demo\n"
        "modelslab_agents.ModelsLab(base_url='http://127.0.0.1:1').close()\n"
        "print('ok')\n"
    )
    result = _python(code)
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr


def test_without_the_cli_extra_the_demo_still_runs() -> None:
    blocked = "import sys; sys.modules['click'] = None; sys.argv = ['modelslab-agents', 'demo']\n"
    result = _python(blocked + "from modelslab_agents._cli import main; main()")
    assert result.returncode == 0, result.stderr
    assert "14. logout" in result.stdout


# `mcp serve` speaks the MCP protocol on stdout; it has no output of its own to format.
_NO_FORMAT = {("mcp", "serve")}


@pytest.mark.parametrize(
    "path",
    [p for p in COMMANDS if not isinstance(_command(p), click.Group) and p not in _NO_FORMAT],
    ids=" ".join,
)
def test_every_command_takes_json(path: tuple[str, ...]) -> None:
    options = [o for o in _command(path).params if isinstance(o, click.Option)]
    assert any("--json" in option.opts for option in options)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_at_a_password_prompt_exits_130(cli: Cli) -> None:
    term = cli.terminal("auth", "login", "someone@example.com")
    assert term.read_until("Password:")
    term.proc.send_signal(signal.SIGINT)  # what Ctrl-C sends to the foreground process
    assert term.finish() == 130
    assert "interrupted" in term.output
    assert "Aborted" not in term.output
