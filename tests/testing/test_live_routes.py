"""The routes and rules the public docs added: refresh, the scope catalogue, scoped
switch-account, capped lifetimes and the /auth/verify path."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, PASSWORD, Api

pytestmark = pytest.mark.anyio

DOCUMENTED_SCOPES = {
    "*",
    "profile:read",
    "profile:write",
    "tokens:read",
    "tokens:write",
    "api-keys:read",
    "api-keys:write",
    "usage:read",
    "models:read",
    "files:write",
    "billing:read",
    "billing:write",
    "wallet:read",
    "wallet:write",
    "subscriptions:read",
    "subscriptions:write",
    "teams:read",
    "teams:write",
}


def _lifetime(session: dict[str, object]) -> timedelta:
    expires_at = session["expires_at"]
    assert isinstance(expires_at, str)
    expires = datetime.fromisoformat(expires_at[:-1]).replace(tzinfo=timezone.utc)
    return expires - datetime.now(timezone.utc)


# -- refresh -------------------------------------------------------------------------------


async def test_refresh_rotates_the_token_and_revokes_the_old_one(api: Api) -> None:
    old = api.seed("agent@example.com", device_name="worker-1", scopes=["profile:read"])
    new = await api.ok("POST", "/auth/refresh", token=old)
    assert new["access_token"] != old
    assert new["token_expiry"] == "1_month"
    assert new["scopes"] == ["profile:read"]
    assert new["message"] == "Token refreshed."
    await api.fail("GET", "/me", token=old, status=401, code="unauthenticated")
    await api.ok("GET", "/me", token=new["access_token"])
    (token,) = api.fake.tokens_of("agent@example.com")
    assert token["name"] == "worker-1"  # the old token's name by default


async def test_refresh_takes_a_lifetime_and_a_name(api: Api) -> None:
    old = api.seed("agent@example.com")
    new = await api.ok(
        "POST", "/auth/refresh", token=old, json={"token_expiry": "1_year", "device_name": "n2"}
    )
    assert new["token_expiry"] == "1_year"
    assert timedelta(days=364) < _lifetime(new) <= timedelta(days=365)
    assert [t["name"] for t in api.fake.tokens_of("agent@example.com")] == ["n2"]


async def test_refresh_refuses_an_unknown_lifetime_and_keeps_the_old_token(api: Api) -> None:
    old = api.seed("agent@example.com")
    error = await api.fail(
        "POST",
        "/auth/refresh",
        token=old,
        status=422,
        code="validation_error",
        json={"token_expiry": "2_years"},
    )
    assert error["details"] == {"token_expiry": ["The selected token expiry is invalid."]}
    await api.ok("GET", "/me", token=old)


async def test_a_switched_token_refreshes_into_the_same_account(api: Api) -> None:
    owner = api.seed("owner@example.com")
    member = api.seed("member@example.com")
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "member@example.com"})
    await api.ok("POST", f"/teams/invitations/{api.fake.outbox[-1].token}/accept", token=member)
    switched = await api.ok(
        "POST", "/auth/switch-account", token=member, json={"account_username": "owner"}
    )
    new = await api.ok("POST", "/auth/refresh", token=switched["access_token"])
    assert new["user"]["email"] == "owner@example.com"
    assert (await api.ok("GET", "/me", token=new["access_token"]))["email"] == "owner@example.com"


async def test_refresh_needs_a_token(api: Api) -> None:
    await api.fail("POST", "/auth/refresh", status=401, code="unauthenticated")


# -- the scope catalogue and scoped tokens -------------------------------------------------


async def test_the_catalogue_needs_no_token_and_lists_the_documented_scopes(api: Api) -> None:
    catalogue = await api.ok("GET", "/auth/scopes")
    assert {s["name"] for s in catalogue} == DOCUMENTED_SCOPES
    assert all(isinstance(s["description"], str) and s["description"] for s in catalogue)


async def test_login_echoes_the_scopes_asked_for(api: Api) -> None:
    await api.signup("agent@example.com")
    session = await api.login("agent@example.com", scopes=["wallet:read", "models:read"])
    assert session["scopes"] == ["wallet:read", "models:read"]


async def test_an_out_of_scope_call_names_the_scope_in_body_and_header(api: Api) -> None:
    token = api.seed("agent@example.com", scopes=["models:read"])
    response = await api.request("GET", "/api-keys", token=token)
    assert response.status_code == 403
    assert response.json()["error"]["details"] == {
        "required_scope": "api-keys:read",
        "granted_scopes": ["models:read"],
    }
    assert response.headers["WWW-Authenticate"] == (
        'Bearer realm="modelslab", error="insufficient_scope", scope="api-keys:read"'
    )


async def _member_of_owner(api: Api, **token_options: object) -> str:
    owner = api.seed("owner@example.com")
    member = api.seed("member@example.com", **token_options)
    await api.ok("POST", "/teams", status=201, token=owner, json={"email": "member@example.com"})
    invite = api.fake.outbox[-1].token
    full = api.fake.issue_token("member@example.com")
    await api.ok("POST", f"/teams/invitations/{invite}/accept", token=full)
    return member


async def test_switch_account_grants_the_scopes_asked_for_within_the_callers(api: Api) -> None:
    member = await _member_of_owner(api, scopes=["profile:read", "api-keys:read"])
    switched = await api.ok(
        "POST",
        "/auth/switch-account",
        token=member,
        json={"account_username": "owner", "scopes": ["api-keys:read"]},
    )
    assert switched["scopes"] == ["api-keys:read"]
    await api.fail(
        "GET", "/me", token=switched["access_token"], status=403, code="insufficient_scope"
    )


@pytest.mark.parametrize("asked", [["teams:write"], ["*"], ["profile:read", "wallet:write"]])
async def test_switch_account_never_widens_scopes(api: Api, asked: list[str]) -> None:
    member = await _member_of_owner(api, scopes=["profile:read"])
    error = await api.fail(
        "POST",
        "/auth/switch-account",
        token=member,
        status=403,
        code="insufficient_scope",
        json={"account_username": "owner", "scopes": asked},
    )
    assert error["details"]["granted_scopes"] == ["profile:read"]
    assert error["details"]["required_scope"] in asked
    assert len(api.fake.tokens_of("member@example.com")) == 2  # nothing was issued


async def test_a_star_token_may_switch_into_any_scopes(api: Api) -> None:
    member = await _member_of_owner(api)
    switched = await api.ok(
        "POST",
        "/auth/switch-account",
        token=member,
        json={"account_username": "owner", "scopes": ["teams:read"]},
    )
    assert switched["scopes"] == ["teams:read"]


# -- capped lifetimes ----------------------------------------------------------------------


@pytest.fixture
async def capped_api() -> AsyncIterator[Api]:
    fake = FakeControlPlane(max_token_lifetime="3_months")
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        yield Api(fake, client)


@pytest.mark.parametrize("expiry", ["6_months", "1_year", "never"])
async def test_account_policy_caps_a_longer_lifetime_and_says_so(
    capped_api: Api, expiry: str
) -> None:
    await capped_api.signup("agent@example.com")
    session = await capped_api.login("agent@example.com", token_expiry=expiry)
    assert session["token_lifetime_capped"] is True
    assert session["token_expiry"] == expiry
    assert timedelta(days=89) < _lifetime(session) <= timedelta(days=90)


async def test_a_lifetime_within_the_cap_is_not_capped(capped_api: Api) -> None:
    await capped_api.signup("agent@example.com")
    session = await capped_api.login("agent@example.com", token_expiry="1_week")
    assert session["token_lifetime_capped"] is False


def test_the_cap_is_checked() -> None:
    with pytest.raises(ValueError, match="max_token_lifetime"):
        FakeControlPlane(max_token_lifetime="never")
    with pytest.raises(ValueError, match="max_token_lifetime"):
        FakeControlPlane(max_token_lifetime=-1)


# -- /auth/verify --------------------------------------------------------------------------


async def test_verify_is_the_same_route_as_verify_email() -> None:
    fake = FakeControlPlane(require_email_verification=True)
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        api = Api(fake, client)
        await api.ok(
            "POST",
            "/auth/signup",
            status=201,
            json={"email": "v@example.com", "password": PASSWORD},
        )
        session = await api.ok(
            "POST", "/auth/verify", json={"verification_code": fake.outbox[-1].token}
        )
        assert session["user"]["verified"] is True
        # The code was consumed: the other path does not take it again.
        await api.fail(
            "POST",
            "/auth/verify-email",
            status=422,
            code="validation_error",
            json={"verification_code": fake.outbox[-1].token},
        )


# -- through the SDK -----------------------------------------------------------------------


async def test_the_sdk_rotates_a_token_and_reads_the_catalogue() -> None:
    from modelslab_agents import AsyncModelsLab, AuthenticationError, InsufficientScopeError

    fake = FakeControlPlane()
    fake.create_account("agent@example.com", PASSWORD)
    async with AsyncModelsLab(transport=fake.transport()) as anonymous:
        scopes = await anonymous.auth.scopes()
        assert {s.name for s in scopes} == DOCUMENTED_SCOPES
        session = await anonymous.auth.login(
            "agent@example.com", PASSWORD, token_expiry="6_months", scopes=["profile:read"]
        )
        assert session.token_lifetime_capped is False
        client = anonymous.with_token(session.access_token)
        with pytest.raises(InsufficientScopeError):
            await client.api_keys.list()
        rotated = await client.auth.refresh(token_expiry="1_year")
        with pytest.raises(AuthenticationError):
            await client.profile.get()  # the old token is revoked
        profile = await anonymous.with_token(rotated.access_token).profile.get()
        assert profile.email == "agent@example.com"
        assert rotated.scopes == ["profile:read"]
