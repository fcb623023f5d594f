"""The routes and values added since the first reference: token refresh, the scope
catalogue, scoped logins and open token lifetimes, on the wire and back."""

from __future__ import annotations

from typing import Any

import pytest
import respx
from conftest import BASE_URL, TOKEN, fail, make_client, ok, sent_json, transport_for

from modelslab_agents import (
    AsyncModelsLab,
    AuthSession,
    InsufficientScopeError,
    MissingTokenError,
    ModelsLab,
    ResponseDecodeError,
    Scope,
    Secret,
    ServerError,
    ValidationError,
)
from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio

REFRESHED = {
    "access_token": "5|rotated-token-value",
    "token_type": "Bearer",
    "token_expiry": "1_year",
    "expires_at": "2031-01-01T00:00:00Z",
    "token_lifetime_capped": True,
    "message": "Token refreshed.",
}


# -- auth.refresh --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "body"),
    [
        ({}, {}),
        ({"token_expiry": "6_months"}, {"token_expiry": "6_months"}),
        ({"device_name": "agent-7"}, {"device_name": "agent-7"}),
        (
            {"token_expiry": "never", "device_name": "agent-7"},
            {"token_expiry": "never", "device_name": "agent-7"},
        ),
    ],
)
async def test_refresh_sends_only_the_given_fields_with_the_bearer_token(
    router: respx.MockRouter, kwargs: dict[str, Any], body: dict[str, Any]
) -> None:
    router.post("/auth/refresh").mock(return_value=ok(REFRESHED))
    async with make_client(router) as client:
        await client.auth.refresh(**kwargs)
    request = router.calls.last.request
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert sent_json(request) == body


async def test_refresh_returns_the_new_session_with_its_lifetime(
    router: respx.MockRouter,
) -> None:
    router.post("/auth/refresh").mock(return_value=ok(REFRESHED))
    async with make_client(router) as client:
        session = await client.auth.refresh(token_expiry="1_year")
    assert isinstance(session, AuthSession)
    assert session.access_token == Secret("5|rotated-token-value")
    assert session.token_expiry == "1_year"
    assert session.token_lifetime_capped is True
    assert session.expires_at is not None
    assert session.expires_at.year == 2031
    assert session.extra == {"message": "Token refreshed."}
    assert "rotated-token-value" not in repr(session)


async def test_a_session_without_the_cap_flag_says_none(router: respx.MockRouter) -> None:
    answer = {k: v for k, v in REFRESHED.items() if k != "token_lifetime_capped"}
    router.post("/auth/refresh").mock(return_value=ok(answer))
    async with make_client(router) as client:
        session = await client.auth.refresh()
    assert session.token_lifetime_capped is None


async def test_refresh_is_not_repeated_once_the_server_may_have_acted(
    router: respx.MockRouter,
) -> None:
    # The first attempt may have revoked the old token: a repeat would fail with 401
    # at best, or mint a second token.
    route = router.post("/auth/refresh").mock(
        side_effect=[fail(500, "server_error", "Oops."), ok(REFRESHED)]
    )
    async with make_client(router) as client:
        with pytest.raises(ServerError):
            await client.auth.refresh()
    assert route.call_count == 1


async def test_refresh_needs_a_token(router: respx.MockRouter) -> None:
    async with make_client(router, token=None) as client:
        with pytest.raises(MissingTokenError):
            await client.auth.refresh()
    assert router.calls.call_count == 0


# -- auth.scopes ---------------------------------------------------------------------------

CATALOGUE = [
    Scope(name="profile:read", description="Read the profile."),
    Scope(name="wallet:read", description=None),
]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            [
                {"name": "profile:read", "description": "Read the profile."},
                {"name": "wallet:read", "description": None},
            ],
            id="list-name",
        ),
        pytest.param(
            [
                {"scope": "profile:read", "description": "Read the profile."},
                {"scope": "wallet:read"},
            ],
            id="list-scope",
        ),
        pytest.param({"profile:read": "Read the profile.", "wallet:read": None}, id="mapping"),
        pytest.param(
            {"profile:read": {"description": "Read the profile."}, "wallet:read": {}},
            id="mapping-of-objects",
        ),
        pytest.param(
            {
                "items": [
                    {"name": "profile:read", "description": "Read the profile."},
                    {"name": "wallet:read"},
                ]
            },
            id="items",
        ),
        pytest.param(
            {
                "scopes": [
                    {"scope": "profile:read", "description": "Read the profile."},
                    {"scope": "wallet:read"},
                ]
            },
            id="wrapped-list",
        ),
    ],
)
async def test_scopes_reads_every_catalogue_shape(router: respx.MockRouter, data: Any) -> None:
    router.get("/auth/scopes").mock(return_value=ok(data))
    async with make_client(router, token=None) as client:
        scopes = await client.auth.scopes()
    assert scopes == CATALOGUE
    assert [s.name for s in scopes] == ["profile:read", "wallet:read"]


async def test_scopes_keeps_fields_it_does_not_know(router: respx.MockRouter) -> None:
    router.get("/auth/scopes").mock(
        return_value=ok({"models:read": {"description": "List models.", "group": "models"}})
    )
    async with make_client(router) as client:
        (scope,) = await client.auth.scopes()
    assert scope.name == "models:read"
    assert scope.extra == {"group": "models"}
    assert "Authorization" not in router.calls.last.request.headers


