"""Token listing and revocation, expiry, scopes, and switching to a team account."""

from __future__ import annotations

import pytest

from ._support import Api

pytestmark = pytest.mark.anyio


async def test_token_list_shape_and_current_flag(api: Api) -> None:
    first = await api.signup("agent@example.com")
    second = (await api.login("agent@example.com", device_name="laptop"))["access_token"]
    tokens = await api.ok("GET", "/auth/tokens", token=second)
    assert [(t["name"], t["current"]) for t in tokens] == [
        ("agent-control-plane", False),
        ("laptop", True),
    ]
    for item in tokens:
        assert set(item) == {
            "id",
            "name",
            "abilities",
            "last_used_at",
            "created_at",
            "expires_at",
            "current",
        }
        assert item["created_at"].endswith("Z")
    assert tokens[0]["last_used_at"] is None
    assert tokens[1]["last_used_at"].endswith("Z")
    await api.ok("GET", "/me", token=first)
    used = await api.ok("GET", "/auth/tokens", token=second)
    assert used[0]["last_used_at"] is not None


async def test_revoke_a_token_by_id(api: Api) -> None:
    first = await api.signup("agent@example.com")
    second = (await api.login("agent@example.com"))["access_token"]
    first_id = int(first.split("|")[0])
    assert await api.ok("DELETE", f"/auth/tokens/{first_id}", token=second) is None
    await api.fail("GET", "/me", status=401, code="unauthenticated", token=first)
    await api.fail("DELETE", f"/auth/tokens/{first_id}", status=404, code="not_found", token=second)


async def test_another_accounts_token_id_is_not_found(api: Api) -> None:
    mine = await api.signup("agent@example.com")
    theirs = await api.signup("other@example.com")
    their_id = int(theirs.split("|")[0])
    error = await api.fail(
        "DELETE", f"/auth/tokens/{their_id}", status=404, code="not_found", token=mine
    )
    assert "other" not in error["message"]
    await api.ok("GET", "/me", token=theirs)


@pytest.mark.parametrize("token_id", ["abc", "0", "-1", "1.5"])
async def test_a_malformed_token_id_is_not_found(api: Api, token_id: str) -> None:
    token = await api.signup("agent@example.com")
    await api.fail("DELETE", f"/auth/tokens/{token_id}", status=404, code="not_found", token=token)


async def test_revoke_others_keeps_the_calling_token(api: Api) -> None:
    first = await api.signup("agent@example.com")
    second = (await api.login("agent@example.com"))["access_token"]
    third = (await api.login("agent@example.com"))["access_token"]
    await api.ok("POST", "/auth/tokens/revoke-others", token=second)
    for token in (first, third):
        await api.fail("GET", "/me", status=401, code="unauthenticated", token=token)
    assert [t["current"] for t in await api.ok("GET", "/auth/tokens", token=second)] == [True]


async def test_tokens_expire_with_the_clock(api: Api) -> None:
    await api.signup("agent@example.com")
    week = (await api.login("agent@example.com", token_expiry="1_week"))["access_token"]
    never = (await api.login("agent@example.com", token_expiry="never"))["access_token"]
    api.fake.advance_time(7 * 86400 + 1)
    await api.fail("GET", "/me", status=401, code="unauthenticated", token=week)
    api.fake.advance_time(23 * 86400)  # the signup token's month is over too
    listed = await api.ok("GET", "/auth/tokens", token=never)
    assert [t["expires_at"] for t in listed] == [None]


