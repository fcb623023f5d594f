"""Rate limiting: per group and caller, fixed windows, headers, and 429 answers."""

from __future__ import annotations

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, PASSWORD, Api

pytestmark = pytest.mark.anyio


async def test_defaults_are_the_published_limits(api: Api) -> None:
    token = api.seed("agent@example.com")
    general = await api.request("GET", "/me", token=token)
    assert general.headers["X-RateLimit-Limit"] == "120"
    assert general.headers["X-RateLimit-Remaining"] == "119"
    auth = await api.request(
        "POST", "/auth/login", json={"email": "agent@example.com", "password": PASSWORD}
    )
    assert auth.headers["X-RateLimit-Limit"] == "20"
    assert auth.headers["X-RateLimit-Remaining"] == "19"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/auth/signup", {"email": "x@example.com", "password": PASSWORD}),
        ("POST", "/auth/login", {"email": "x@example.com", "password": PASSWORD}),
        ("POST", "/auth/verify", {"verification_code": "1"}),
        ("POST", "/auth/verify-email", {"verification_code": "1"}),
        ("POST", "/auth/forgot-password", {"email": "x@example.com"}),
        (
            "POST",
            "/auth/reset-password",
            {"email": "x@example.com", "token": "t", "password": PASSWORD},
        ),
        ("POST", "/auth/resend-verification", {"email": "x@example.com"}),
    ],
)
async def test_sign_in_routes_allow_20_a_minute_per_client_and_email(
    api: Api, method: str, path: str, body: dict[str, str]
) -> None:
    statuses = [(await api.request(method, path, json=body)).status_code for _ in range(21)]
    assert 429 not in statuses[:20]
    assert statuses[20] == 429
    other = {**body, "email": "y@example.com"} if "email" in body else None
    if other is not None:  # another email has a budget of its own
        assert (await api.request(method, path, json=other)).status_code != 429
    api.fake.advance_time(60)
    assert (await api.request(method, path, json=body)).status_code != 429


async def test_other_routes_allow_120_a_minute_per_user(api: Api) -> None:
    first = api.seed("a@example.com")
    same_user = api.fake.issue_token("a@example.com")
    other_user = api.seed("b@example.com")
    for _ in range(60):
        await api.ok("GET", "/me", token=first)
        await api.ok("GET", "/api-keys", token=same_user)
    # Both tokens of one user share the budget; another user has their own.
    await api.fail("GET", "/teams", status=429, code="rate_limited", token=first)
    await api.fail("POST", "/auth/refresh", status=429, code="rate_limited", token=same_user)
    await api.ok("GET", "/me", token=other_user)


async def test_the_window_is_fixed(api: Api) -> None:
    token = api.seed("agent@example.com")
    first = await api.request("GET", "/me", token=token)
    api.fake.advance_time(30)
    second = await api.request("GET", "/me", token=token)
    assert second.headers["X-RateLimit-Reset"] == first.headers["X-RateLimit-Reset"]
    assert second.headers["X-RateLimit-Remaining"] == "118"
    api.fake.advance_time(30)
    third = await api.request("GET", "/me", token=token)
    assert third.headers["X-RateLimit-Remaining"] == "119"
    assert int(third.headers["X-RateLimit-Reset"]) >= int(first.headers["X-RateLimit-Reset"]) + 60


@pytest.mark.parametrize(
    ("method", "path", "token"),
    [
        ("GET", "/me", None),
        ("GET", "/me", "wrong"),
        ("GET", "/api-keys/999", "valid"),
        ("POST", "/api-keys", "valid"),
        ("GET", "/auth/scopes", None),
        ("GET", "/openapi.json", None),
        ("GET", "/changelog", None),
        ("GET", "/no-such-route", None),
        ("POST", "/auth/login", None),
    ],
)
async def test_every_answer_carries_the_rate_limit_headers(
    api: Api, method: str, path: str, token: str | None
) -> None:
    if token == "valid":
        token = api.seed("agent@example.com")
    response = await api.request(method, path, token=token, json={})
    assert response.headers["X-RateLimit-Limit"] in {"20", "120"}
    assert int(response.headers["X-RateLimit-Remaining"]) >= 0
    assert int(response.headers["X-RateLimit-Reset"]) > 0


