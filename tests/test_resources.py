"""Every route method against the wire: method, path, auth header, JSON body, result type.

One case per method (the 28 routes, ``auth.verify_email``, ``auth.refresh`` and
``auth.scopes``), plus the PATCH/PUT rules: only the fields passed are sent, and an
explicit ``None`` is sent as null.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import respx
from conftest import BASE_URL, TOKEN, make_client, ok, sent_json

from modelslab_agents import (
    AccessToken,
    ApiKey,
    AsyncModelsLab,
    AuthSession,
    MemberStatus,
    Profile,
    Scope,
    Secret,
    SignupResult,
    TeamMember,
)
from modelslab_agents._endpoints import ALL

pytestmark = pytest.mark.anyio

INVITE_ID = "0b6f3a52-9a4e-4c1e-9a53-2f1f0f0a8c11"
USER = {"id": 1, "name": "Ada", "email": "ada@example.com", "username": "ada", "verified": True}
SESSION = {
    "access_token": "2|session-token-value",
    "token_type": "Bearer",
    "token_expiry": "1_month",
    "expires_at": "2030-01-01T00:00:00Z",
    "user": USER,
    "scopes": ["profile:read"],
}
SIGNUP = {"access_token": "3|signup-token-value", "user": USER}
TOKEN_ITEM = {"id": 4, "name": "laptop", "last_used_at": None, "created_at": "2024-05-01T10:00:00Z"}
PROFILE = {**USER, "about_me": "hi", "wallet_balance": 12.5, "created_at": "2024-01-01T00:00:00Z"}
API_KEY = {"id": 7, "name": "prod", "key": "sk-full-key-value", "notes": None, "created_at": None}
MEMBER = {
    "id": 9,
    "email": "bo@example.com",
    "name": "Bo",
    "role": "member",
    "status": "pending",
    "permissions": ["api_keys"],
}

Call = Callable[[AsyncModelsLab], Awaitable[Any]]


@dataclass
class Case:
    """One method call and what must go over the wire for it."""

    call: Call
    method: str
    path: str
    needs_token: bool
    body: Any  # the parsed JSON body, or None when no body is sent
    answer: Any  # the ``data`` the mock answers with
    returns: type[Any] | None  # the model (of each item, for a list), or None
    many: bool = False


CASES: dict[str, Case] = {
    "auth.signup": Case(
        lambda c: c.auth.signup("ada@example.com", "pw-signup-1", "Ada"),
        "POST",
        "/auth/signup",
        False,
        {"email": "ada@example.com", "password": "pw-signup-1", "name": "Ada"},
        SIGNUP,
        SignupResult,
    ),
    "auth.login": Case(
        lambda c: c.auth.login("ada@example.com", "pw-login-1"),
        "POST",
        "/auth/login",
        False,
        {
            "email": "ada@example.com",
            "password": "pw-login-1",
            "device_name": "modelslab-agents",
            "token_expiry": "1_month",
        },
        SESSION,
        AuthSession,
    ),
    "auth.logout": Case(lambda c: c.auth.logout(), "POST", "/auth/logout", True, None, None, None),
    "auth.logout_all": Case(
        lambda c: c.auth.logout_all(), "POST", "/auth/logout-all", True, None, None, None
    ),
    "auth.forgot_password": Case(
        lambda c: c.auth.forgot_password("ada@example.com"),
        "POST",
        "/auth/forgot-password",
        False,
        {"email": "ada@example.com"},
        None,
        None,
    ),
    "auth.reset_password": Case(
        lambda c: c.auth.reset_password("ada@example.com", "reset-tok-1", "pw-new-1"),
        "POST",
        "/auth/reset-password",
        False,
        {
            "email": "ada@example.com",
            "token": "reset-tok-1",
            "password": "pw-new-1",
            "password_confirmation": "pw-new-1",
        },
        None,
        None,
    ),
    "auth.resend_verification": Case(
        lambda c: c.auth.resend_verification("ada@example.com"),
        "POST",
        "/auth/resend-verification",
        False,
        {"email": "ada@example.com"},
        None,
        None,
    ),
    "auth.verify_email": Case(
        lambda c: c.auth.verify_email("code-123456"),
        "POST",
        "/auth/verify-email",
        False,
        {"verification_code": "code-123456"},
        SESSION,
        AuthSession,
    ),
    "auth.refresh": Case(
        lambda c: c.auth.refresh(token_expiry="1_year"),
        "POST",
        "/auth/refresh",
        True,
        {"token_expiry": "1_year"},
        SESSION,
        AuthSession,
    ),
    "auth.scopes": Case(
        lambda c: c.auth.scopes(),
        "GET",
        "/auth/scopes",
        False,
        None,
        [{"name": "profile:read", "description": "Read the profile."}],
        Scope,
        many=True,
    ),
    "tokens.list": Case(
        lambda c: c.tokens.list(),
        "GET",
        "/auth/tokens",
        True,
        None,
        [TOKEN_ITEM],
        AccessToken,
        many=True,
    ),
    "tokens.revoke": Case(
        lambda c: c.tokens.revoke(4), "DELETE", "/auth/tokens/4", True, None, None, None
    ),
    "tokens.revoke_others": Case(
        lambda c: c.tokens.revoke_others(),
        "POST",
        "/auth/tokens/revoke-others",
        True,
        None,
        None,
        None,
    ),
    "tokens.switch_account": Case(
        lambda c: c.tokens.switch_account("team-ada"),
        "POST",
        "/auth/switch-account",
        True,
        {"account_username": "team-ada"},
        SESSION,
        AuthSession,
    ),
    "profile.get": Case(lambda c: c.profile.get(), "GET", "/me", True, None, PROFILE, Profile),
    "profile.update": Case(
        lambda c: c.profile.update(name="Ada L."),
        "PATCH",
        "/me",
        True,
        {"name": "Ada L."},
        PROFILE,
        Profile,
    ),
    "profile.update_password": Case(
        lambda c: c.profile.update_password("pw-old-1", "pw-new-2"),
        "PATCH",
        "/me/password",
        True,
        {
            "current_password": "pw-old-1",
            "password": "pw-new-2",
            "password_confirmation": "pw-new-2",
        },
        None,
        None,
    ),
    "profile.update_socials": Case(
        lambda c: c.profile.update_socials(github="ada"),
        "PATCH",
        "/me/socials",
        True,
        {"github": "ada"},
        {"github": "ada", "twitter": None},
        None,
    ),
    "profile.update_preferences": Case(
        lambda c: c.profile.update_preferences(nsfw_content=False),
        "PATCH",
        "/me/preferences",
        True,
        {"nsfw_content": False},
        {"nsfw_content": False},
        None,
    ),
    "api_keys.list": Case(
        lambda c: c.api_keys.list(), "GET", "/api-keys", True, None, [API_KEY], ApiKey, many=True
    ),
    "api_keys.create": Case(
        lambda c: c.api_keys.create("prod"),
        "POST",
        "/api-keys",
        True,
        {"name": "prod"},
        API_KEY,
        ApiKey,
    ),
    "api_keys.get": Case(
        lambda c: c.api_keys.get(7), "GET", "/api-keys/7", True, None, API_KEY, ApiKey
    ),
    "api_keys.update": Case(
        lambda c: c.api_keys.update(7, notes="rotated"),
        "PUT",
        "/api-keys/7",
        True,
        {"notes": "rotated"},
        API_KEY,
        ApiKey,
    ),
    "api_keys.delete": Case(
        lambda c: c.api_keys.delete(7), "DELETE", "/api-keys/7", True, None, None, None
    ),
    "teams.list": Case(
        lambda c: c.teams.list(), "GET", "/teams", True, None, [MEMBER], TeamMember, many=True
    ),
    "teams.invite": Case(
        lambda c: c.teams.invite("bo@example.com"),
        "POST",
        "/teams",
        True,
        {"email": "bo@example.com"},
        MEMBER,
        TeamMember,
    ),
    "teams.get": Case(lambda c: c.teams.get(9), "GET", "/teams/9", True, None, MEMBER, TeamMember),
    "teams.update": Case(
        lambda c: c.teams.update(9, role="admin"),
        "PUT",
        "/teams/9",
        True,
        {"role": "admin"},
        MEMBER,
        TeamMember,
    ),
    "teams.remove": Case(lambda c: c.teams.remove(9), "DELETE", "/teams/9", True, None, None, None),
    "teams.resend_invite": Case(
        lambda c: c.teams.resend_invite(9),
        "POST",
        "/teams/9/resend-invite",
        True,
        None,
        None,
        None,
    ),
    "teams.accept_invite": Case(
        lambda c: c.teams.accept_invite(INVITE_ID),
        "POST",
        f"/teams/invitations/{INVITE_ID}/accept",
        True,
        None,
        None,
        None,
    ),
}


def test_the_table_covers_every_route_once() -> None:
    assert sorted(CASES) == sorted(e.operation_id for e in ALL)
    assert len(CASES) == 31


async def _send(router: respx.MockRouter, case: Case, token: str | None = TOKEN) -> Any:
    router.route(method=case.method, path=case.path).mock(return_value=ok(case.answer))
    async with make_client(router, token) as client:
        return await case.call(client)


@pytest.mark.parametrize("name", sorted(CASES))
async def test_method_path_auth_and_body(router: respx.MockRouter, name: str) -> None:
    case = CASES[name]
    await _send(router, case)

    assert router.calls.call_count == 1
    request = router.calls.last.request
    assert request.method == case.method
    assert str(request.url) == BASE_URL + case.path
    if case.needs_token:
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    else:  # the client has a token, but a route that needs none never carries it
        assert "Authorization" not in request.headers
    if case.body is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert sent_json(request) == case.body


@pytest.mark.parametrize("name", sorted(CASES))
async def test_return_type(router: respx.MockRouter, name: str) -> None:
    case = CASES[name]
    result = await _send(router, case)

    if case.returns is None:
        assert result is None
    elif case.many:
        assert isinstance(result, list)
        assert len(result) == len(case.answer)
        assert all(type(item) is case.returns for item in result)
    else:
        assert type(result) is case.returns


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if not c.needs_token))
async def test_routes_without_token_work_on_an_anonymous_client(
    router: respx.MockRouter, name: str
) -> None:
    await _send(router, CASES[name], token=None)
    assert "Authorization" not in router.calls.last.request.headers


# -- the documented request fields ---------------------------------------------------------


async def _body_of(router: respx.MockRouter, call: Call, answer: Any = None) -> Any:
    router.route().mock(return_value=ok(answer))
    async with make_client(router) as client:
        await call(client)
    return sent_json(router.calls.last.request)


async def test_login_sends_the_given_options_and_scopes(router: respx.MockRouter) -> None:
    body = await _body_of(
        router,
        lambda c: c.auth.login(
            "ada@example.com",
            Secret("pw-login-2"),
            device_name="ci",
            token_expiry="never",
            scopes=["profile:read", "api_keys:write"],
        ),
        SESSION,
    )
    assert body == {
        "email": "ada@example.com",
        "password": "pw-login-2",
        "device_name": "ci",
        "token_expiry": "never",
        "scopes": ["profile:read", "api_keys:write"],
    }


async def test_signup_without_name_sends_no_name(router: respx.MockRouter) -> None:
    body = await _body_of(router, lambda c: c.auth.signup("ada@example.com", "pw-1"), SIGNUP)
    assert body == {"email": "ada@example.com", "password": "pw-1"}


async def test_reset_password_takes_secrets_and_confirms_the_password(
    router: respx.MockRouter,
) -> None:
    body = await _body_of(
        router,
        lambda c: c.auth.reset_password("ada@example.com", Secret("reset-2"), Secret("pw-3")),
    )
    assert body["token"] == "reset-2"
    assert body["password"] == body["password_confirmation"] == "pw-3"


async def test_switch_account_sends_optional_fields_only_when_given(
    router: respx.MockRouter,
) -> None:
    body = await _body_of(
        router,
        lambda c: c.tokens.switch_account("team-ada", device_name="bot", token_expiry="1_week"),
        SESSION,
    )
    assert body == {"account_username": "team-ada", "device_name": "bot", "token_expiry": "1_week"}


async def test_create_and_invite_send_optional_fields_when_given(
    router: respx.MockRouter,
) -> None:
    assert await _body_of(router, lambda c: c.api_keys.create("ci", notes="for CI"), API_KEY) == {
        "name": "ci",
        "notes": "for CI",
    }
    assert await _body_of(
        router, lambda c: c.teams.invite("bo@example.com", role="admin"), MEMBER
    ) == {"email": "bo@example.com", "role": "admin"}


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param(lambda c: c.profile.update(), {}, id="profile-nothing"),
        pytest.param(
            lambda c: c.profile.update(about_me=None), {"about_me": None}, id="profile-null"
        ),
        pytest.param(
            lambda c: c.profile.update(name="A", username="a", about_me="x"),
            {"name": "A", "username": "a", "about_me": "x"},
            id="profile-all",
        ),
        pytest.param(
            lambda c: c.profile.update_socials(twitter=None, discord="ada#1"),
            {"twitter": None, "discord": "ada#1"},
            id="socials",
        ),
        pytest.param(
            lambda c: c.profile.update_socials(facebook="ada.fb", instagram="ada.ig"),
            {"facebook": "ada.fb", "instagram": "ada.ig"},
            id="socials-other",
        ),
        pytest.param(
            lambda c: c.profile.update_preferences(
                wallet_notification_enabled=True, wallet_notification_threshold=2.5
            ),
            {"wallet_notification_enabled": True, "wallet_notification_threshold": 2.5},
            id="preferences",
        ),
        pytest.param(
            lambda c: c.profile.update_preferences(wallet_notification_threshold=None),
            {"wallet_notification_threshold": None},
            id="preferences-null",
        ),
        pytest.param(lambda c: c.api_keys.update(7), {}, id="api-key-nothing"),
        pytest.param(
            lambda c: c.api_keys.update(7, name="renamed", notes=None),
            {"name": "renamed", "notes": None},
            id="api-key-null-notes",
        ),
        pytest.param(lambda c: c.api_keys.update(7, name=None), {"name": None}, id="api-key-null"),
        pytest.param(
            lambda c: c.teams.update(9, permissions=["billing", "api_keys"]),
            {"permissions": ["billing", "api_keys"]},
            id="team-permissions",
        ),
        pytest.param(
            lambda c: c.teams.update(9, role=None, permissions=None),
            {"role": None, "permissions": None},
            id="team-null",
        ),
    ],
)
async def test_partial_updates_send_only_given_fields_and_none_as_null(
    router: respx.MockRouter, call: Call, expected: dict[str, Any]
) -> None:
    # One answer every model of these routes can read (each needs only an id).
    router.route().mock(return_value=ok({**PROFILE, **API_KEY, **MEMBER}))
    async with make_client(router) as client:
        await call(client)
    assert sent_json(router.calls.last.request) == expected


async def test_accept_invite_takes_a_uuid_object_and_sends_it_canonically(
    router: respx.MockRouter,
) -> None:
    import uuid

    router.route().mock(return_value=ok())
    async with make_client(router) as client:
        await client.teams.accept_invite(uuid.UUID(INVITE_ID.upper()))
    assert router.calls.last.request.url.path.endswith(f"/teams/invitations/{INVITE_ID}/accept")


# -- what comes back -----------------------------------------------------------------------


async def test_login_answer_is_a_typed_session(router: respx.MockRouter) -> None:
    session = await _send(router, CASES["auth.login"])
    assert session.access_token == Secret("2|session-token-value")
    assert session.access_token.get_secret_value() == "2|session-token-value"
    assert session.token_type == "Bearer"
    assert session.expires_at.year == 2030
    assert session.expires_at.utcoffset() is not None
    assert session.user.email == "ada@example.com"
    assert session.scopes == ["profile:read"]
    assert session.api_key is None


async def test_created_api_key_carries_the_full_key_as_a_secret(
    router: respx.MockRouter,
) -> None:
    key = await _send(router, CASES["api_keys.create"])
    assert isinstance(key.key, Secret)
    assert key.key.get_secret_value() == "sk-full-key-value"
    assert (key.id, key.name, key.notes) == (7, "prod", None)


async def test_team_member_status_is_the_enum(router: respx.MockRouter) -> None:
    member = await _send(router, CASES["teams.get"])
    assert member.status is MemberStatus.PENDING
    assert member.permissions == ["api_keys"]


async def test_signup_answer_without_token_requires_verification(
    router: respx.MockRouter,
) -> None:
    router.post("/auth/signup").mock(return_value=ok({"user": USER}, status=201))
    async with make_client(router, None) as client:
        result = await client.auth.signup("ada@example.com", "pw-1")
    assert result.access_token is None
    assert result.verification_required is True


async def test_signup_answer_with_token_needs_no_verification(
    router: respx.MockRouter,
) -> None:
    router.post("/auth/signup").mock(return_value=ok(SIGNUP, status=201))
    async with make_client(router, None) as client:
        result = await client.auth.signup("ada@example.com", "pw-1")
    assert result.access_token == Secret("3|signup-token-value")
    assert result.verification_required is False


async def test_a_204_answer_to_a_route_returning_none_is_fine(router: respx.MockRouter) -> None:
    router.delete("/api-keys/7").mock(return_value=httpx.Response(204))
    async with make_client(router) as client:
        assert await client.api_keys.delete(7) is None
