"""``auth refresh``, ``auth scopes`` and ``auth login --scope`` against the emulator."""

from __future__ import annotations

import pytest

from modelslab_agents.testing import FakeControlPlane

from .conftest import PASSWORD, Cli, new_email


@pytest.fixture
def owner(cli: Cli) -> str:
    email = new_email("refresher")
    cli.signup(email)
    return email


def test_refresh_replaces_the_stored_token_and_revokes_the_old_one(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    old = cli.invoke("auth", "token").out.strip()
    result = cli.invoke("auth", "refresh", "--expiry", "1_year", "--device-name", "rotated")
    assert result.code == 0, result.err
    assert "old token is revoked" in result.out
    new = cli.invoke("auth", "token").out.strip()
    assert new != old
    assert new not in result.out
    (token,) = fake.tokens_of(owner)
    assert token["name"] == "rotated"
    assert cli.invoke("profile", "show").code == 0  # the new token works
    assert cli.invoke("profile", "show", env={"MODELSLAB_AGENT_TOKEN": old}).code == 3


def test_refresh_json_masks_the_token_and_says_if_the_lifetime_was_capped(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    fake.set_max_token_lifetime("3_months")
    try:
        result = cli.invoke("--json", "auth", "refresh", "--expiry", "never")
    finally:
        fake.set_max_token_lifetime(None)
    assert result.code == 0, result.err
    document = result.json()
    assert document["access_token"] == "**********"
    assert document["token_lifetime_capped"] is True
    assert document["profile"] == "default"
    assert "shorter lifetime" in result.err


def test_refresh_sends_a_lifetime_it_does_not_know_to_the_server(cli: Cli, owner: str) -> None:
    result = cli.invoke("auth", "refresh", "--expiry", "2_years")
    assert result.code == 6  # the server's 422
    assert "token expiry" in result.err
    assert cli.invoke("profile", "show").code == 0  # the old token still works


def test_refresh_leaves_a_token_from_the_environment_alone(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    other = fake.issue_token(owner)
    result = cli.invoke("auth", "refresh", env={"MODELSLAB_AGENT_TOKEN": other})
    assert result.code == 2
    assert "MODELSLAB_AGENT_TOKEN" in result.err
    assert other not in result.err
    assert len(fake.tokens_of(owner)) == 2  # nothing was revoked


def test_scopes_lists_the_catalogue_without_a_login(cli: Cli) -> None:
    table = cli.invoke("auth", "scopes")
    assert table.code == 0, table.err
    assert "api-keys:read" in table.out
    listed = cli.invoke("--json", "auth", "scopes").json()
    assert {"name": "wallet:read", "description": "Read the wallet."} in listed


def test_login_with_scopes_limits_the_token(cli: Cli, owner: str) -> None:
    login = cli.invoke(
        "auth",
        "login",
        owner,
        "--password-stdin",
        "--scope",
        "profile:read",
        "--scope",
        "models:read",
        stdin=PASSWORD,
    )
    assert login.code == 0, login.err
    assert cli.invoke("profile", "show").code == 0
    denied = cli.invoke("keys", "list")
    assert denied.code == 4
    assert "api-keys:read" in denied.err
