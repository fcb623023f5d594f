"""The ``--json`` shapes: model fields, extras, ISO datetimes, masked secrets."""

from __future__ import annotations

import datetime as dt

from modelslab_agents import ApiKey, AuthSession, MemberStatus, Secret, TeamMember, User
from modelslab_agents._cli._output import MASK, human, to_json

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
