"""Batches (``map`` on the async client): bounded concurrency, order, partial failure,
progress, the batch's own timeout, outer cancellation, and a shared 429 pause.

The blocking client's ``map`` is covered here too where it shares the behaviour; its
threads, Ctrl-C and event-loop ownership are in ``test_sync.py``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
from conftest import BASE_URL, TOKEN, InFlight, echo, fail, key_id, ok

from modelslab_agents import (
    APITimeoutError,
    AsyncModelsLab,
    BatchError,
    BatchResult,
    ModelsLab,
    NotFoundError,
    Outcome,
    RateLimitError,
)
from modelslab_agents.testing import FakeControlPlane

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]


def client_on(handler: Handler, **options: Any) -> AsyncModelsLab:
    options.setdefault("retry_backoff", 0)
    return AsyncModelsLab(
        TOKEN, base_url=BASE_URL, transport=httpx.MockTransport(handler), **options
    )


def blocking_client_on(handler: Handler, **options: Any) -> ModelsLab:
    options.setdefault("retry_backoff", 0)
    return ModelsLab(TOKEN, base_url=BASE_URL, transport=httpx.MockTransport(handler), **options)


class Stalls:
    """A handler that answers the keys in ``answer`` at once and holds every other
    request until it is cancelled, recording what it saw."""

    def __init__(
        self,
        answer: set[int],
        *,
        hold: int | None = None,
        when_held: Callable[[], object] | None = None,
    ) -> None:
        self.answer = answer
        self.arrived: list[int] = []
        self.cancelled: list[int] = []
        self.hold = hold  # when this many are held, ``held`` is set and ``when_held`` called
        self.held = threading.Event()
        self.when_held = when_held
        self._holding = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.arrived.append(key_id(request))
        if key_id(request) in self.answer:
            return ok({"id": key_id(request)})
        self._holding += 1
        if self._holding == self.hold:
            self.held.set()
            if self.when_held is not None:
                self.when_held()
        try:
            await anyio.sleep(30)  # bounded: a broken cancellation fails, never hangs
        except anyio.get_cancelled_exc_class():
            self.cancelled.append(key_id(request))
            raise
        return ok({"id": key_id(request)})


# -- order, outcomes and partial failure -----------------------------------------------


@pytest.mark.anyio
async def test_outcomes_follow_input_order_whatever_the_finishing_order() -> None:
    async def slower_for_small_ids(request: httpx.Request) -> httpx.Response:
        await anyio.sleep((10 - key_id(request)) * 0.002)
        return await echo(request)

    async with client_on(slower_for_small_ids) as client:
        ids = list(range(1, 10))
        results = await client.map(client.api_keys.get, ids, concurrency=9)

    assert [o.item for o in results] == ids
    assert [key.id for key in results.values] == ids
    assert all(o.ok and o.error is None for o in results)
    assert results.ok
    results.raise_for_errors()  # nothing failed: no exception


@pytest.mark.anyio
async def test_one_failure_neither_cancels_nor_hides_the_others() -> None:
    async def some_missing(request: httpx.Request) -> httpx.Response:
        if key_id(request) % 3 == 0:
            return fail(404, "not_found", f"API key {key_id(request)} not found.")
        return await echo(request)

    async with client_on(some_missing) as client:
        ids = list(range(1, 13))
        results = await client.map(client.api_keys.get, [*ids, 0], concurrency=4)

    assert len(results) == 13
    assert [o.item for o in results.succeeded] == [i for i in ids if i % 3]
    assert [o.item for o in results.failed] == [3, 6, 9, 12, 0]
    assert all(isinstance(o.error, NotFoundError) for o in results.failed[:4])
    assert isinstance(results.failed[4].error, ValueError)  # rejected locally, not sent
    assert all(o.value is None for o in results.failed)
    assert not results.ok
    with pytest.raises(BatchError) as caught:
        results.raise_for_errors()
    assert caught.value.failed == results.failed
    assert caught.value.exceptions == [o.error for o in results.failed]
    assert "5 of 13 operations failed" in str(caught.value)
    assert "4 NotFoundError" in str(caught.value)
    assert "1 ValueError" in str(caught.value)


@pytest.mark.anyio
async def test_map_takes_any_callable_returning_an_awaitable() -> None:
    async with client_on(echo) as client:

        async def name_of(key: int) -> str | None:
            return (await client.api_keys.get(key)).name

        results = await client.map(name_of, iter([5, 6]))

        async def double(n: int) -> int:
            await anyio.lowlevel.checkpoint()
            return n * 2

        doubled = await client.map(lambda n: double(n), [1, 2, 3])
    assert results.values == ["k5", "k6"]
    assert doubled.values == [2, 4, 6]


@pytest.mark.anyio
async def test_an_empty_batch_returns_an_empty_result() -> None:
    calls: list[tuple[int, int]] = []
    async with client_on(echo) as client:
        results = await client.map(
            client.api_keys.get, [], on_progress=lambda d, t: calls.append((d, t))
        )
    assert len(results) == 0
    assert results.ok
    assert calls == []


# -- bounded concurrency -----------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("concurrency", [1, 5])
async def test_runs_exactly_concurrency_requests_at_once(concurrency: int) -> None:
    handler = InFlight(concurrency)
    async with client_on(handler) as client:
        results = await client.map(client.api_keys.get, range(1, 31), concurrency=concurrency)
    assert results.ok
    assert handler.most == concurrency


@pytest.mark.anyio
async def test_default_concurrency_is_16() -> None:
    handler = InFlight(16)
    async with client_on(handler) as client:
        results = await client.map(client.api_keys.get, range(1, 101))
    assert results.ok
    assert handler.most == 16


@pytest.mark.anyio
async def test_a_thousand_operations_on_one_client_all_succeed() -> None:
    # An unbounded gather of this many requests on one httpx pool fails outright.
    async with client_on(echo) as client:
        results = await client.map(client.api_keys.get, range(1, 1001))
    assert results.ok
    assert [k.id for k in results.values] == list(range(1, 1001))


@pytest.mark.parametrize("concurrency", [0, -1, True, 1.5, "4", None])
def test_concurrency_must_be_a_positive_int(concurrency: Any) -> None:
    async def main() -> None:
        async with client_on(echo) as client:
            await client.map(client.api_keys.get, [1], concurrency=concurrency)

    with pytest.raises(ValueError, match="concurrency"):
        anyio.run(main)
    with blocking_client_on(echo) as client, pytest.raises(ValueError, match="concurrency"):
        client.map(client.api_keys.get, [1], concurrency=concurrency)


@pytest.mark.parametrize("timeout", [0, -1.0, math.nan, True])
def test_timeout_must_be_a_positive_number(timeout: Any) -> None:
    with blocking_client_on(echo) as client, pytest.raises(ValueError, match="timeout"):
        client.map(client.api_keys.get, [1], timeout=timeout)


def test_fn_must_be_callable() -> None:
    with blocking_client_on(echo) as client, pytest.raises(TypeError, match="callable"):
        client.map(42, [1])  # type: ignore[arg-type]


# -- progress ------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_progress_counts_every_item_up_to_the_total() -> None:
    reports: list[tuple[int, int]] = []
    async with client_on(echo) as client:
        await client.map(
            client.api_keys.get,
            [1, 2, 0, 4, 5],  # 0 fails locally: failures count as done too
            concurrency=2,
            on_progress=lambda done, total: reports.append((done, total)),
        )
    assert reports == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


@pytest.mark.anyio
async def test_an_async_progress_callback_is_awaited() -> None:
    reports: list[int] = []

    async def report(done: int, total: int) -> None:
        await anyio.lowlevel.checkpoint()
        reports.append(done)

    async with client_on(echo) as client:
        await client.map(client.api_keys.get, [1, 2, 3], on_progress=report)
    assert sorted(reports) == [1, 2, 3]  # each report was awaited to its end


@pytest.mark.anyio
async def test_a_failing_progress_callback_stops_the_batch_and_propagates() -> None:
    handler = Stalls(answer={1})

    def report(done: int, total: int) -> None:
        raise ZeroDivisionError("progress bar broke")

    async with client_on(handler) as client:
        with pytest.raises(ZeroDivisionError, match="progress bar broke"):
            await client.map(client.api_keys.get, range(1, 11), concurrency=3, on_progress=report)
    # Item 1 was answered and reported; whatever else was in flight was cancelled,
    # and no item started after the failure.
    assert handler.arrived[0] == 1
    assert set(handler.arrived) <= {1, 2, 3}
    assert sorted(handler.cancelled) == sorted(handler.arrived[1:])


# -- cancellation ------------------------------------------------------------------------


@pytest.mark.anyio
async def test_the_batch_timeout_cancels_in_flight_and_reports_every_item() -> None:
    handler = Stalls(answer={1, 2})
    async with client_on(handler) as client:
        results = await client.map(client.api_keys.get, range(1, 7), concurrency=2, timeout=0.3)

    assert [o.item for o in results] == [1, 2, 3, 4, 5, 6]
    assert [o.ok for o in results] == [True, True, False, False, False, False]
    errors = [o.error for o in results.failed]
    assert all(isinstance(e, APITimeoutError) for e in errors)
    assert ["in flight" in str(e) for e in errors] == [True, True, False, False]
    assert ["never started" in str(e) for e in errors] == [False, False, True, True]
    assert sorted(handler.arrived) == [1, 2, 3, 4]  # 5 and 6 never reached the server
    assert sorted(handler.cancelled) == [3, 4]


@pytest.mark.anyio
async def test_an_outer_cancel_scope_cancels_the_requests_in_flight() -> None:
    all_held = anyio.Event()
    handler = Stalls(answer=set(), hold=3, when_held=all_held.set)
    finished = False
    async with client_on(handler) as client, anyio.create_task_group() as tg:

        async def run() -> None:
            nonlocal finished
            await client.map(client.api_keys.get, range(1, 10), concurrency=3)
            finished = True

        tg.start_soon(run)
        with anyio.fail_after(10):
            await all_held.wait()
        tg.cancel_scope.cancel()

    assert not finished
    assert sorted(handler.arrived) == [1, 2, 3]
    assert sorted(handler.cancelled) == [1, 2, 3]


# -- rate limits -------------------------------------------------------------------------


class RateLimitedOnce:
    """Answers one request 429 with ``Retry-After``, every other after a short delay,
    noting when each request arrived and when the 429 went out."""

    def __init__(self, retry_after: float, *, reject: int = 5) -> None:
        self.retry_after = retry_after
        self.reject = reject  # the n-th request to arrive gets the 429
        self.arrivals: list[float] = []
        self.refused_at: float | None = None

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.arrivals.append(time.monotonic())
        if len(self.arrivals) == self.reject:
            self.refused_at = time.monotonic()
            return fail(
                429,
                "rate_limited",
                "Too Many Attempts.",
                headers={"Retry-After": str(self.retry_after)},
            )
        await anyio.sleep(0.005)
        return ok({"id": key_id(request)})

    def during_pause(self) -> list[float]:
        """Arrivals after the 429 was answered and before its Retry-After ended."""
        assert self.refused_at is not None
        end = self.refused_at + self.retry_after
        return [t for t in self.arrivals if self.refused_at < t < end]


@pytest.mark.anyio
async def test_a_429_seen_by_one_task_pauses_the_whole_batch() -> None:
    handler = RateLimitedOnce(retry_after=0.2)
    async with client_on(handler) as client:
        results = await client.map(client.api_keys.get, range(1, 41), concurrency=8)

    assert results.ok  # the refused request was retried after the pause
    assert len(handler.arrivals) == 41
    # The other tasks waited out the same Retry-After instead of hammering.
    assert handler.during_pause() == []


def test_the_blocking_clients_batch_shares_the_429_pause_too() -> None:
    handler = RateLimitedOnce(retry_after=0.2)
    with blocking_client_on(handler) as client:
        results = client.map(client.api_keys.get, range(1, 41), concurrency=8)
    assert results.ok
    assert len(handler.arrivals) == 41
    assert handler.during_pause() == []


@pytest.mark.anyio
async def test_a_429_beyond_the_cap_fails_its_item_only() -> None:
    handler = RateLimitedOnce(retry_after=120, reject=3)
    async with client_on(handler, max_retry_after=1) as client:
        results = await client.map(client.api_keys.get, range(1, 7), concurrency=1)
    assert [o.ok for o in results] == [True, True, False, True, True, True]
    error = results[2].error
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 120


class Recording(httpx.AsyncBaseTransport):
    """Wraps a transport, noting when each request arrives and each answer's status."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.arrivals: list[float] = []
        self.answers: list[tuple[float, int]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.arrivals.append(time.monotonic())
        response = await self.inner.handle_async_request(request)
        self.answers.append((time.monotonic(), response.status_code))
        return response


@pytest.mark.anyio
async def test_the_emulators_429_pauses_the_batch_end_to_end() -> None:
    fake = FakeControlPlane(latency=0.01)
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")
    transport = Recording(fake.transport())
    async with AsyncModelsLab(token, base_url=BASE_URL, transport=transport) as client:
        keys = await client.map(client.api_keys.create, [f"key-{n}" for n in range(6)])
        ids = [key.id for key in keys.values] * 4
        fake.inject_fault("rate_limit", route="GET /api-keys/{id}", count=1, retry_after=1)
        results = await client.map(client.api_keys.get, ids, concurrency=6)

    assert results.ok
    statuses = [status for _, status in transport.answers]
    assert statuses.count(429) == 1
    refused_at = next(t for t, status in transport.answers if status == 429)
    assert [t for t in transport.arrivals if refused_at < t < refused_at + 1.0] == []
    assert len([r for r in fake.requests if r.method == "GET"]) == len(ids) + 1


# -- BatchResult and Outcome ----------------------------------------------------------------


def test_batch_result_is_a_sequence_of_outcomes() -> None:
    boom = KeyError("x")
    result: BatchResult[str, int] = BatchResult(
        [Outcome("a", True, 1), Outcome("b", False, None, boom), Outcome("c", True, 3)]
    )
    assert len(result) == 3
    assert result[0].value == 1
    assert [o.item for o in result[1:]] == ["b", "c"]
    assert [o.item for o in result] == ["a", "b", "c"]
    assert result.values == [1, 3]
    assert [o.item for o in result.succeeded] == ["a", "c"]
    assert [o.item for o in result.failed] == ["b"]
    assert repr(result) == "<BatchResult 3 items: 2 succeeded, 1 failed>"
    assert result[0].unwrap() == 1
    with pytest.raises(KeyError):
        result[1].unwrap()
