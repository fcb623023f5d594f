"""Injected faults and latency, through the in-process transport."""

from __future__ import annotations

import json
import time

import anyio
import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import Api

pytestmark = pytest.mark.anyio

CREATE = "POST /api-keys"


async def _create(api: Api, token: str, name: str = "k") -> httpx.Response:
    return await api.request("POST", "/api-keys", token=token, json={"name": name})


def _keys(api: Api) -> list[str]:
    return [k["name"] for k in api.fake.api_keys_of("agent@example.com")]


async def test_server_error(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("server_error", route=CREATE)
    response = await _create(api, token)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    body = response.json()
    assert body["data"] is None
    assert body["error"]["code"] == "server_error"
    assert body["error"]["message"] == "Service Unavailable."
    assert _keys(api) == []
    assert (await _create(api, token)).status_code == 201


async def test_server_error_with_another_status_has_no_retry_after(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("server_error", status=500)
    response = await _create(api, token)
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert response.json()["error"]["message"] == "Internal Server Error."


async def test_html_error(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("html_error", status=502)
    response = await _create(api, token)
    assert response.status_code == 502
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<title>502 Bad Gateway</title>" in response.text
    assert _keys(api) == []


async def test_rate_limit_burst(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("rate_limit", count=2, retry_after=7)
    statuses = [(await _create(api, token)).status_code for _ in range(3)]
    assert statuses == [429, 429, 201]
    api.fake.inject_fault("rate_limit", retry_after=7)
    response = await _create(api, token)
    assert response.headers["Retry-After"] == "7"
    assert response.headers["X-RateLimit-Remaining"] == "0"
    assert response.json()["error"]["code"] == "rate_limited"
    assert _keys(api) == ["k"]


async def test_drop_before_leaves_state_unchanged(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("drop_before", route=CREATE)
    with pytest.raises(httpx.ReadError):
        await _create(api, token)
    assert _keys(api) == []
    assert api.fake.requests[-1] == ("POST", "/api-keys", None)


async def test_drop_after_acts_then_drops(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("drop_after", route=CREATE)
    with pytest.raises(httpx.ReadError):
        await _create(api, token)
    assert _keys(api) == ["k"]


async def test_truncated_body(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("truncated")
    response = await _create(api, token)
    assert response.status_code == 201
    assert response.content.startswith(b'{"data":')
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert _keys(api) == ["k"]


async def test_malformed_body(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("malformed")
    response = await _create(api, token)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert _keys(api) == ["k"]


async def test_slow_delays_the_answer(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("slow", delay=0.2)
    started = time.perf_counter()
    assert (await _create(api, token)).status_code == 201
    assert time.perf_counter() - started >= 0.2


async def test_a_client_timeout_abandons_a_slow_request(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("slow", delay=5)
    started = time.perf_counter()
    with pytest.raises(httpx.ReadTimeout):
        await api.client.post(
            "/api-keys",
            json={"name": "k"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=0.1,
        )
    assert time.perf_counter() - started < 2
    assert _keys(api) == []
    assert api.fake.requests[-1] == ("POST", "/api-keys", None)


async def test_delay_applies_to_other_kinds(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("server_error", delay=0.15)
    started = time.perf_counter()
    assert (await _create(api, token)).status_code == 503
    assert time.perf_counter() - started >= 0.15


async def test_route_filter(api: Api) -> None:
    token = api.seed("agent@example.com")
    fault = api.fake.inject_fault("server_error", route="DELETE /api-keys/{id}")
    assert (await api.request("GET", "/api-keys", token=token)).status_code == 200
    assert (await _create(api, token)).status_code == 201
    assert fault.hits == 0
    assert (await api.request("DELETE", "/api-keys/1", token=token)).status_code == 503
    assert fault.hits == 1
    assert (await api.request("DELETE", "/api-keys/1", token=token)).status_code == 200


async def test_every_nth_request(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("server_error", every=3)
    statuses = [(await api.request("GET", "/me", token=token)).status_code for _ in range(7)]
    assert statuses == [200, 200, 503, 200, 200, 503, 200]


async def test_every_with_a_count_cap(api: Api) -> None:
    token = api.seed("agent@example.com")
    fault = api.fake.inject_fault("server_error", every=2, count=2)
    statuses = [(await api.request("GET", "/me", token=token)).status_code for _ in range(8)]
    assert statuses == [200, 503, 200, 503, 200, 200, 200, 200]
    assert fault.hits == 2


async def test_faults_apply_in_injection_order(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("server_error", status=500)
    api.fake.inject_fault("server_error", status=502)
    statuses = [(await api.request("GET", "/me", token=token)).status_code for _ in range(3)]
    assert statuses == [500, 502, 200]


async def test_remove_and_clear(api: Api) -> None:
    token = api.seed("agent@example.com")
    fault = api.fake.inject_fault("server_error", every=1)
    assert (await api.request("GET", "/me", token=token)).status_code == 503
    fault.remove()
    fault.remove()
    assert (await api.request("GET", "/me", token=token)).status_code == 200
    api.fake.inject_fault("server_error", every=1)
    api.fake.inject_fault("html_error", every=1)
    api.fake.clear_faults()
    assert (await api.request("GET", "/me", token=token)).status_code == 200


async def test_the_request_log_counts_retries(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.inject_fault("server_error", count=2)
    for _ in range(3):
        await api.request("GET", "/me", token=token)
    assert api.fake.requests == [("GET", "/me", 503), ("GET", "/me", 503), ("GET", "/me", 200)]


async def test_latency_for_all_and_one_route(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.set_latency(0.1)
    api.fake.set_latency(0.0, route="GET /api-keys")
    started = time.perf_counter()
    await api.ok("GET", "/api-keys", token=token)
    fast = time.perf_counter() - started
    started = time.perf_counter()
    await api.ok("GET", "/me", token=token)
    slow = time.perf_counter() - started
    assert fast < 0.1 <= slow


async def test_concurrent_requests_wait_in_parallel(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.fake.set_latency(0.2)
    started = time.perf_counter()
    async with anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(_create, api, token)
    assert time.perf_counter() - started < 1.0
    assert len(_keys(api)) == 20


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "explode"}, "unknown fault kind"),
        ({"kind": "server_error", "route": "POST /api-key"}, "unknown route"),
        ({"kind": "server_error", "route": "/api-keys"}, "unknown route"),
        ({"kind": "server_error", "status": 404}, "5xx"),
        ({"kind": "slow"}, "delay"),
        ({"kind": "server_error", "every": 0}, "every"),
        ({"kind": "server_error", "count": 0}, "count"),
    ],
)
def test_fault_arguments_are_checked(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FakeControlPlane().inject_fault(**kwargs)  # type: ignore[arg-type]


def test_latency_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown route"):
        FakeControlPlane().set_latency(1, route="GET /nope")
    with pytest.raises(ValueError, match=">= 0"):
        FakeControlPlane().set_latency(-1)


def test_fault_repr() -> None:
    fault = FakeControlPlane().inject_fault("drop_after", route=CREATE)
    assert repr(fault) == (
        "Fault('drop_after', route='POST /api-keys', count=1, every=None, hits=0)"
    )
