"""``auth``: logging in and out honestly, email verification, password reset."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from modelslab_agents.testing import FakeControlPlane

from .conftest import PASSWORD, Cli, new_email


def test_logout_reports_a_server_failure_and_keeps_the_token(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    fake.inject_fault("server_error", route="POST /auth/logout")
    failed = cli.invoke("--max-retries", "0", "auth", "logout")
    assert failed.code == 9
    assert "still stored in profile 'default'" in failed.err
    assert "error: " in failed.err
    assert len(fake.tokens_of(owner)) == 1
    assert cli.credentials()["profiles"]["default"]["token_store"] == "file"
    # Retrying works, and then the token is gone on both sides.
    assert cli.invoke("auth", "logout").code == 0
    assert fake.tokens_of(owner) == []
    assert cli.credentials()["profiles"]["default"]["token_store"] is None


def test_logout_with_an_already_revoked_token_removes_it_with_a_warning(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    other = fake.issue_token(owner)
    assert cli.invoke("auth", "logout-all", env={"MODELSLAB_AGENT_TOKEN": other}).code == 0
    result = cli.invoke("--json", "auth", "logout")
    assert result.code == 0
    assert "warning: the server refused the token" in result.err
    assert result.json() == {"ok": True, "profile": "default", "revoked": False, "removed": True}
    assert cli.invoke("auth", "logout").code == 3  # nothing left


def test_logout_local_only_leaves_the_token_valid(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    result = cli.invoke("auth", "logout", "--local-only")
    assert result.code == 0
    assert "not revoked on the server" in result.out
    assert len(fake.tokens_of(owner)) == 1
    assert cli.invoke("profile", "show").code == 3


def test_logout_all_revokes_every_token(cli: Cli, owner: str, fake: FakeControlPlane) -> None:
    fake.issue_token(owner)
    assert len(fake.tokens_of(owner)) == 2
    result = cli.invoke("auth", "logout-all")
    assert result.code == 0, result.err
    assert fake.tokens_of(owner) == []


def test_status_and_token(cli: Cli, owner: str) -> None:
    status = cli.invoke("--json", "auth", "status")
    assert status.code == 0
    facts = status.json()
    assert facts["logged_in"] is True
    assert facts["email"] == owner
    assert facts["profiles"] == ["default"]
    assert "|" not in status.out  # the token itself is not shown
    token = cli.invoke("auth", "token")
    assert token.out.strip() == cli.credentials()["profiles"]["default"]["token"]


@pytest.fixture
def verifying() -> Iterator[tuple[FakeControlPlane, str]]:
    fake = FakeControlPlane(require_email_verification=True)
    with fake.serve() as url:
        yield fake, url


def test_signup_then_verify_email_logs_in(
    cli: Cli, verifying: tuple[FakeControlPlane, str]
) -> None:
    fake, url = verifying
    email = new_email()
    signup = cli.invoke("auth", "signup", email, "--password-stdin", stdin=PASSWORD, base_url=url)
    assert signup.code == 0, signup.err
    assert "auth verify-email" in signup.out
    login = cli.invoke("auth", "login", email, "--password-stdin", stdin=PASSWORD, base_url=url)
    assert login.code == 4
    assert "email_not_verified" in login.err
    code = next(m.token for m in fake.outbox if m.to == email and m.kind == "verification")
    verified = cli.invoke("--json", "auth", "verify-email", code, base_url=url)
    assert verified.code == 0, verified.err
    assert verified.json()["user"]["verified"] is True
    assert cli.invoke("--json", "profile", "show", base_url=url).json()["email"] == email


def test_forgot_and_reset_password(cli: Cli, owner: str, fake: FakeControlPlane) -> None:
    assert cli.invoke("auth", "forgot-password", owner).code == 0
    token = next(m.token for m in fake.outbox if m.to == owner and m.kind == "password_reset")
    reset = cli.invoke(
        "auth", "reset-password", owner, "--token", token, "--password-stdin", stdin="new-pass-123"
    )
    assert reset.code == 0, reset.err
    old = cli.invoke("auth", "login", owner, "--password-stdin", stdin=PASSWORD)
    assert old.code == 3
    new = cli.invoke("auth", "login", owner, "--password-stdin", stdin="new-pass-123")
    assert new.code == 0, new.err


def test_reset_password_from_stdin_needs_the_token_option(cli: Cli) -> None:
    result = cli.invoke("auth", "reset-password", "a@example.com", "--password-stdin", stdin="x")
    assert result.code == 2
    assert "--token" in result.err


def test_resend_verification_succeeds_without_revealing_accounts(cli: Cli) -> None:
    result = cli.invoke("--json", "auth", "resend-verification", "nobody@example.com")
    assert result.code == 0
    assert result.json() == {"ok": True, "email": "nobody@example.com"}


def test_status_checks_the_token_with_the_server(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    accepted = cli.invoke("--json", "auth", "status")
    assert accepted.code == 0, accepted.err
    assert (accepted.json()["logged_in"], accepted.json()["token_check"]) == (True, "accepted")
    fake.issue_token(owner)  # keeps one token of the account alive
    token = cli.invoke("auth", "token").out.strip()
    assert cli.invoke("auth", "logout", env={"MODELSLAB_AGENT_TOKEN": token}).code == 0
    # The stored token is revoked now: it is no login, whatever is stored.
    refused = cli.invoke("--json", "auth", "status")
    assert refused.code == 3
    assert refused.json()["logged_in"] is False
    assert refused.json()["token_check"] == "refused"
    assert "auth login" in refused.err
    people = cli.invoke("auth", "status")
    assert people.code == 3
    assert "logged_in\tno" in people.out.splitlines()


def test_status_exits_3_when_logged_out(cli: Cli) -> None:
    result = cli.invoke("--json", "auth", "status")
    assert result.code == 3
    assert result.json()["logged_in"] is False
    assert result.json()["token_check"] == "no token"
    assert "auth login" in result.err


def test_status_offline_sends_nothing(cli: Cli, owner: str, fake: FakeControlPlane) -> None:
    before = len(fake.requests)
    result = cli.invoke("--json", "auth", "status", "--offline")
    assert result.code == 0, result.err
    assert result.json()["token_check"] == "not checked"
    assert len(fake.requests) == before


def test_status_accepts_a_token_without_the_profile_scope(cli: Cli, owner: str) -> None:
    login = cli.invoke(
        "auth", "login", owner, "--password-stdin", "--scope", "api-keys:read", stdin=PASSWORD
    )
    assert login.code == 0, login.err
    result = cli.invoke("--json", "auth", "status")
    assert result.code == 0, result.err
    assert result.json()["token_check"] == "accepted"


def test_status_reports_an_unreachable_server(cli: Cli, owner: str) -> None:
    env = {"MODELSLAB_AGENT_TOKEN": "1|some-token"}
    result = cli.invoke(
        "--max-retries", "0", "--json", "auth", "status", base_url="http://127.0.0.1:9", env=env
    )
    assert result.code == 8
    assert result.json()["token_check"] == "failed"


@pytest.mark.parametrize(
    "args",
    [
        ("auth", "signup", "bad@", "--password-stdin"),
        ("auth", "login", "bad@", "--password-stdin"),
        ("auth", "forgot-password", "not-an-email"),
        ("auth", "reset-password", "bad@", "--token", "t", "--password-stdin"),
        ("auth", "resend-verification", "@nowhere.test"),
    ],
    ids=lambda args: args[1],
)
def test_a_bad_email_fails_before_any_prompt_or_request(
    cli: Cli, fake: FakeControlPlane, args: tuple[str, ...]
) -> None:
    before = len(fake.requests)
    result = cli.invoke(*args, stdin=PASSWORD + "\n" + PASSWORD + "\n")
    assert result.code == 2
    error = result.err.strip().splitlines()[-1]
    assert "EMAIL" in error
    assert "email address" in error
    assert args[2] not in result.err  # the rejected value is not repeated
    assert len(fake.requests) == before


def test_signup_with_a_bad_email_never_asks_for_the_password(cli: Cli) -> None:
    term = cli.terminal("auth", "signup", "bad@")
    assert term.finish() == 2
    assert "email address" in term.output
    assert "Password" not in term.output


def test_login_checks_a_prompted_email_before_the_password(cli: Cli) -> None:
    term = cli.terminal("auth", "login")
    assert term.read_until("Email:")
    os.write(term.leader, b"bad@\r")
    assert term.finish() == 2
    assert "email address" in term.output
    assert "Password" not in term.output
