"""The emulator served over loopback HTTP for ``benchmarks.perf``, in its own process.

``python -m benchmarks._perf_server`` prints ``<base_url> <token> <key_id>`` on one
line, then serves until its standard input closes. ``POST /api-keys`` answers after
``CREATE_LATENCY`` seconds (the batch case); every other route answers at once.
"""

from __future__ import annotations

from ._server import serve_until_stdin_closes

CREATE_LATENCY = 0.020
EMAIL = "perf@example.com"
PASSWORD = "correct horse battery staple"


def main() -> None:
    import anyio

    from modelslab_agents import AsyncModelsLab
    from modelslab_agents.testing import FakeControlPlane

    fake = FakeControlPlane(seed=1, rate_limits=False)
    fake.create_account(EMAIL, PASSWORD)
    token = fake.issue_token(EMAIL)

    async def seed() -> int:
        async with AsyncModelsLab(token, transport=fake.transport()) as client:
            key = await client.api_keys.create("perf-key")
            return key.id

    key_id = anyio.run(seed)
    fake.set_latency(CREATE_LATENCY, route="POST /api-keys")
    serve_until_stdin_closes(fake.asgi_app, token, key_id)


if __name__ == "__main__":
    main()