async def test_limits_can_be_turned_off() -> None:
    fake = FakeControlPlane(rate_limits=False)
    fake.create_account("a@example.com", PASSWORD)
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        body = {"email": "a@example.com", "password": PASSWORD}
        answers = [await client.post("/auth/login", json=body) for _ in range(50)]
    assert {a.status_code for a in answers} == {200}
    assert "X-RateLimit-Remaining" not in answers[-1].headers
    fake.set_rate_limit("agent-auth", 1, 60)  # one group can be limited again
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        statuses = [(await client.post("/auth/login", json=body)).status_code for _ in range(2)]
    assert statuses == [200, 429]


async def test_exceeding_the_limit_answers_429_until_the_window_resets(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.set_rate_limit("agent-general", 2, 60)
    remaining = [
        (await api.request("GET", "/me", token=token)).headers["X-RateLimit-Remaining"]
        for _ in range(2)
    ]
    assert remaining == ["1", "0"]
    response = await api.request("GET", "/me", token=token)
    assert response.status_code == 429
    body = response.json()
    assert body["error"] == {
        "code": "rate_limited",
        "message": "Too Many Attempts.",
        "details": None,
    }
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.headers["X-RateLimit-Remaining"] == "0"
    assert response.headers["X-RateLimit-Limit"] == "2"
    reset_before = int(response.headers["X-RateLimit-Reset"])

    api.fake.advance_time(61)
    response = await api.request("GET", "/me", token=token)
    assert response.status_code == 200
    assert response.headers["X-RateLimit-Remaining"] == "1"
    assert int(response.headers["X-RateLimit-Reset"]) > reset_before


async def test_a_refused_request_does_not_change_state(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.set_rate_limit("agent-general", 0, 60)
    await api.fail(
        "POST", "/api-keys", status=429, code="rate_limited", token=token, json={"name": "k"}
    )
    assert api.fake.api_keys_of("agent@example.com") == []


async def test_callers_and_groups_have_separate_windows(api: Api) -> None:
    first = api.seed("a@example.com")
    second = api.seed("b@example.com")
    api.fake.set_rate_limit("agent-general", 1, 60)
    await api.ok("GET", "/me", token=first)
    await api.fail("GET", "/me", status=429, code="rate_limited", token=first)
    await api.ok("GET", "/me", token=second)
    # Session routes of a signed-in user count against agent-general too.
    await api.fail(
        "POST",
        "/auth/switch-account",
        status=429,
        code="rate_limited",
        token=first,
        json={"account_username": "a"},
    )
    await api.login("a@example.com")  # agent-auth is a separate budget


async def test_unauthenticated_callers_are_counted_per_email(api: Api) -> None:
    api.seed("a@example.com")
    api.seed("b@example.com")
    api.fake.set_rate_limit("agent-auth", 1, 60)
    await api.login("a@example.com")
    await api.fail(
        "POST",
        "/auth/login",
        status=429,
        code="rate_limited",
        json={"email": "a@example.com", "password": PASSWORD},
    )
    await api.login("b@example.com")


async def test_limits_can_be_given_at_construction() -> None:
    fake = FakeControlPlane(rate_limits={"agent-auth": (1, 30)})
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        first = await client.post("/auth/forgot-password", json={"email": "x@example.com"})
        second = await client.post("/auth/forgot-password", json={"email": "x@example.com"})
    assert (first.status_code, second.status_code) == (200, 429)
    assert second.headers["X-RateLimit-Limit"] == "1"
    assert 1 <= int(second.headers["Retry-After"]) <= 30


async def test_a_mapping_keeps_the_published_limits_of_the_other_groups() -> None:
    fake = FakeControlPlane(rate_limits={"agent-auth": (1, 30)})
    fake.create_account("a@example.com", PASSWORD)
    token = fake.issue_token("a@example.com")
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        me = await client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert me.headers["X-RateLimit-Limit"] == "120"


def test_a_bad_rate_limits_value_is_refused() -> None:
    with pytest.raises(TypeError, match="rate_limits"):
        FakeControlPlane(rate_limits=20)  # type: ignore[arg-type]


async def test_unknown_routes_count_against_the_general_group(api: Api) -> None:
    api.fake.set_rate_limit("agent-general", 1, 60)
    await api.fail("GET", "/nowhere", status=404, code="not_found")
    await api.fail("GET", "/nowhere", status=429, code="rate_limited")


def test_configuration_is_checked() -> None:
    fake = FakeControlPlane()
    with pytest.raises(ValueError, match="agent-billing"):
        fake.set_rate_limit("agent-billing", 1, 60)
    with pytest.raises(ValueError, match="per_seconds"):
        fake.set_rate_limit("agent-auth", 1, 0)
    with pytest.raises(ValueError, match="unknown rate-limit group"):
        FakeControlPlane(rate_limits={"general": (1, 1)})
