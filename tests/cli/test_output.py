"""The ``--json`` shapes: model fields, extras, ISO datetimes, masked secrets."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

from modelslab_agents import ApiKey, AuthSession, MemberStatus, Secret, TeamMember, User
from modelslab_agents._cli._output import MASK, Column, Output, human, to_json

from .conftest import Cli, new_email

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def test_secrets_are_masked_unless_revealed_by_name() -> None:
    key = ApiKey(id=7, name="ci", key=Secret("mlk_full"), notes=None, created_at=WHEN)
    assert to_json(key) == {
        "id": 7,
        "name": "ci",
        "key": MASK,
        "notes": None,
        "created_at": "2026-01-02T03:04:05+00:00",
    }
    assert to_json(key, reveal=("key",))["key"] == "mlk_full"


def test_nested_models_enums_and_extras() -> None:
    session = AuthSession(
        access_token=Secret("1|tok"),
        user=User(id=1, email="a@x.io"),
        api_key=Secret("mlk_x"),
        extra={"refresh_hint": "later"},
    )
    data = to_json(session)
    assert data["access_token"] == MASK
    assert data["api_key"] == MASK
    assert data["user"]["email"] == "a@x.io"
    assert data["refresh_hint"] == "later"
    assert "1|tok" not in repr(data)
    member = TeamMember(id=2, status=MemberStatus.PENDING, extra={"id": "clash"})
    assert to_json(member)["status"] == "pending"
    assert to_json(member)["id"] == 2  # a model field wins over an extra of the same name


def test_human_rendering() -> None:
    assert human(None) == "-"
    assert human(Secret("x")) == MASK
    assert human(True) == "yes"
    assert human(["a", "b"]) == "a, b"
    assert human(WHEN) == "2026-01-02 03:04 UTC"


BOX = set("│┃┆┏┓┗┛━─┡┩└┘┌┐╭╮╰╯")


def test_into_a_pipe_tables_are_tab_separated_and_unwrapped(cli: Cli) -> None:
    cli.signup(new_email("pipe"))
    notes = "a long note " * 20
    created = cli.invoke("--json", "keys", "create", "piped", "--notes", notes).json()
    result = cli("keys", "list", env={"COLUMNS": "80"})  # stdout is a pipe here
    assert result.code == 0, result.err
    assert not BOX & set(result.out)
    (row,) = result.out.splitlines()
    assert row.split("\t") == [
        str(created["id"]),
        "piped",
        "**********",
        notes,
        human(dt.datetime.fromisoformat(created["created_at"])),
    ]
    record = cli("keys", "get", str(created["id"]), env={"COLUMNS": "80"})
    assert f"notes\t{notes}" in record.out.splitlines()
    assert not BOX & set(record.out)


def test_on_a_terminal_tables_stay_rich(cli: Cli) -> None:
    cli.signup(new_email("tty"))
    assert cli.invoke("keys", "create", "drawn").code == 0
    term = cli.terminal("keys", "list")
    assert term.finish() == 0
    assert BOX & set(term.output)
    assert "\t" not in term.output


def test_a_cell_never_splits_a_plain_row() -> None:
    out = Output(as_json=False)
    rows = [TeamMember(id=1, name="tab\there", role="line\nbreak")]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        out.table(rows, [Column.attr("id"), Column.attr("name"), Column.attr("role")], empty="")
    assert buffer.getvalue() == "1\ttab here\tline break\n"
