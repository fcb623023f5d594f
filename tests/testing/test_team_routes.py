"""Teams: invitations, seats, accepting, and the conflicts and refusals around them."""

from __future__ import annotations

import uuid

import pytest

from ._support import Api

pytestmark = pytest.mark.anyio


async def test_invite_and_accept(api: Api) -> None:
    owner = api.seed("owner@example.com")
    member = api.seed("member@example.com")
    seat = await api.ok(
        "POST", "/teams", status=201, token=owner, json={"email": "member@example.com"}
    )
    assert set(seat) == {
        "id",
        "email",
        "name",
        "role",
        "status",
        "permissions",
        "invitation_id",
        "created_at",
    }
    assert (seat["email"], seat["name"], seat["role"], seat["status"], seat["permissions"]) == (
        "member@example.com",
        None,
        "member",
        "pending",
        [],
    )
    (email,) = api.fake.outbox
    assert (email.to, email.kind, email.token) == (
        "member@example.com",
        "team_invitation",
        seat["invitation_id"],
    )
    uuid.UUID(email.token)

    assert await api.ok("POST", f"/teams/invitations/{email.token}/accept", token=member) is None
    (accepted,) = await api.ok("GET", "/teams", token=owner)
    assert (accepted["status"], accepted["name"]) == ("accepted", "Member")
    assert api.fake.team_members_of("owner@example.com") == [accepted]
    # Accepting again is harmless (a retried request).
    await api.ok("POST", f"/teams/invitations/{email.token}/accept", token=member)


async def test_invitation_for_an_address_without_an_account_yet(api: Api) -> None:
    owner = api.seed("owner@example.com")
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "later@example.com"})
    invitation = api.fake.outbox[-1].token
    newcomer = await api.signup("later@example.com")
    await api.ok("POST", f"/teams/invitations/{invitation}/accept", token=newcomer)


async def test_only_the_invitee_can_accept(api: Api) -> None:
    owner = api.seed("owner@example.com")
    intruder = api.seed("intruder@example.com")
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "member@example.com"})
    invitation = api.fake.outbox[-1].token
    await api.fail(
        "POST",
        f"/teams/invitations/{invitation}/accept",
        status=403,
        code="access_denied",
        token=intruder,
    )
    assert api.fake.team_members_of("owner@example.com")[0]["status"] == "pending"


@pytest.mark.parametrize("invitation", [str(uuid.UUID(int=5)), "not-a-uuid", "12"])
async def test_unknown_or_malformed_invitations_are_not_found(api: Api, invitation: str) -> None:
    token = api.seed("member@example.com")
    await api.fail(
        "POST", f"/teams/invitations/{invitation}/accept", status=404, code="not_found", token=token
    )


async def test_invite_with_role_and_permissions(api: Api) -> None:
    owner = api.seed("owner@example.com")
    seat = await api.ok(
        "POST",
        "/teams",
        status=201,
        token=owner,
        json={"email": "a@example.com", "role": "admin", "permissions": ["billing", "keys"]},
    )
    assert (seat["role"], seat["permissions"]) == ("admin", ["billing", "keys"])


async def test_inviting_twice_is_a_conflict(api: Api) -> None:
    owner = api.seed("owner@example.com")
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "a@example.com"})
    await api.fail(
        "POST", "/teams", status=409, code="conflict", token=owner, json={"email": "A@example.com"}
    )
    assert len(api.fake.team_members_of("owner@example.com")) == 1
    assert len(api.fake.outbox) == 1


async def test_inviting_yourself_is_invalid(api: Api) -> None:
    owner = api.seed("owner@example.com")
    error = await api.fail(
        "POST",
        "/teams",
        status=422,
        code="validation_error",
        token=owner,
        json={"email": "owner@example.com"},
    )
    assert list(error["details"]) == ["email"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "email"),
        ({"email": "nope"}, "email"),
        ({"email": "a@example.com", "role": "owner"}, "role"),
        ({"email": "a@example.com", "permissions": "all"}, "permissions"),
        ({"email": "a@example.com", "permissions": [1]}, "permissions.0"),
    ],
)
async def test_invite_validation(api: Api, body: dict[str, object], field: str) -> None:
    owner = api.seed("owner@example.com")
    error = await api.fail(
        "POST", "/teams", status=422, code="validation_error", token=owner, json=body
    )
    assert list(error["details"]) == [field]


async def test_get_update_and_remove_a_seat(api: Api) -> None:
    owner = api.seed("owner@example.com")
    seat = await api.ok("POST", "/teams", status=201, token=owner, json={"email": "a@example.com"})
    assert await api.ok("GET", f"/teams/{seat['id']}", token=owner) == seat
    updated = await api.ok(
        "PUT", f"/teams/{seat['id']}", token=owner, json={"role": "viewer", "permissions": ["read"]}
    )
    assert (updated["role"], updated["permissions"]) == ("viewer", ["read"])
    only_role = await api.ok("PUT", f"/teams/{seat['id']}", token=owner, json={"role": "admin"})
    assert (only_role["role"], only_role["permissions"]) == ("admin", ["read"])
    await api.fail(
        "PUT",
        f"/teams/{seat['id']}",
        status=422,
        code="validation_error",
        token=owner,
        json={"role": "boss"},
    )
    assert await api.ok("DELETE", f"/teams/{seat['id']}", token=owner) is None
    await api.fail("GET", f"/teams/{seat['id']}", status=404, code="not_found", token=owner)
    assert await api.ok("GET", "/teams", token=owner) == []


async def test_another_teams_seats_are_invisible(api: Api) -> None:
    owner = api.seed("owner@example.com")
    other = api.seed("other@example.com")
    seat = await api.ok("POST", "/teams", status=201, token=owner, json={"email": "a@example.com"})
    assert await api.ok("GET", "/teams", token=other) == []
    for method, path in [
        ("GET", f"/teams/{seat['id']}"),
        ("PUT", f"/teams/{seat['id']}"),
        ("DELETE", f"/teams/{seat['id']}"),
        ("POST", f"/teams/{seat['id']}/resend-invite"),
    ]:
        await api.fail(method, path, status=404, code="not_found", token=other, json={})


async def test_resend_invitation(api: Api) -> None:
    owner = api.seed("owner@example.com")
    member = api.seed("member@example.com")
    seat = await api.ok(
        "POST", "/teams", status=201, token=owner, json={"email": "member@example.com"}
    )
    assert await api.ok("POST", f"/teams/{seat['id']}/resend-invite", token=owner) is None
    first, second = api.fake.outbox
    assert first.token == second.token == seat["invitation_id"]
    await api.ok("POST", f"/teams/invitations/{second.token}/accept", token=member)
    await api.fail(
        "POST", f"/teams/{seat['id']}/resend-invite", status=409, code="conflict", token=owner
    )
    assert len(api.fake.outbox) == 2
