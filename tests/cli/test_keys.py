"""``keys``: the full key shown once, masked everywhere else."""

from __future__ import annotations

from modelslab_agents.testing import FakeControlPlane

from .conftest import Cli


def test_create_prints_the_full_key_once_with_a_warning(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    result = cli.invoke("keys", "create", "ci-runner")
    assert result.code == 0, result.err
    (stored,) = fake.api_keys_of(owner)
    assert result.out.splitlines() == [
        f"Created API key {stored['id']} (ci-runner).",
        stored["key"],
    ]
    assert "warning: store this API key now: it is shown only once" in result.err
    shown = cli.invoke("keys", "get", str(stored["id"]))
    assert stored["key"] not in shown.out
    assert "**********" in shown.out


def test_get_update_and_list(cli: Cli, owner: str) -> None:
    key_id = cli.invoke("--json", "keys", "create", "old-name").json()["id"]
    updated = cli.invoke("--json", "keys", "update", str(key_id), "--name", "new", "--notes", "n")
    assert updated.code == 0, updated.err
    assert (updated.json()["name"], updated.json()["notes"]) == ("new", "n")
    got = cli.invoke("--json", "keys", "get", str(key_id)).json()
    assert got == {**updated.json(), "key": "**********"}
    assert got["created_at"].endswith("+00:00")  # ISO 8601
    table = cli.invoke("keys", "list")  # into a pipe: tab-separated
    row = next(line.split("\t") for line in table.out.splitlines() if "\tnew\t" in line)
    assert row[:4] == [str(key_id), "new", "**********", "n"]


def test_update_needs_something_to_change(cli: Cli, owner: str) -> None:
    result = cli.invoke("keys", "update", "1")
    assert result.code == 2
    assert "nothing to change" in result.err


def test_an_empty_list_says_so(cli: Cli, owner: str) -> None:
    assert cli.invoke("--json", "keys", "list").json() == []
    result = cli.invoke("keys", "list")
    assert (result.code, result.out, result.err.strip()) == (0, "", "No API keys.")


def test_names_are_shown_as_given_never_as_markup(cli: Cli, owner: str) -> None:
    name = "[bold]x[/] :key: [/oops]"
    key_id = cli.invoke("--json", "keys", "create", name).json()["id"]
    for args in (("keys", "list"), ("keys", "get", str(key_id))):
        result = cli.invoke(*args)
        assert result.code == 0, result.err
        assert name in result.out
