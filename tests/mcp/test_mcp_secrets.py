"""Canary: no bearer token, password or reset token in any result, error or log line;
a new API key only in the answer that created it."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
from _mcp_support import PASSWORD
from mcp import Client

from modelslab_agents import AsyncModelsLab, Secret
from modelslab_agents.mcp import create_server
from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio

NEW_PASSWORD = "another-horse-battery"
RESET_PASSWORD = "third-horse-battery"


class Recording(httpx.AsyncBaseTransport):
    """The emulator's transport, noting every token and key its answers carry."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.secrets: set[str] = set()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        body = await response.aread()
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        data = payload.get("data") if isinstance(payload, dict) else None
        if isinstance(data, dict):
            for name in ("access_token", "token", "api_key"):
                if isinstance(data.get(name), str):
                    self.secrets.add(data[name])
        return httpx.Response(
            response.status_code, headers=response.headers, content=body, request=request
        )


async def test_no_secret_in_any_result_or_log_line(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeControlPlane()
    recording = Recording(fake.transport())
    sdk = AsyncModelsLab(
        Secret(""),
        base_url="http://127.0.0.1/api/agents/v1",
        transport=recording,
        retry_backoff=0,
    )
    seen: list[tuple[str, str]] = []  # (what, text)
    caplog.set_level(logging.DEBUG)

    async with Client(create_server(sdk)) as client:

        async def call(tool: str, **arguments: Any) -> Any:
            result = await client.call_tool(tool, arguments)
            seen.append((f"{tool} {arguments.get('action')}", result.model_dump_json()))
            return result

        email = "canary@example.com"
        await call("agent-auth", action="signup", email=email, password=PASSWORD)
        await call("agent-auth", action="login", email=email, password=PASSWORD)
        await call("agent-auth", action="login", email=email, password="wrong-password-1")
        await call("agent-auth", action="login", email="nobody@example.com", password=PASSWORD)
        created = await call("agent-api-keys", action="create", name="canary")
        key = created.structured_content["data"]["key"]
        await call("agent-api-keys", action="list")
        await call("agent-api-keys", action="get", key_id=created.structured_content["data"]["id"])
        await call("agent-tokens", action="list")
        await call("agent-profile", action="get")
        await call(
            "agent-profile",
            action="update-password",
            current_password=PASSWORD,
            password=NEW_PASSWORD,
            password_confirmation=NEW_PASSWORD,
        )
        await call(
            "agent-profile",
            action="update-password",
            current_password="not-my-password",
            password=NEW_PASSWORD,
        )
        await call("agent-auth", action="forgot-password", email=email)
        reset = next(e.token for e in fake.outbox if e.kind == "password_reset")
        await call(
            "agent-auth",
            action="reset-password",
            email=email,
            token=reset,
            password=RESET_PASSWORD,
            password_confirmation=RESET_PASSWORD,
        )
        await call("agent-auth", action="reset-password", email=email, token=reset, password="x")
        await call("agent-auth", action="login", email=email, password=RESET_PASSWORD)
        await call("agent-tokens", action="revoke-others")
        await call("agent-auth", action="logout")

    secrets = {PASSWORD, NEW_PASSWORD, RESET_PASSWORD, reset, *recording.secrets} - {key}
    assert len(recording.secrets) >= 3  # signup, login and the last login each gave a token
    logs = [record.getMessage() for record in caplog.records]
    for what, text in seen + [("log", line) for line in logs]:
        for secret in secrets:
            assert secret not in text, f"a secret in {what}"
        if what != "agent-api-keys create":
            assert key not in text, f"the new key in {what}"
