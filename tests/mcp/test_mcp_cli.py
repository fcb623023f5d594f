"""``modelslab-agents mcp serve`` as a subprocess, against the served emulator:
over stdio end to end, and over streamable HTTP with and without a token."""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx2
import pytest
from _mcp_support import PASSWORD, data, error
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # subprocesses: one backend is enough


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeControlPlane, str]]:
    fake = FakeControlPlane()
    with fake.serve() as base_url:
        yield fake, base_url


def environment(base_url: str, config_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODELSLAB_")}
    env.update(
        MODELSLAB_BASE_URL=base_url,
        MODELSLAB_CONFIG_DIR=str(config_dir),
        MODELSLAB_NO_KEYRING="1",
        **extra,
    )
    return env


async def test_stdio_end_to_end(served: tuple[FakeControlPlane, str], tmp_path: Path) -> None:
    fake, base_url = served
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "modelslab_agents", "mcp", "serve"],
        env=environment(base_url, tmp_path, MODELSLAB_LOG="debug"),
    )
    email = "stdio@example.com"
    with (tmp_path / "stderr.log").open("w+") as errlog:
        async with Client(stdio_client(params, errlog=errlog)) as client:
            data(
                await client.call_tool(
                    "agent-auth", {"action": "signup", "email": email, "password": PASSWORD}
                )
            )
            data(
                await client.call_tool(
                    "agent-auth", {"action": "login", "email": email, "password": PASSWORD}
                )
            )
            key = data(await client.call_tool("agent-api-keys", {"action": "create", "name": "a"}))
            assert key["key"] == fake.api_keys_of(email)[0]["key"]
            listed = data(await client.call_tool("agent-api-keys", {"action": "list"}))
            assert [(k["id"], k["key"]) for k in listed] == [(key["id"], "**********")]
            invited = data(
                await client.call_tool(
                    "agent-teams", {"action": "create", "email": "m@example.com"}
                )
            )
            assert invited["status"] == "pending"
            missing = error(
                await client.call_tool("agent-teams", {"action": "get", "member_id": 9})
            )
            assert (missing["type"], missing["status_code"]) == ("NotFoundError", 404)
            invalid = error(await client.call_tool("agent-api-keys", {"action": "create"}))
            assert invalid["details"] == {"name": ["create needs name"]}
            assert len(fake.api_keys_of(email)) == 1
        errlog.seek(0)
        log = errlog.read()
    assert "POST" in log  # the SDK's debug log went to stderr, stdout stayed the protocol's
    assert PASSWORD not in log
    assert key["key"] not in log


@asynccontextmanager
async def http_client(
    url: str, token: str | None = None, mode: str = "auto"
) -> AsyncIterator[Client]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with (
        httpx2.AsyncClient(headers=headers) as http,
        Client(streamable_http_client(url, http_client=http), mode=mode) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def mcp_http(served: tuple[FakeControlPlane, str], tmp_path_factory: Any) -> Iterator[str]:
    _, base_url = served
    env = environment(base_url, tmp_path_factory.mktemp("mcp-http"))
    command = ["mcp", "serve", "--transport", "http", "--port", "0"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "modelslab_agents", *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=30), "mcp serve printed no URL"
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        assert url.endswith("/mcp"), url
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def test_http_uses_each_requests_bearer_token(
    served: tuple[FakeControlPlane, str], mcp_http: str
) -> None:
    fake, _ = served
    fake.create_account("bearer@example.com", PASSWORD, username="bearer")
    token = fake.issue_token("bearer@example.com")
    async with http_client(mcp_http, token) as client:
        profile = data(await client.call_tool("agent-profile", {"action": "get"}))
        assert profile["username"] == "bearer"
    async with http_client(mcp_http, token, mode="legacy") as client:
        assert data(await client.call_tool("agent-api-keys", {"action": "list"})) == []


async def test_http_without_a_token(served: tuple[FakeControlPlane, str], mcp_http: str) -> None:
    fake, _ = served
    async with http_client(mcp_http) as client:
        err = error(await client.call_tool("agent-profile", {"action": "get"}))
        assert err["type"] == "MissingTokenError"
    # A session (the handshake's Mcp-Session-Id) keeps the token its signup obtained.
    async with http_client(mcp_http, mode="legacy") as client:
        data(
            await client.call_tool(
                "agent-auth",
                {"action": "signup", "email": "nohdr@example.com", "password": PASSWORD},
            )
        )
        data(await client.call_tool("agent-api-keys", {"action": "create", "name": "s"}))
    assert [k["name"] for k in fake.api_keys_of("nohdr@example.com")] == ["s"]


def test_serve_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    # Hide the installed `mcp` from the subprocess, as if the extra were missing.
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import importlib.abc, sys\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'mcp' or name.startswith('mcp.'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hide())\n"
    )
    env = environment("http://127.0.0.1:9/api/agents/v1", tmp_path, PYTHONPATH=str(blocker))
    proc = subprocess.run(
        [sys.executable, "-m", "modelslab_agents", "mcp", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "modelslab-agents[mcp]" in proc.stderr