async def test_a_catalogue_of_the_wrong_shape_is_a_decode_error(router: respx.MockRouter) -> None:
    router.get("/auth/scopes").mock(return_value=ok("profile:read wallet:read"))
    async with make_client(router) as client:
        with pytest.raises(ResponseDecodeError):
            await client.auth.scopes()


# -- open values: the server owns the vocabulary -------------------------------------------


@pytest.mark.parametrize("expiry", ["6_months", "1_year", "2_years", ""])
async def test_login_sends_any_token_expiry_as_is(router: respx.MockRouter, expiry: str) -> None:
    router.post("/auth/login").mock(return_value=ok(REFRESHED))
    async with make_client(router) as client:
        await client.auth.login("ada@example.com", "pw", token_expiry=expiry)  # type: ignore[arg-type]
    assert sent_json(router.calls.last.request)["token_expiry"] == expiry


async def test_switch_account_sends_a_new_lifetime_as_is(router: respx.MockRouter) -> None:
    router.post("/auth/switch-account").mock(return_value=ok(REFRESHED))
    async with make_client(router) as client:
        await client.tokens.switch_account("team", token_expiry="18_months")  # type: ignore[arg-type]
    assert sent_json(router.calls.last.request)["token_expiry"] == "18_months"


async def test_an_unknown_lifetime_is_the_servers_422(router: respx.MockRouter) -> None:
    router.post("/auth/login").mock(
        return_value=fail(
            422,
            "validation_error",
            "The given data was invalid.",
            {"token_expiry": ["The selected token expiry is invalid."]},
        )
    )
    async with make_client(router) as client:
        with pytest.raises(ValidationError) as info:
            await client.auth.login("ada@example.com", "pw", token_expiry="2_years")  # type: ignore[arg-type]
    assert info.value.details == {"token_expiry": ["The selected token expiry is invalid."]}


async def test_login_sends_documented_and_new_scope_names(router: respx.MockRouter) -> None:
    router.post("/auth/login").mock(return_value=ok(REFRESHED))
    async with make_client(router) as client:
        await client.auth.login(
            "ada@example.com",
            "pw",
            scopes=["models:read", "wallet:read", "agents:run"],  # type: ignore[list-item]
        )
    assert sent_json(router.calls.last.request)["scopes"] == [
        "models:read",
        "wallet:read",
        "agents:run",
    ]


async def test_a_scope_that_is_no_string_names_the_argument(router: respx.MockRouter) -> None:
    async with make_client(router) as client:
        with pytest.raises(TypeError, match=r"scopes\[1\] must be a str"):
            await client.auth.login("ada@example.com", "pw", scopes=["models:read", 3])  # type: ignore[list-item]
    assert router.calls.call_count == 0


async def test_switch_account_narrows_the_scopes_and_never_widens_them() -> None:
    fake = FakeControlPlane(rate_limits=False)
    fake.create_account("ada@example.com", "correct-horse-battery", username="ada")
    token = fake.issue_token("ada@example.com", scopes=["profile:read", "tokens:write"])
    async with AsyncModelsLab(token, transport=fake.transport()) as client:
        session = await client.tokens.switch_account("ada", scopes=["profile:read"])
        assert session.scopes == ["profile:read"]
        narrowed = client.with_token(session.access_token)
        assert (await narrowed.profile.get()).email == "ada@example.com"
        with pytest.raises(InsufficientScopeError) as info:
            await narrowed.tokens.list()
        assert info.value.required_scope == "tokens:read"
        with pytest.raises(InsufficientScopeError) as info:
            await client.tokens.switch_account("ada", scopes=["profile:read", "teams:write"])
        assert info.value.required_scope == "teams:write"
    assert len(fake.tokens_of("ada@example.com")) == 2  # nothing was issued for the refusal


async def test_team_roles_are_sent_as_given(router: respx.MockRouter) -> None:
    router.route().mock(return_value=ok({"id": 9}))
    async with make_client(router) as client:
        await client.teams.invite("bo@example.com", role="billing-manager")
        await client.teams.update(9, role="auditor")
    bodies = [sent_json(call.request) for call in router.calls]
    assert bodies == [{"email": "bo@example.com", "role": "billing-manager"}, {"role": "auditor"}]


# -- the blocking twin ---------------------------------------------------------------------


def test_the_blocking_client_refreshes_and_lists_scopes() -> None:
    with respx.MockRouter(using=None, base_url=BASE_URL) as router:
        router.post("/auth/refresh").mock(return_value=ok(REFRESHED))
        router.get("/auth/scopes").mock(return_value=ok({"tokens:read": "List tokens."}))
        with ModelsLab(TOKEN, base_url=BASE_URL, transport=transport_for(router)) as client:
            session = client.auth.refresh(device_name="cron")
            scopes = client.auth.scopes()
        assert session.token_lifetime_capped is True
        assert scopes == [Scope(name="tokens:read", description="List tokens.")]
        assert sent_json(router.calls[0].request) == {"device_name": "cron"}
