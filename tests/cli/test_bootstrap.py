"""The agent bootstrap story, end to end, through the installed command (subprocesses)."""

from __future__ import annotations

import sys
from pathlib import Path

from modelslab_agents import ModelsLab
from modelslab_agents.testing import FakeControlPlane

from .conftest import PASSWORD, Cli, Result, new_email


def test_signup_login_keys_teams_tokens(cli: Cli, fake: FakeControlPlane) -> None:
    seen: list[Result] = []

    def run(*args: str, stdin: str | None = None) -> Result:
        result = cli(*args, stdin=stdin)
        seen.append(result)
        return result

    owner = new_email("owner")
    signup = run("auth", "signup", owner, "--name", "Owner", "--password-stdin", stdin=PASSWORD)
    assert signup.code == 0, signup.err
    assert f"Signed up {owner}" in signup.out

    login = run("--json", "auth", "login", owner, "--password-stdin", stdin=PASSWORD + "\n")
    assert login.code == 0, login.err
    session = login.json()
    assert session["access_token"] == "**********"
    assert session["user"]["email"] == owner
    assert (session["profile"], session["token_store"]) == ("default", "file")
    token = cli.credentials()["profiles"]["default"]["token"]
    assert [t["current"] for t in fake.tokens_of(owner)] == [False, False]  # signup, login

    created = run("--json", "keys", "create", "deploy-bot", "--notes", "ci")
    assert created.code == 0, created.err
    key = created.json()
    # The new key is shown once, in full: exactly the key the service stored.
    assert key["key"] == {k["id"]: k["key"] for k in fake.api_keys_of(owner)}[key["id"]]
    assert (key["name"], key["notes"]) == ("deploy-bot", "ci")
    assert "shown only once" in created.err

    with ModelsLab(token, base_url=cli.base_url) as client:  # quicker than three runs
        for name in ("a", "b", "c"):
            client.api_keys.create(f"batch-{name}")
    listed = run("keys", "list", "--json")
    assert listed.code == 0, listed.err
    keys = listed.json()
    assert [k["name"] for k in keys] == ["deploy-bot", "batch-a", "batch-b", "batch-c"]
    assert {k["key"] for k in keys} == {"**********"}

    batch_ids = [str(k["id"]) for k in keys[1:]]
    deleted = run("keys", "delete", *batch_ids)
    assert deleted.code == 0, deleted.err
    assert deleted.out.splitlines() == [f"deleted key {i}" for i in batch_ids]
    assert [k["name"] for k in fake.api_keys_of(owner)] == ["deploy-bot"]

    mates = [new_email("mate"), new_email("mate")]
    invited = run("--json", "teams", "invite", *mates, "--role", "viewer")
    assert invited.code == 0, invited.err
    items = invited.json()
    assert [i["item"] for i in items] == mates
    assert all(i["ok"] and i["error"] is None for i in items)
    assert {(i["result"]["status"], i["result"]["role"]) for i in items} == {("pending", "viewer")}
    assert set(mates) <= {m.to for m in fake.outbox if m.kind == "team_invitation"}

    tokens = run("--json", "tokens", "list")
    assert tokens.code == 0, tokens.err
    listed_tokens = tokens.json()
    assert [t["current"] for t in listed_tokens] == [False, True]
    assert listed_tokens[1]["name"].startswith("modelslab-agents-cli")

    revoked = run("tokens", "revoke", str(listed_tokens[0]["id"]))
    assert revoked.code == 0, revoked.err
    assert revoked.out.strip() == f"revoked token {listed_tokens[0]['id']}"
    assert len(fake.tokens_of(owner)) == 1

    logout = run("auth", "logout")
    assert logout.code == 0, logout.err
    assert fake.tokens_of(owner) == []
    assert "token" not in cli.credentials()["profiles"]["default"]
    assert run("keys", "list").code == 3  # logged out: no token left to send

    for result in seen:
        assert token not in result.out + result.err


def test_teammate_accepts_and_switches_into_the_team(cli: Cli, fake: FakeControlPlane) -> None:
    owner, mate = new_email("owner"), new_email("mate")
    cli.signup(owner)
    username = cli.invoke("--json", "profile", "show").json()["username"]
    assert cli.invoke("teams", "invite", mate).code == 0
    invitation = next(m.token for m in fake.outbox if m.to == mate)
    cli.signup(mate, "--profile", "mate")

    accepted = cli("--profile", "mate", "teams", "accept", invitation)
    assert accepted.code == 0, accepted.err
    switched = cli(
        "--profile", "mate", "--json", "tokens", "switch-account", username, "--save-as", "team"
    )
    assert switched.code == 0, switched.err
    assert switched.json()["user"]["username"] == username
    assert switched.json()["profile"] == "team"

    # "team" now acts as the owner's account; "mate" is still the teammate.
    assert cli.invoke("--profile", "team", "--json", "profile", "show").json()["email"] == owner
    assert cli.invoke("--profile", "mate", "--json", "profile", "show").json()["email"] == mate
    members = cli.invoke("--json", "teams", "list").json()
    assert [(m["email"], m["status"]) for m in members] == [(mate, "accepted")]


def test_the_console_script_on_path_runs_the_same_command(cli: Cli) -> None:
    script = Path(sys.executable).parent / "modelslab-agents"
    result = cli("auth", "status", "--json", command=[str(script)])
    assert result.code == 3, result.err  # not logged in
    assert result.json()["base_url"] == cli.base_url
    assert result.json()["logged_in"] is False