@pytest.mark.parametrize(
    "authorization", [None, "Bearer", "Bearer nope", "Basic Zm9vOmJhcg==", "1|abc"]
)
async def test_missing_or_invalid_token_is_unauthenticated(
    api: Api, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await api.request("GET", "/me", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["data"] is None
    assert body["error"] == {
        "code": "unauthenticated",
        "message": "Unauthenticated.",
        "details": None,
    }


@pytest.mark.parametrize(
    ("method", "path", "scope"),
    [
        ("GET", "/me", "profile:read"),
        ("PATCH", "/me", "profile:write"),
        ("GET", "/auth/tokens", "tokens:read"),
        ("POST", "/auth/tokens/revoke-others", "tokens:write"),
        ("DELETE", "/auth/tokens/1", "tokens:write"),
        ("POST", "/auth/logout-all", "tokens:write"),
        ("GET", "/api-keys", "api-keys:read"),
        ("POST", "/api-keys", "api-keys:write"),
        ("GET", "/teams", "teams:read"),
        ("POST", "/teams", "teams:write"),
    ],
)
async def test_a_token_without_the_routes_scope_is_refused(
    api: Api, method: str, path: str, scope: str
) -> None:
    token = api.seed("agent@example.com", scopes=["teams:read"] if scope != "teams:read" else [])
    response = await api.request(method, path, token=token, json={})
    assert response.status_code == 403
    assert response.headers["WWW-Authenticate"] == (
        f'Bearer realm="modelslab", error="insufficient_scope", scope="{scope}"'
    )
    error = response.json()["error"]
    assert error["code"] == "insufficient_scope"
    assert error["details"]["required_scope"] == scope
    assert error["details"]["granted_scopes"] == ([] if scope == "teams:read" else ["teams:read"])


async def test_logout_needs_no_scope(api: Api) -> None:
    token = api.seed("agent@example.com", scopes=[])
    await api.ok("POST", "/auth/logout", token=token)
    await api.fail("GET", "/me", token=token, status=401, code="unauthenticated")


async def test_the_star_scope_grants_every_route(api: Api) -> None:
    token = api.seed("agent@example.com", scopes=["*"])
    await api.ok("GET", "/me", token=token)
    await api.ok("POST", "/api-keys", status=201, token=token, json={"name": "k"})
    await api.ok("POST", "/auth/logout-all", token=token)


async def _team_with_member(api: Api) -> tuple[str, str]:
    """An owner and an accepted member; returns their tokens."""
    owner = api.seed("owner@example.com")
    member = api.seed("member@example.com")
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "member@example.com"})
    invitation = api.fake.outbox[-1].token
    await api.ok("POST", f"/teams/invitations/{invitation}/accept", token=member)
    return owner, member


async def test_switch_account_acts_as_the_team_account(api: Api) -> None:
    owner, member = await _team_with_member(api)
    session = await api.ok(
        "POST",
        "/auth/switch-account",
        token=member,
        json={"account_username": "owner", "device_name": "team-bot"},
    )
    assert session["user"]["username"] == "owner"
    assert session["token_expiry"] == "1_month"
    team_token = session["access_token"]
    assert (await api.ok("GET", "/me", token=team_token))["email"] == "owner@example.com"
    key = await api.ok("POST", "/api-keys", status=201, token=team_token, json={"name": "shared"})
    assert [k["id"] for k in api.fake.api_keys_of("owner@example.com")] == [key["id"]]
    # The switched token is the member's: listed and revoked among the member's tokens.
    assert [t["account"] for t in api.fake.tokens_of("member@example.com")] == ["member", "owner"]
    assert [t["name"] for t in api.fake.tokens_of("owner@example.com")] == ["seed"]
    # ... and it can switch back to the member's own account.
    back = await api.ok(
        "POST", "/auth/switch-account", token=team_token, json={"account_username": "member"}
    )
    assert back["user"]["username"] == "member"
    await api.ok("GET", "/me", token=owner)


async def test_switch_account_keeps_the_callers_scopes(api: Api) -> None:
    _, member = await _team_with_member(api)
    limited = api.fake.issue_token("member@example.com", scopes=["profile:read"])
    session = await api.ok(
        "POST", "/auth/switch-account", token=limited, json={"account_username": "owner"}
    )
    assert session["scopes"] == ["profile:read"]
    del member


@pytest.mark.parametrize("username", ["stranger", "nobody-at-all"])
async def test_switch_account_to_a_team_one_is_not_in_is_denied(api: Api, username: str) -> None:
    token = api.seed("agent@example.com")
    api.seed("stranger@example.com")
    await api.fail(
        "POST",
        "/auth/switch-account",
        status=403,
        code="access_denied",
        token=token,
        json={"account_username": username},
    )


async def test_switch_account_with_a_pending_invitation_is_denied(api: Api) -> None:
    owner = api.seed("owner@example.com")
    member = api.seed("member@example.com")
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "member@example.com"})
    await api.fail(
        "POST",
        "/auth/switch-account",
        status=403,
        code="access_denied",
        token=member,
        json={"account_username": "owner"},
    )


async def test_removing_a_member_ends_their_switched_tokens(api: Api) -> None:
    owner, member = await _team_with_member(api)
    session = await api.ok(
        "POST", "/auth/switch-account", token=member, json={"account_username": "owner"}
    )
    (seat,) = await api.ok("GET", "/teams", token=owner)
    await api.ok("DELETE", f"/teams/{seat['id']}", token=owner)
    await api.fail("GET", "/me", status=401, code="unauthenticated", token=session["access_token"])
    await api.ok("GET", "/me", token=member)
