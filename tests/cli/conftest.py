"""Run the installed ``modelslab-agents`` command as a subprocess against the emulator.

Each test module serves one emulator over loopback (``fake.serve()``) and passes its
URL with ``--base-url``. Each test gets its own configuration directory, an
environment without the developer's ``MODELSLAB_*`` variables, and no OS keyring
unless it asks for the file-backed test keyring.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

from modelslab_agents.testing import FakeControlPlane

PASSWORD = "correct-horse-battery"
_HERE = Path(__file__).parent
_counter = itertools.count(1)


def new_email(prefix: str = "user") -> str:
    """An address no other test of the session uses."""
    return f"{prefix}{next(_counter)}@example.com"


@attrs.frozen
class Result:
    """What one run of the command did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@attrs.define
class Cli:
    """Runs ``python -m modelslab_agents`` with a private configuration directory."""

    base_url: str
    config_dir: Path
    env: dict[str, str]

    def __call__(
        self,
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        base_url: str | None = None,
        command: Sequence[str] = (sys.executable, "-m", "modelslab_agents"),
    ) -> Result:
        argv = [*command, *self._url_option(base_url), *args]
        proc = subprocess.run(
            argv,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            env={**self.env, **(env or {})},
            timeout=60,
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def invoke(
        self,
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        base_url: str | None = None,
    ) -> Result:
        """The same command run in this process by click's runner: much faster, for
        the many small cases; the subprocess runs cover the installed command."""
        from click.testing import CliRunner

        from modelslab_agents._cli._app import PROG_NAME, cli

        wanted = {**self.env, **(env or {})}
        overrides: dict[str, str | None] = {
            name: wanted.get(name)
            for name in {*os.environ, *wanted}
            if name.startswith(("MODELSLAB_", "COLUMNS"))
        }
        result = CliRunner().invoke(
            cli,
            [*self._url_option(base_url), *args],
            input=stdin if stdin is not None else "",
            env=overrides,
            prog_name=PROG_NAME,
            catch_exceptions=False,
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    def _url_option(self, base_url: str | None) -> list[str]:
        """``--base-url`` (this module's emulator unless given); "" leaves it out."""
        if base_url == "":
            return []
        return ["--base-url", base_url or self.base_url]

    def signup(self, email: str, *args: str) -> Result:
        """Sign up (in process), which logs in the current profile."""
        result = self.invoke(
            *args, "auth", "signup", email, "--password-stdin", stdin=PASSWORD + "\n"
        )
        assert result.code == 0, result.err
        return result

    def login(self, email: str, *args: str) -> Result:
        """Log in (in process) with the password on stdin."""
        result = self.invoke(*args, "auth", "login", email, "--password-stdin", stdin=PASSWORD)
        assert result.code == 0, result.err
        return result

    def terminal(self, *args: str, env: dict[str, str] | None = None) -> Terminal:
        """Start the command with a pseudo-terminal as stdin, stdout and stderr, as when
        a person runs it (prompts are asked, tables are drawn)."""
        if sys.platform == "win32":  # pragma: no cover
            pytest.skip("needs a POSIX pseudo-terminal")
        import pty

        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "modelslab_agents", *self._url_option(None), *args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env={**self.env, **(env or {})},
            # No controlling terminal: prompts use the pseudo-terminal on stdin, never
            # the terminal of the person running the tests (/dev/tty).
            start_new_session=True,
        )
        os.close(follower)
        return Terminal(proc, leader)

    def credentials(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.config_dir / "credentials.json").read_text())
        return data


@attrs.define
class Terminal:
    """A command running on a pseudo-terminal: what it wrote, and its exit code."""

    proc: subprocess.Popen[bytes]
    leader: int
    output: str = ""

    def read_until(self, text: str, *, limit: float = 30.0) -> bool:
        """Read the command's output until ``text`` shows up, it exits, or ``limit``
        seconds pass (a hung command fails the test instead of hanging it)."""
        import select
        import time

        deadline = time.monotonic() + limit
        while text not in self.output:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.leader], [], [], min(left, 0.5))
            if not ready:
                continue
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:  # EIO: the command closed the terminal
                return text in self.output
            if not chunk:
                return text in self.output
            self.output += chunk.decode("utf-8", "replace")
        return True

    def finish(self, *, limit: float = 60.0) -> int:
        """Read everything until the command exits; its exit code (killed if it hangs)."""
        self.read_until("\0never written\0", limit=limit)
        try:
            return self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"the command hung; it wrote: {self.output!r}")
        finally:
            os.close(self.leader)


def clean_env(config_dir: Path) -> dict[str, str]:
    """The process environment minus anything that could reach real credentials."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("MODELSLAB_", "PYTHON_KEYRING"))
    }
    env.update(
        {
            "MODELSLAB_CONFIG_DIR": str(config_dir),
            "MODELSLAB_NO_KEYRING": "1",
            "COLUMNS": "200",  # tables unwrapped, so lines can be matched
            "PYTHONUTF8": "1",
        }
    )
    return env


@pytest.fixture(scope="module")
def fake() -> FakeControlPlane:
    """One emulator per test module (tests use their own accounts in it)."""
    return FakeControlPlane()


@pytest.fixture(scope="module")
def base_url(fake: FakeControlPlane) -> Iterator[str]:
    with fake.serve(host="127.0.0.1", port=0) as url:
        yield url


@pytest.fixture
def cli(base_url: str, tmp_path: Path) -> Cli:
    config_dir = tmp_path / "config"
    return Cli(base_url=base_url, config_dir=config_dir, env=clean_env(config_dir))


@pytest.fixture
def keyring_file(tmp_path: Path, cli: Cli) -> Path:
    """Turn on the file-backed test keyring for ``cli``; returns its storage file."""
    path = tmp_path / "keyring.json"
    cli.env.pop("MODELSLAB_NO_KEYRING")
    cli.env.update(
        {
            "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(_HERE), os.environ.get("PYTHONPATH")])),
            "TEST_KEYRING_FILE": str(path),
        }
    )
    return path


@pytest.fixture
def owner(cli: Cli) -> str:
    """A signed-up account on the module's emulator."""
    email = new_email("owner")
    cli.signup(email)
    return email
