"""Batches pace themselves by the rate-limit headers: a spent window waits for its reset."""

from __future__ import annotations

import pytest

from modelslab_agents import AsyncModelsLab, RetryEvent
from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio

LIMIT = 5
WINDOW = 1.0


def _fake_with_tight_limit() -> tuple[FakeControlPlane, str]:
    # Answers take a little time, so a batch has many requests in flight at once.
    fake = FakeControlPlane(latency=0.02)
    fake.set_rate_limit("agent-general", LIMIT, WINDOW)
    fake.create_account("pace@example.com", "correct horse battery")
    token = fake.issue_token("pace@example.com")
    return fake, token


async def test_a_batch_waits_for_the_reset_instead_of_drawing_429s() -> None:
    fake, token = _fake_with_tight_limit()
    retries: list[RetryEvent] = []
    async with AsyncModelsLab(token, transport=fake.transport(), on_retry=retries.append) as client:
        names = [f"key-{n}" for n in range(2 * LIMIT)]
        results = await client.map(client.api_keys.create, names, concurrency=16)

    results.raise_for_errors()
    assert len(fake.api_keys_of("pace@example.com")) == 2 * LIMIT
    # Two windows' worth: at most one 429 per window (the reset is announced in
    # whole seconds, so the client never wakes before the server's window ends).
    refused = [event for event in retries if event.status_code == 429]
    assert len(refused) <= 2


async def test_requests_in_flight_count_against_what_remains() -> None:
    fake, token = _fake_with_tight_limit()
    statuses: list[int] = []
    async with AsyncModelsLab(token, transport=fake.transport(), max_retries=0) as client:
        # No retries: any 429 would surface as a failed outcome.
        results = await client.map(client.api_keys.create, ["a"] * LIMIT * 2, concurrency=16)
        statuses = [200 if outcome.ok else 429 for outcome in results]
    assert statuses.count(429) <= 1
