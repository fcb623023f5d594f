"""Shared fixtures: both anyio backends, and respx on an injected transport.

Every async test runs on asyncio and on trio. HTTP is mocked with a
``respx.MockRouter(using=None)`` handed to the client as an
``httpx.MockTransport``, never by patching httpx globally.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from modelslab_agents import AsyncModelsLab

BASE_URL = "https://api.test/api/agents/v1"
TOKEN = "1|tok-3f9a8c2e7d1b4a6f"


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    backend: str = request.param
    return backend


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may pick up a token, base URL or log level from the machine."""
    for name in ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN", "MODELSLAB_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    """An isolated respx router serving ``BASE_URL``; unmatched requests fail."""
    with respx.MockRouter(using=None, base_url=BASE_URL, assert_all_called=False) as mock:
        yield mock


def transport_for(router: respx.MockRouter) -> httpx.MockTransport:
    return httpx.MockTransport(router.async_handler)


def make_client(
    router: respx.MockRouter, token: str | None = TOKEN, **options: Any
) -> AsyncModelsLab:
    """A client on ``router`` whose retries are instant unless told otherwise."""
    options.setdefault("retry_backoff", 0)
    return AsyncModelsLab(token, base_url=BASE_URL, transport=transport_for(router), **options)


def envelope(data: Any = None, *, request_id: str = "req_ok") -> dict[str, Any]:
    """The documented success envelope."""
    return {"data": data, "error": None, "meta": {"request_id": request_id}}


def error_envelope(
    code: str | None, message: str, details: Any = None, *, request_id: str = "req_err"
) -> dict[str, Any]:
    """The documented error envelope."""
    return {
        "data": None,
        "error": {"code": code, "message": message, "details": details},
        "meta": {"request_id": request_id},
    }


def ok(data: Any = None, status: int = 200, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, json=envelope(data), **kwargs)


def fail(
    status: int, code: str | None, message: str, details: Any = None, **kwargs: Any
) -> httpx.Response:
    return httpx.Response(status, json=error_envelope(code, message, details), **kwargs)


def sent_json(request: httpx.Request) -> Any:
    """The parsed JSON body of a request that went out."""
    return json.loads(request.content)


def key_id(request: httpx.Request) -> int:
    """The id at the end of a request's path (``/api-keys/7`` -> 7)."""
    return int(request.url.path.rsplit("/", 1)[1])


async def echo(request: httpx.Request) -> httpx.Response:
    """Answers ``GET /api-keys/{id}`` with that key."""
    return ok({"id": key_id(request), "name": f"k{key_id(request)}"})


class InFlight:
    """A handler that proves how many requests run at once: each of the first
    ``expected`` waits until all of them have arrived, so a batch running fewer at
    once fails (after a bounded wait) instead of passing by luck. It answers like
    :func:`echo` and notes the threads (event loops) it ran on."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.now = 0
        self.most = 0
        self.arrived = 0
        self.threads: set[int] = set()
        self._all_in: anyio.Event | None = None

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.threads.add(threading.get_ident())
        if self._all_in is None:
            self._all_in = anyio.Event()
        self.arrived += 1
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            if self.arrived <= self.expected:
                if self.arrived == self.expected:
                    self._all_in.set()
                with anyio.fail_after(10):
                    await self._all_in.wait()
            else:
                await anyio.lowlevel.checkpoint()
        finally:
            self.now -= 1
        return await echo(request)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-soak",
        action="store_true",
        default=False,
        help="run the long fault campaigns (tests marked soak)",
    )


def mypy_strict_errors(snippet: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The error lines of ``mypy --strict`` on ``snippet`` (a user's code), in order."""
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(tmp_path)  # away from the project's own mypy configuration
    # Not the project's own mypy settings (they name the files to check).
    args = ["--config-file", "", "--strict", "--no-incremental", "-c", snippet]
    out, _, status = api.run(args)
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == (1 if errors else 0), out
    return errors
