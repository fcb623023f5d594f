"""One emulator, many threads and event loops at once."""

from __future__ import annotations

import threading

import anyio
import httpx

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, PASSWORD


def test_threads_with_their_own_loops_share_the_state() -> None:
    fake = FakeControlPlane()
    fake.create_account("a@example.com", PASSWORD)
    token = fake.issue_token("a@example.com")
    fake.set_latency(0.01)
    statuses: list[int] = []
    lock = threading.Lock()

    async def worker(index: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        transport = fake.transport()
        async with (
            httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client,
            anyio.create_task_group() as group,
        ):
            for n in range(10):
                group.start_soon(_create, client, headers, f"{index}-{n}")

    async def _create(client: httpx.AsyncClient, headers: dict[str, str], name: str) -> None:
        response = await client.post("/api-keys", json={"name": name}, headers=headers)
        with lock:
            statuses.append(response.status_code)

    threads = [
        threading.Thread(
            target=anyio.run, args=(worker, i), kwargs={"backend": ("asyncio", "trio")[i % 2]}
        )
        for i in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [201] * 60
    keys = fake.api_keys_of("a@example.com")
    assert sorted(k["id"] for k in keys) == list(range(1, 61))
    assert len(fake.requests) == 60


def test_concurrent_signups_for_one_email_create_one_account() -> None:
    fake = FakeControlPlane()
    results: list[int] = []

    async def signup() -> None:
        async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
            response = await client.post(
                "/auth/signup", json={"email": "race@example.com", "password": PASSWORD}
            )
            results.append(response.status_code)

    threads = [threading.Thread(target=anyio.run, args=(signup,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [201] + [422] * 7
