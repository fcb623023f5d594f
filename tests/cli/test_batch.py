"""Batch commands: every item reported, in order, and an exit code that tells the story."""

from __future__ import annotations

import sys

import pytest

from modelslab_agents import ModelsLab
from modelslab_agents.testing import FakeControlPlane

from .conftest import Cli


def _make_keys(cli: Cli, count: int) -> list[int]:
    token = cli.credentials()["profiles"]["default"]["token"]
    with ModelsLab(token, base_url=cli.base_url) as client:
        return [client.api_keys.create(f"k{n}").id for n in range(count)]


def test_a_partial_failure_reports_every_item_then_exits_1(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    first, second = _make_keys(cli, 2)
    result = cli("keys", "delete", str(first), "999999", str(second))  # the installed command
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == f"deleted key {first}"
    assert lines[1].startswith("failed: key 999999: API key not found.")
    assert "request_id req_" in lines[1]
    assert lines[2] == f"deleted key {second}"
    assert result.err.strip() == "error: 1 of 3 failed"
    assert fake.api_keys_of(owner) == []  # the failure cancelled nothing


def test_json_lists_one_result_per_item_in_argument_order(cli: Cli, owner: str) -> None:
    (kept,) = _make_keys(cli, 1)
    result = cli.invoke("--json", "keys", "delete", "999998", str(kept))
    assert result.code == 1
    assert result.json() == [
        {
            "item": 999998,
            "ok": False,
            "result": None,
            "error": {
                "type": "NotFoundError",
                "message": result.json()[0]["error"]["message"],
                "status_code": 404,
                "code": "not_found",
                "request_id": result.json()[0]["error"]["request_id"],
                "exit_code": 5,
            },
        },
        {"item": kept, "ok": True, "result": None, "error": None},
    ]


def test_failures_all_of_one_class_exit_with_that_class(cli: Cli, owner: str) -> None:
    result = cli.invoke("teams", "remove", "999991", "999992")
    assert result.code == 5
    assert len(result.out.splitlines()) == 2
    assert result.err.strip() == "error: 2 of 2 failed"


def test_failures_of_different_classes_exit_1(cli: Cli, owner: str, fake: FakeControlPlane) -> None:
    # One server error (5xx, exit class 9) and one not found (exit class 5).
    fake.inject_fault("server_error", route="DELETE /api-keys/{id}", count=1)
    result = cli.invoke("--max-retries", "0", "keys", "delete", "999997", "999996")
    assert result.code == 1
    assert sorted(line.split(" (status ")[1][:3] for line in result.out.splitlines()) == [
        "404",
        "503",
    ]


def test_a_single_item_fails_like_a_single_command(cli: Cli, owner: str) -> None:
    result = cli.invoke("tokens", "revoke", "999999")
    assert result.code == 5
    assert result.out == ""
    assert result.err.startswith("error: Token not found.")


def test_duplicate_ids_are_acted_on_once(cli: Cli, owner: str) -> None:
    (key,) = _make_keys(cli, 1)
    result = cli.invoke("keys", "delete", str(key), str(key))
    assert result.code == 0, result.out
    assert result.out.splitlines() == [f"deleted key {key}"]


def test_a_terminal_gets_a_progress_bar_on_stderr(
    cli: Cli, owner: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from modelslab_agents._cli._batch import _map_with_progress
    from modelslab_agents._cli._state import AppState

    ids = _make_keys(cli, 3)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    state = AppState(
        profile="default",
        base_url=cli.base_url,
        as_json=False,
        timeout=None,
        max_retries=None,
        allow_insecure_http=False,
    )
    token = cli.credentials()["profiles"]["default"]["token"]
    with ModelsLab(token, base_url=cli.base_url) as client:
        results = _map_with_progress(state, client, client.api_keys.delete, ids)
    assert [o.ok for o in results] == [True, True, True]
    err = capsys.readouterr().err
    assert "3/3" in err
