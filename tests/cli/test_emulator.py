"""``modelslab-agents emulator``: serve until interrupted, printing its emails."""

from __future__ import annotations

import json
import selectors
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from modelslab_agents import ModelsLab, RateLimitError

from .conftest import PASSWORD, new_email

_GIVE_UP = 30.0  # seconds: only so a broken emulator cannot hang the suite


def _read_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        assert selector.select(_GIVE_UP), "the emulator printed nothing"
    return proc.stdout.readline().strip()


@pytest.fixture
def emulator() -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "modelslab_agents",
            "emulator",
            "--port",
            "0",
            "--require-email-verification",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(_GIVE_UP)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_serves_prints_emails_and_stops_on_ctrl_c(emulator: subprocess.Popen[str]) -> None:
    base_url = _read_line(emulator)
    assert base_url.startswith("http://127.0.0.1:")
    assert base_url.endswith("/api/agents/v1")

    email = new_email()
    with ModelsLab(base_url=base_url) as client:
        assert client.auth.signup(email, PASSWORD).verification_required is True
        line = _read_line(emulator)
        assert line.startswith(f"email to={email} kind=verification token=")
        code = line.rsplit("token=", 1)[1]
        # The printed code is the real one: it verifies the account.
        assert client.auth.verify_email(code).user.email == email  # type: ignore[union-attr]

    emulator.send_signal(signal.SIGINT)
    _, err = emulator.communicate(timeout=_GIVE_UP)
    assert emulator.returncode == 0
    assert "Emulator stopped." in err
    assert "Traceback" not in err


def test_a_taken_port_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "modelslab_agents", "emulator", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=_GIVE_UP,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert str(port) in result.stderr
    assert "Traceback" not in result.stderr


def test_json_lines_for_the_base_url_and_each_email() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "modelslab_agents", "emulator", "--port", "0", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base_url = json.loads(_read_line(proc))["base_url"]
        with ModelsLab(base_url=base_url) as client:
            client.auth.forgot_password("nobody@example.com")
            email = new_email("jsonl")
            client.auth.signup(email, PASSWORD)
            client.auth.forgot_password(email)
        line = json.loads(_read_line(proc))
        assert (line["to"], line["kind"]) == (email, "password_reset")
        assert line["token"]
    finally:
        proc.kill()
        proc.wait(_GIVE_UP)


def test_the_demo_prints_json() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "modelslab_agents", "demo", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert len(data["steps"]) > 5


@pytest.mark.parametrize("limited", [True, False], ids=["published-limits", "no-rate-limits"])
def test_the_published_login_limit_holds_unless_turned_off(limited: bool) -> None:
    flag = [] if limited else ["--no-rate-limits"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "modelslab_agents", "emulator", "--port", "0", *flag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base_url = _read_line(proc)
        email = new_email("limits")
        # A short total_timeout: the client refuses to wait out a spent window.
        with ModelsLab(base_url=base_url, max_retries=0, total_timeout=5.0) as client:
            client.auth.signup(email, PASSWORD)
            allowed, limited_at = 0, None
            for _ in range(45):
                try:
                    client.auth.login(email, PASSWORD)
                except RateLimitError:
                    limited_at = allowed
                    break
                allowed += 1
    finally:
        proc.kill()
        proc.wait(_GIVE_UP)
    if limited:
        # agent-auth: 20 a minute per address and email, the signup included. Fixed
        # windows: a window that ends during the run lets at most 20 more through.
        assert limited_at is not None
        assert 19 <= limited_at <= 39
    else:
        assert (allowed, limited_at) == (45, None)
