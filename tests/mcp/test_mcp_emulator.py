"""The served emulator's MCP endpoint, ``/mcp/agents``: the hosted tool set over
streamable HTTP, a bearer token on every request, the REST API's own state."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import httpx2
import pytest
from _mcp_support import PASSWORD, data, error
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from modelslab_agents import ModelsLab
from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "test", "version": "0"},
    },
}
HEADERS = {"Accept": "application/json, text/event-stream"}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeControlPlane, str, str]]:
    fake = FakeControlPlane()
    with fake.serve() as base_url:
        yield fake, base_url, base_url.removesuffix("/api/agents/v1") + "/mcp/agents"


@asynccontextmanager
async def connect(url: str, token: str, mode: str = "auto") -> AsyncIterator[Client]:
    async with (
        httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http,
        Client(streamable_http_client(url, http_client=http), mode=mode) as client,
    ):
        yield client


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_hosted_tools_share_the_rest_apis_state(
    served: tuple[FakeControlPlane, str, str], mode: str
) -> None:
    fake, base_url, mcp_url = served
    email = f"emu-{mode}@example.com"
    with ModelsLab(base_url=base_url, token="") as rest:
        rest.auth.signup(email, PASSWORD)
        token = rest.auth.login(email, PASSWORD).access_token
        made_by_rest = rest.with_token(token).api_keys.create("rest")
    async with connect(mcp_url, token.get_secret_value(), mode) as client:
        tools = [tool.name for tool in (await client.list_tools()).tools]
        assert tools == [
            "agent-auth",
            "agent-tokens",
            "agent-profile",
            "agent-api-keys",
            "agent-teams",
        ]
        listed = data(await client.call_tool("agent-api-keys", {"action": "list"}))
        assert [k["id"] for k in listed] == [made_by_rest.id]
        made = data(await client.call_tool("agent-api-keys", {"action": "create", "name": "mcp"}))
        missing = error(await client.call_tool("agent-api-keys", {"action": "get", "key_id": 999}))
        assert missing["type"] == "NotFoundError"
    assert [k["name"] for k in fake.api_keys_of(email)] == ["rest", "mcp"]
    assert made["key"] == fake.api_keys_of(email)[1]["key"]


async def test_a_request_without_a_bearer_token_is_refused(
    served: tuple[FakeControlPlane, str, str],
) -> None:
    _, _, mcp_url = served
    async with httpx.AsyncClient() as http:
        refused = await http.post(mcp_url, json=INITIALIZE, headers=HEADERS)
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Bearer")
        accepted = await http.post(
            mcp_url, json=INITIALIZE, headers={**HEADERS, "Authorization": "Bearer anything"}
        )
        assert accepted.status_code == 200
        with_slash = await http.post(
            mcp_url + "/", json=INITIALIZE, headers={**HEADERS, "Authorization": "Bearer x"}
        )
        assert with_slash.status_code == 200


async def test_only_loopback_host_headers_are_served(
    served: tuple[FakeControlPlane, str, str],
) -> None:
    _, _, mcp_url = served
    async with httpx.AsyncClient() as http:
        answer = await http.post(
            mcp_url,
            json=INITIALIZE,
            headers={**HEADERS, "Authorization": "Bearer x", "Host": "evil.example:80"},
        )
    assert answer.status_code == 421


async def test_an_invalid_token_is_an_error_result(
    served: tuple[FakeControlPlane, str, str],
) -> None:
    _, _, mcp_url = served
    async with connect(mcp_url, "not-a-token") as client:
        err = error(await client.call_tool("agent-profile", {"action": "get"}))
    assert (err["type"], err["status_code"]) == ("AuthenticationError", 401)


def test_the_emulator_command_prints_both_urls() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "modelslab_agents", "emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stderr is not None
        base_url = proc.stdout.readline().strip()
        lines = [proc.stderr.readline() for _ in range(3)]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    mcp_url = base_url.removesuffix("/api/agents/v1") + "/mcp/agents"
    assert any(mcp_url in line for line in lines), lines


def test_serving_from_a_trio_program_starts_the_endpoint() -> None:
    # The endpoint is built on the server's loop, not the caller's (here trio's).
    trio = pytest.importorskip("trio")

    async def main() -> int:
        fake = FakeControlPlane()
        with fake.serve() as base_url:
            url = base_url.removesuffix("/api/agents/v1") + "/mcp/agents"
            async with httpx.AsyncClient() as http:
                answer = await http.post(
                    url, json=INITIALIZE, headers={**HEADERS, "Authorization": "Bearer x"}
                )
            return answer.status_code

    assert trio.run(main) == 200
