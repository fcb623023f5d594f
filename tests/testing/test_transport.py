"""The in-process transport: plain httpx behaviour with no sockets."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, PASSWORD

pytestmark = pytest.mark.anyio


async def test_a_streamed_request_body() -> None:
    fake = FakeControlPlane()

    async def chunks() -> AsyncIterator[bytes]:
        payload = json.dumps({"email": "a@example.com", "password": PASSWORD}).encode()
        for start in range(0, len(payload), 7):
            yield payload[start : start + 7]

    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        response = await client.post("/auth/signup", content=chunks())
    assert response.status_code == 201


async def test_no_timeout_means_wait_as_long_as_it_takes() -> None:
    fake = FakeControlPlane()
    fake.set_latency(0.05)
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url=BASE_URL, timeout=None
    ) as client:
        response = await client.post("/auth/forgot-password", json={"email": "a@example.com"})
    assert response.status_code == 200


async def test_the_response_looks_like_one_from_the_network() -> None:
    fake = FakeControlPlane()
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        response = await client.get("/me")
    assert response.http_version == "HTTP/1.1"
    assert response.headers["content-length"] == str(len(response.content))
    assert response.request.url == httpx.URL(f"{BASE_URL}/me")


async def test_transports_share_one_state() -> None:
    fake = FakeControlPlane()
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as first:
        await first.post("/auth/signup", json={"email": "a@example.com", "password": PASSWORD})
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as second:
        login = await second.post(
            "/auth/login", json={"email": "a@example.com", "password": PASSWORD}
        )
    assert login.status_code == 200
