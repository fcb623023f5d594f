"""The ASGI app, driven in-process by httpx's ASGI transport."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import PASSWORD

pytestmark = pytest.mark.anyio


async def test_the_asgi_app_serves_the_api() -> None:
    fake = FakeControlPlane()
    transport = httpx.ASGITransport(app=fake.asgi_app, client=("10.0.0.9", 5000))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://fake/api/agents/v1"
    ) as client:
        signup = await client.post(
            "/auth/signup", json={"email": "a@example.com", "password": PASSWORD}
        )
        assert signup.status_code == 201
        token = signup.json()["data"]["access_token"]
        me = await client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["data"]["email"] == "a@example.com"
    assert me.headers["content-length"] == str(len(me.content))


async def test_the_asgi_app_uses_the_client_address_for_rate_limits() -> None:
    fake = FakeControlPlane(rate_limits={"agent-auth": (1, 60)})

    async def forgot(address: str) -> int:
        transport = httpx.ASGITransport(app=fake.asgi_app, client=(address, 1))
        async with httpx.AsyncClient(transport=transport, base_url="http://f/api/agents/v1") as c:
            response = await c.post("/auth/forgot-password", json={"email": "x@example.com"})
            return response.status_code

    assert [await forgot("10.0.0.1"), await forgot("10.0.0.1"), await forgot("10.0.0.2")] == [
        200,
        429,
        200,
    ]


async def test_lifespan_and_other_scopes() -> None:
    app = FakeControlPlane().asgi_app
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: Any) -> None:
        sent.append(message)

    await app({"type": "lifespan"}, receive, send)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    await app({"type": "websocket"}, receive, send)
    assert len(sent) == 2
