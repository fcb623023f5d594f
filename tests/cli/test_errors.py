"""Exit codes: every class of failure has its own, with one clear line on stderr."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from modelslab_agents import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    EmailNotVerifiedError,
    InsecureTransportError,
    MissingTokenError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    ValidationError,
)
from modelslab_agents._cli._errors import CliError, ExitCode, error_json, exit_code_for
from modelslab_agents.testing import FakeControlPlane

from .conftest import PASSWORD, Cli, new_email


def _api(cls: type, status: int) -> Exception:
    return cls("boom", status_code=status, code="x", request_id="req_1")  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (_api(AuthenticationError, 401), 3),
        (MissingTokenError("no token"), 3),
        (_api(PermissionDeniedError, 403), 4),
        (_api(EmailNotVerifiedError, 403), 4),
        (_api(NotFoundError, 404), 5),
        (_api(ValidationError, 422), 6),
        (_api(BadRequestError, 400), 6),
        (_api(ConflictError, 409), 6),
        (RateLimitError("slow down", status_code=429, retry_after=3), 7),
        (APIConnectionError("refused"), 8),
        (APITimeoutError("timed out"), 8),
        (_api(ServerError, 503), 9),
        (ResponseDecodeError("not JSON", status_code=200), 9),
        (InsecureTransportError("plain http"), 2),
        (ValueError("bad id"), 2),
        (CliError("cannot write"), 1),
        (RuntimeError("unexpected"), 1),
    ],
)
def test_each_error_class_has_its_documented_exit_code(error: Exception, code: int) -> None:
    assert exit_code_for(error) == code


def test_error_json_carries_the_server_facts() -> None:
    error = NotFoundError("API key not found.", status_code=404, code="not_found", request_id="r1")
    assert error_json(error) == {
        "type": "NotFoundError",
        "message": "API key not found. (status 404, code not_found, request_id r1)",
        "status_code": 404,
        "code": "not_found",
        "request_id": "r1",
        "exit_code": 5,
    }


def test_the_root_help_documents_every_exit_code(cli: Cli) -> None:
    result = cli.invoke("--help")
    assert result.code == 0
    for code in ExitCode:
        assert f"  {int(code)}  " in result.out


# -- provoked through the command line, against the emulator -------------------------


@pytest.fixture
def logged_in(cli: Cli) -> str:
    email = new_email()
    cli.signup(email)
    return email


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    return lines[0]


def test_not_logged_in_exits_3_and_says_how_to_log_in(cli: Cli) -> None:
    result = cli("keys", "list")  # the installed command, as a subprocess
    assert result.code == 3
    line = _one_error_line(result.err)
    assert "not logged in" in line
    assert "auth login" in line
    assert result.out == ""


def test_a_wrong_password_exits_3_with_the_request_id(cli: Cli, logged_in: str) -> None:
    result = cli.invoke("auth", "login", logged_in, "--password-stdin", stdin="wrong-password\n")
    assert result.code == 3
    line = _one_error_line(result.err)
    assert "invalid_credentials" in line
    assert "request_id req_" in line
    assert "wrong-password" not in result.err


def test_a_revoked_token_exits_3(cli: Cli, logged_in: str, fake: FakeControlPlane) -> None:
    token = fake.issue_token(logged_in)
    assert cli.invoke("auth", "logout", env={"MODELSLAB_AGENT_TOKEN": token}).code == 0
    result = cli.invoke("profile", "show", env={"MODELSLAB_AGENT_TOKEN": token})
    assert result.code == 3
    line = _one_error_line(result.err)
    assert "status 401" in line
    assert "auth login" in line


def test_a_missing_scope_exits_4(cli: Cli, logged_in: str) -> None:
    login = cli.invoke(
        "auth", "login", logged_in, "--password-stdin", "--scope", "api-keys:read", stdin=PASSWORD
    )
    assert login.code == 0, login.err
    assert cli.invoke("keys", "list").code == 0
    result = cli.invoke("keys", "create", "nope")
    assert result.code == 4
    assert "insufficient_scope" in _one_error_line(result.err)


def test_an_unknown_id_exits_5(cli: Cli, logged_in: str) -> None:
    result = cli.invoke("keys", "get", "987654")
    assert result.code == 5
    assert "not_found" in _one_error_line(result.err)


def test_a_rejected_field_exits_6_naming_it(cli: Cli) -> None:
    result = cli.invoke("auth", "signup", new_email(), "--password-stdin", stdin="short\n")
    assert result.code == 6
    line = _one_error_line(result.err)
    assert "validation_error" in line
    assert "password:" in line


def test_a_conflict_exits_6(cli: Cli, logged_in: str) -> None:
    mate = new_email()
    assert cli.invoke("teams", "invite", mate).code == 0
    result = cli.invoke("teams", "invite", mate)
    assert result.code == 6
    assert "status 409" in _one_error_line(result.err)


def test_rate_limited_exits_7(cli: Cli, logged_in: str, fake: FakeControlPlane) -> None:
    fake.inject_fault("rate_limit", route="GET /api-keys", retry_after=30)
    result = cli.invoke("--max-retries", "0", "keys", "list")
    assert result.code == 7
    assert "retry after 30 s" in _one_error_line(result.err)


@pytest.fixture
def closed_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]  # bound but not listening: connections are refused


def test_no_connection_exits_8(cli: Cli, closed_port: int) -> None:
    result = cli(
        "--max-retries",
        "0",
        "profile",
        "show",
        base_url=f"http://127.0.0.1:{closed_port}/api/agents/v1",
        env={"MODELSLAB_AGENT_TOKEN": "1|not-used"},
    )
    assert result.code == 8
    assert "never saw the request" in _one_error_line(result.err)


@pytest.mark.parametrize("kind", ["server_error", "html_error", "malformed"])
def test_server_failures_exit_9(
    cli: Cli, logged_in: str, fake: FakeControlPlane, kind: str
) -> None:
    fake.inject_fault(kind, route="GET /me")  # type: ignore[arg-type]
    result = cli.invoke("--max-retries", "0", "profile", "show")
    assert result.code == 9
    line = _one_error_line(result.err)
    assert "<html" not in line.lower()


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli.invoke("keys", "get", "abc").code == 2
    assert cli.invoke("keys", "delete").code == 2  # at least one id
    assert cli.invoke("teams", "accept", "not-a-uuid").code == 2
    # No terminal to ask for the password on, and no --password-stdin.
    no_tty = cli.invoke("auth", "login", "a@example.com")
    assert no_tty.code == 2
    assert "--password-stdin" in no_tty.err


def test_plain_http_off_loopback_exits_2(cli: Cli) -> None:
    result = cli.invoke(
        "profile",
        "show",
        base_url="http://control.example.com/api/agents/v1",
        env={"MODELSLAB_AGENT_TOKEN": "1|not-used"},
    )
    assert result.code == 2
    assert "--allow-insecure-http" in _one_error_line(result.err)
