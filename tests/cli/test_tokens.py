"""``tokens``: revoking others, and switching into a team account."""

from __future__ import annotations

from modelslab_agents.testing import FakeControlPlane

from .conftest import PASSWORD, Cli, new_email


def test_revoke_others_keeps_only_the_current_token(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    fake.issue_token(owner)
    fake.issue_token(owner)
    result = cli.invoke("tokens", "revoke-others")
    assert result.code == 0, result.err
    (left,) = cli.invoke("--json", "tokens", "list").json()
    assert left["current"] is True
    assert len(fake.tokens_of(owner)) == 1


def test_switching_into_a_team_you_do_not_belong_to_is_denied(cli: Cli, owner: str) -> None:
    stranger = new_email("stranger")
    cli.signup(stranger, "--profile", "stranger")
    username = cli.invoke("--json", "profile", "show").json()["username"]
    result = cli.invoke("--profile", "stranger", "tokens", "switch-account", username)
    assert result.code == 4
    # Nothing was stored: the stranger's profile still acts as the stranger.
    shown = cli.invoke("--json", "--profile", "stranger", "profile", "show")
    assert shown.json()["email"] == stranger


def test_switching_into_your_own_account_replaces_the_profile_token(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    username = cli.invoke("--json", "profile", "show").json()["username"]
    before = cli.credentials()["profiles"]["default"]["token"]
    result = cli.invoke("tokens", "switch-account", username, "--expiry", "1_week")
    assert result.code == 0, result.err
    after = cli.credentials()["profiles"]["default"]["token"]
    assert after != before
    assert len(fake.tokens_of(owner)) == 2  # the previous token stays valid
    current = [t for t in cli.invoke("--json", "tokens", "list").json() if t["current"]]
    assert current[0]["id"] == int(after.split("|")[0])


def test_switch_account_saves_the_new_profile_for_the_same_server(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    username = cli.invoke("--json", "profile", "show").json()["username"]
    # No --base-url: the profile's stored URL is used, and given to the new profile.
    result = cli.invoke("tokens", "switch-account", username, "--save-as", "again", base_url="")
    assert result.code == 0, result.err
    assert cli.credentials()["profiles"]["again"]["base_url"] == cli.base_url
    shown = cli.invoke("--json", "--profile", "again", "profile", "show", base_url="")
    assert shown.json()["email"] == owner


def test_a_token_variable_is_reported_when_a_login_is_stored(cli: Cli, owner: str) -> None:
    username = cli.invoke("--json", "profile", "show").json()["username"]
    token = cli.credentials()["profiles"]["default"]["token"]
    result = cli.invoke("tokens", "switch-account", username, env={"MODELSLAB_AGENT_TOKEN": token})
    assert result.code == 0, result.err
    assert "MODELSLAB_AGENT_TOKEN is set, so it is used instead of the stored token" in result.err


def test_scopes_are_called_scopes_in_the_table_and_in_json(cli: Cli) -> None:
    email = new_email("scoped")
    cli.signup(email)
    login = cli.invoke(
        "auth", "login", email, "--password-stdin", "--scope", "tokens:read",
        "--scope", "api-keys:read", stdin=PASSWORD,
    )  # fmt: skip
    assert login.code == 0, login.err
    listed = cli.invoke("--json", "tokens", "list").json()
    current = next(t for t in listed if t["current"])
    assert current["scopes"] == current["abilities"] == ["tokens:read", "api-keys:read"]
    assert cli.invoke("--json", "auth", "status").code == 0
    table = cli.invoke("tokens", "list")
    row = next(line.split("\t") for line in table.out.splitlines() if "\tyes\t" in line)
    assert row[-1] == "tokens:read, api-keys:read"
    term = cli.terminal("tokens", "list")
    assert term.finish() == 0
    assert "scopes" in term.output
    assert "abilities" not in term.output


def test_switch_account_with_scopes_stores_a_narrower_token(cli: Cli, owner: str) -> None:
    username = cli.invoke("--json", "profile", "show").json()["username"]
    result = cli.invoke(
        "tokens", "switch-account", username, "--scope", "tokens:read", "--expiry", "1_week"
    )
    assert result.code == 0, result.err
    current = [t for t in cli.invoke("--json", "tokens", "list").json() if t["current"]]
    assert current[0]["scopes"] == ["tokens:read"]
    assert cli.invoke("profile", "show").code == 4  # profile:read was not asked for


def test_a_lifetime_the_cli_does_not_know_is_the_servers_to_judge(cli: Cli, owner: str) -> None:
    username = cli.invoke("--json", "profile", "show").json()["username"]
    switched = cli.invoke("tokens", "switch-account", username, "--expiry", "2_years")
    assert switched.code == 6, switched.err  # the server's 422, not a usage error
    assert "token expiry" in switched.err
    login = cli.invoke(
        "auth", "login", owner, "--password-stdin", "--expiry", "2_years", stdin=PASSWORD
    )
    assert login.code == 6, login.err
