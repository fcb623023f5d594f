"""Rate limiting: per group and caller, fixed windows, headers, and 429 answers."""

from __future__ import annotations

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, PASSWORD, Api

pytestmark = pytest.mark.anyio


async def test_defaults_are_generous(api: Api) -> None:
    token = api.seed("agent@example.com")
    general = await api.request("GET", "/me", token=token)
    assert general.headers["X-RateLimit-Limit"] == "100000"
    assert general.headers["X-RateLimit-Remaining"] == "99999"
    auth = await api.request("POST", "/auth/logout", token=token)
    assert auth.headers["X-RateLimit-Limit"] == "10000"


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
    await api.ok("POST", "/auth/switch-account", token=first, json={"account_username": "a"})


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
    assert 1 <= int(second.headers["Retry-After"]) <= 30


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
