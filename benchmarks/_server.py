"""The loopback HTTP server the benchmarks talk to, run in its own process.

``python -m benchmarks._server emulator|minimal`` prints ``<base_url> <token>`` on
one line, then serves until its standard input closes. Running the server in
another process keeps its CPU time (and its share of the GIL) out of the client's
measurements.

* ``emulator``: the SDK's emulator (``FakeControlPlane.asgi_app``) under uvicorn,
  with one account, its token and 16 API keys.
* ``minimal``: a bare ASGI app answering the documented envelope, so the client's
  own cost is a larger share of each request.

Both answer ``GET /api-keys/{id}`` after ``LATENCY`` seconds (the batch cases) and
``GET /me`` at once (the single-call cases).
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import uvicorn

API_ROOT = "/api/agents/v1"
LATENCY = 0.020
KEYS = 16
EMAIL = "bench@example.com"
PASSWORD = "correct horse battery staple"

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

_PROFILE = {
    "id": 1,
    "name": "Bench",
    "email": EMAIL,
    "username": "bench",
    "verified": True,
    "about_me": None,
    "wallet_balance": 0.0,
    "created_at": "2026-01-01T00:00:00Z",
}


def _body(data: Any) -> bytes:
    envelope = {"data": data, "error": None, "meta": {"request_id": "req_bench"}}
    return json.dumps(envelope, separators=(",", ":")).encode()


async def minimal_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers the two benchmark routes with fixed envelopes; 404 otherwise."""
    if scope["type"] != "http":
        return
    path: str = scope["path"]
    status = 200
    if path == f"{API_ROOT}/me":
        body = _body(_PROFILE)
    elif path.startswith(f"{API_ROOT}/api-keys/"):
        await asyncio.sleep(LATENCY)
        key_id = int(path.rsplit("/", 1)[1])
        body = _body({"id": key_id, "name": f"key-{key_id}", "key": "sk-****", "notes": None})
    else:
        status = 404
        body = json.dumps(
            {
                "data": None,
                "error": {"code": "not_found", "message": "Not found.", "details": {}},
                "meta": {"request_id": "req_bench"},
            }
        ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _emulator() -> tuple[Any, str]:
    import anyio

    from modelslab_agents import AsyncModelsLab
    from modelslab_agents.testing import FakeControlPlane

    fake = FakeControlPlane(seed=1, rate_limits=False)
    fake.create_account(EMAIL, PASSWORD)
    token = fake.issue_token(EMAIL)

    async def seed() -> None:
        async with AsyncModelsLab(token, transport=fake.transport()) as client:
            for n in range(KEYS):
                await client.api_keys.create(f"key-{n}")

    anyio.run(seed)
    fake.set_latency(LATENCY, route="GET /api-keys/{id}")
    return fake.asgi_app, token


def main() -> None:
    kind = sys.argv[1] if len(sys.argv) > 1 else "emulator"
    if kind == "emulator":
        app, token = _emulator()
    elif kind == "minimal":
        app, token = minimal_app, "1|bench-token"
    else:
        raise SystemExit(f"unknown server {kind!r}: emulator or minimal")
    serve_until_stdin_closes(app, token)


def serve_until_stdin_closes(app: Any, *announce: object) -> None:
    """Serve ``app`` on a free loopback port; print the base URL and ``announce``
    on one line, then serve until the benchmark closes our stdin."""
    # uvicorn binds the socket itself: its TCP sockets get TCP_NODELAY from asyncio.
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        log_level="warning",
        access_log=False,
        lifespan="off",
        server_header=False,
        date_header=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SystemExit("the benchmark server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    print(" ".join([f"http://127.0.0.1:{port}{API_ROOT}", *map(str, announce)]), flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main()
