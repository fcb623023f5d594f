"""Helpers for driving the emulator with plain httpx in tests."""

from __future__ import annotations

from typing import Any

import httpx

from modelslab_agents.testing import FakeControlPlane

BASE_URL = "http://fake/api/agents/v1"
PASSWORD = "secret-password"

_UNSET: Any = object()


class Api:
    """Plain-httpx calls against one emulator, with envelope assertions."""

    def __init__(self, fake: FakeControlPlane, client: httpx.AsyncClient) -> None:
        self.fake = fake
        self.client = client

    async def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json: Any = _UNSET,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        if json is not _UNSET:
            return await self.client.request(method, path, json=json, headers=all_headers)
        return await self.client.request(method, path, content=content, headers=all_headers)

    async def ok(self, method: str, path: str, *, status: int = 200, **kwargs: Any) -> Any:
        """Call, assert a success envelope with ``status``, return ``data``."""
        response = await self.request(method, path, **kwargs)
        body = response.json()
        assert response.status_code == status, body
        assert body["error"] is None
        assert body["meta"]["request_id"] == response.headers["X-Request-Id"]
        return body["data"]

    async def fail(self, method: str, path: str, *, status: int, code: str, **kwargs: Any) -> Any:
        """Call, assert an error envelope with ``status`` and ``code``, return ``error``."""
        response = await self.request(method, path, **kwargs)
        body = response.json()
        assert response.status_code == status, body
        assert body["data"] is None
        assert body["error"]["code"] == code, body
        assert body["meta"]["request_id"] == response.headers["X-Request-Id"]
        return body["error"]

    async def signup(self, email: str, *, password: str = PASSWORD, name: str | None = None) -> str:
        """Sign up over the API and return the access token."""
        data = await self.ok(
            "POST",
            "/auth/signup",
            status=201,
            json={"email": email, "password": password, "name": name},
        )
        token: str = data["access_token"]
        return token

    async def login(self, email: str, *, password: str = PASSWORD, **fields: Any) -> Any:
        """Log in over the API and return the AuthSession."""
        return await self.ok(
            "POST", "/auth/login", json={"email": email, "password": password, **fields}
        )

    def seed(self, email: str, **token_options: Any) -> str:
        """Create an account directly and return a token for it."""
        self.fake.create_account(email, PASSWORD, name=email.split("@")[0].title())
        return self.fake.issue_token(email, **token_options)
