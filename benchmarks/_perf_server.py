"""The emulator served over loopback HTTP for ``benchmarks.perf``, in its own process.

``python -m benchmarks._perf_server`` prints ``<base_url> <token> <key_id>`` on one
line, then serves until its standard input closes. ``POST /api-keys`` answers after
``CREATE_LATENCY`` seconds (the batch case); every other route answers at once.
"""

from __future__ import annotations

import sys
import threading
import time

import uvicorn

from ._server import API_ROOT

CREATE_LATENCY = 0.020
EMAIL = "perf@example.com"
PASSWORD = "correct horse battery staple"


def main() -> None:
    import anyio

    from modelslab_agents import AsyncModelsLab
    from modelslab_agents.testing import FakeControlPlane

    fake = FakeControlPlane(seed=1)
    fake.create_account(EMAIL, PASSWORD)
    token = fake.issue_token(EMAIL)

    async def seed() -> int:
        async with AsyncModelsLab(token, transport=fake.transport()) as client:
            key = await client.api_keys.create("perf-key")
            return key.id

    key_id = anyio.run(seed)
    fake.set_latency(CREATE_LATENCY, route="POST /api-keys")
    # uvicorn binds the socket itself, as in benchmarks._server: its TCP sockets then
    # get TCP_NODELAY from asyncio (``fake.serve()`` pays ~40 ms of delayed ACK per call).
    config = uvicorn.Config(
        fake.asgi_app,
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
    print(f"http://127.0.0.1:{port}{API_ROOT} {token} {key_id}", flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main()
