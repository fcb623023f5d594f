"""``teams``: members and invitations."""

from __future__ import annotations

import pytest

from modelslab_agents.testing import FakeControlPlane

from .conftest import Cli, new_email


def test_get_update_resend_and_remove_a_member(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    mate = new_email("mate")
    (invited,) = cli.invoke("--json", "teams", "invite", mate).json()
    member_id = str(invited["result"]["id"])
    got = cli.invoke("--json", "teams", "get", member_id).json()
    assert (got["email"], got["status"], got["role"]) == (mate, "pending", "member")

    updated = cli.invoke(
        "--json", "teams", "update", member_id, "--role", "admin", "--permission", "billing"
    )
    assert updated.code == 0, updated.err
    assert (updated.json()["role"], updated.json()["permissions"]) == ("admin", ["billing"])
    cleared = cli.invoke("--json", "teams", "update", member_id, "--clear-permissions")
    assert cleared.json()["permissions"] == []

    before = len([m for m in fake.outbox if m.to == mate])
    resent = cli.invoke("teams", "resend-invite", member_id)
    assert resent.code == 0, resent.err
    assert len([m for m in fake.outbox if m.to == mate]) == before + 1

    removed = cli.invoke("teams", "remove", member_id)
    assert removed.out.strip() == f"removed member {member_id}"
    assert fake.team_members_of(owner) == []


def test_update_options_exclude_each_other(cli: Cli, owner: str) -> None:
    result = cli.invoke("teams", "update", "1", "--permission", "x", "--clear-permissions")
    assert result.code == 2


def test_accepting_someone_elses_invitation_is_denied(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    mate, intruder = new_email("mate"), new_email("intruder")
    assert cli.invoke("teams", "invite", mate).code == 0
    invitation = next(m.token for m in fake.outbox if m.to == mate)
    cli.signup(intruder, "--profile", "intruder")
    result = cli.invoke("--profile", "intruder", "teams", "accept", invitation)
    assert result.code == 4
    assert "access_denied" in result.err


def test_invite_checks_every_email_before_sending_any(
    cli: Cli, owner: str, fake: FakeControlPlane
) -> None:
    before = len(fake.requests)
    result = cli.invoke("teams", "invite", "a@example.com", "bad-one")
    assert result.code == 2
    assert "item 2 of 2" in result.err
    assert "email address" in result.err
    assert "bad-one" not in result.err
    assert len(fake.requests) == before
    assert fake.team_members_of(owner) == []


@pytest.mark.parametrize(
    "args",
    [
        ("teams", "remove", "4", "not-an-id"),
        ("teams", "resend-invite", "0"),
        ("teams", "get", "007x"),
        ("keys", "delete", "1", "2", "x1"),
        ("tokens", "revoke", "1.5"),
        ("teams", "accept", "not-a-uuid"),
    ],
    ids=" ".join,
)
def test_ids_are_checked_before_any_request(
    cli: Cli, owner: str, fake: FakeControlPlane, args: tuple[str, ...]
) -> None:
    before = len(fake.requests)
    result = cli.invoke(*args)
    assert result.code == 2
    error = result.err.strip().splitlines()[-1]
    assert "expected" in error
    assert args[-1] not in error.split(":", 1)[1]  # the rejected value is not repeated
    assert len(fake.requests) == before
