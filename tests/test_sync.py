"""The blocking client: one event loop thread (an anyio portal) per client family,
started on the first call.

Covers use inside a running event loop, many threads on one client, Ctrl-C
cancelling the request in flight, ``os.fork()``, releasing the thread and sockets
(close, ``with``, garbage collection, interpreter exit), and ``map`` running
concurrently. Batch semantics shared with the async client are in ``test_batch.py``.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import gc
import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import anyio
import httpx
import pytest
import trio
from conftest import BASE_URL, TOKEN, InFlight, echo, fail, key_id, ok

from modelslab_agents import (
    APIConnectionError,
    APITimeoutError,
    AsyncModelsLab,
    AuthenticationError,
    MissingTokenError,
    ModelsLab,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    ValidationError,
)
from modelslab_agents.testing import FakeControlPlane

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]
LOOP_THREAD = "modelslab-agents-loop"
EMAIL = "ada@example.com"
PASSWORD = "correct horse battery"


def client_on(handler: Handler, token: str | None = TOKEN, **options: Any) -> ModelsLab:
    options.setdefault("retry_backoff", 0)
    return ModelsLab(token, base_url=BASE_URL, transport=httpx.MockTransport(handler), **options)


_EARLIER: set[threading.Thread] = set()


def loop_threads() -> list[threading.Thread]:
    """The client loop threads started by the current test (see ``no_earlier_loops``)."""
    return [t for t in threading.enumerate() if t.name == LOOP_THREAD and t not in _EARLIER]


@pytest.fixture(autouse=True)
def no_earlier_loops() -> Iterator[None]:
    """Leave out loop threads of clients earlier tests left to the garbage collector."""
    gc.collect()
    _EARLIER.update(t for t in threading.enumerate() if t.name == LOOP_THREAD)
    yield
    _EARLIER.clear()


class ClosingTransport(httpx.AsyncBaseTransport):
    """Answers like ``echo`` and counts how often it was closed."""

    def __init__(self) -> None:
        self.closed = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await echo(request)

    async def aclose(self) -> None:
        self.closed += 1


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def settle(condition: Callable[[], bool], within: float = 10.0) -> bool:
    """Wait (bounded) for background cleanup, e.g. a server closing its side."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class Stall:
    """A handler that holds every request until it is cancelled (at most 30 s)."""

    def __init__(self, expected: int = 1) -> None:
        self.expected = expected
        self.arrived = 0
        self.all_arrived = threading.Event()
        self.cancelled = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.arrived += 1
        if self.arrived == self.expected:
            self.all_arrived.set()
        try:
            await anyio.sleep(30)
        except anyio.get_cancelled_exc_class():
            self.cancelled += 1
            raise
        return ok({"id": key_id(request)})


@pytest.fixture
def fake() -> FakeControlPlane:
    fake = FakeControlPlane()
    fake.create_account(EMAIL, PASSWORD)
    return fake


@pytest.fixture
def token(fake: FakeControlPlane) -> str:
    return fake.issue_token(EMAIL)


# -- the same methods, results and exceptions as the async client -----------------------------


def test_calls_return_the_async_clients_results(fake: FakeControlPlane, token: str) -> None:
    with ModelsLab(token, transport=fake.transport()) as client:
        created = client.api_keys.create("prod", notes="ci")
        assert created.key is not None
        assert client.api_keys.get(created.id).name == "prod"
        assert [k.id for k in client.api_keys.list()] == [created.id]
        assert client.profile.get().email == EMAIL
        assert client.api_keys.delete(created.id) is None
    assert fake.api_keys_of(EMAIL) == []


async def _answer(status: int, code: str | None, message: str, **kwargs: Any) -> httpx.Response:
    return fail(status, code, message, **kwargs)


async def _connect_error(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


async def _read_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("read timed out", request=request)


async def _html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text="<html>not json</html>")


FAILURES: list[Any] = [
    pytest.param(
        lambda r: _answer(404, "not_found", "API key not found."), 7, NotFoundError, id="404"
    ),
    pytest.param(
        lambda r: _answer(422, "validation_error", "The name is invalid."),
        7,
        ValidationError,
        id="422",
    ),
    pytest.param(
        lambda r: _answer(401, None, "Unauthenticated."), 7, AuthenticationError, id="401"
    ),
    pytest.param(
        lambda r: _answer(
            429, "rate_limited", "Too Many Attempts.", headers={"Retry-After": "600"}
        ),
        7,
        RateLimitError,
        id="429",
    ),
    pytest.param(lambda r: _answer(500, None, "Server Error"), 7, ServerError, id="500"),
    pytest.param(_connect_error, 7, APIConnectionError, id="connect-error"),
    pytest.param(_read_timeout, 7, APITimeoutError, id="read-timeout"),
    pytest.param(_html, 7, ResponseDecodeError, id="not-json"),
    pytest.param(echo, 0, ValueError, id="invalid-id"),
    pytest.param(echo, "7", ValueError, id="id-of-wrong-type"),
]


@pytest.mark.parametrize(("handler", "key", "expected"), FAILURES)
def test_raises_the_same_exception_classes_as_the_async_client(
    handler: Handler, key: Any, expected: type[Exception]
) -> None:
    async def async_error() -> BaseException:
        transport = httpx.MockTransport(handler)
        async with AsyncModelsLab(
            TOKEN, base_url=BASE_URL, transport=transport, max_retries=0
        ) as client:
            try:
                await client.api_keys.get(key)
            except Exception as exc:
                return exc
        raise AssertionError("no exception")

    expected_error = anyio.run(async_error)
    with client_on(handler, max_retries=0) as client, pytest.raises(Exception) as caught:
        client.api_keys.get(key)
    assert type(caught.value) is type(expected_error)
    assert isinstance(caught.value, expected)
    assert str(caught.value) == str(expected_error)


def test_missing_token_is_raised_before_any_request() -> None:
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok([])

    with client_on(record, token=None) as client, pytest.raises(MissingTokenError):
        client.api_keys.list()
    assert seen == []


# -- where it runs ---------------------------------------------------------------------------


def test_works_inside_a_running_asyncio_loop() -> None:
    with client_on(echo) as client:

        async def main() -> str | None:
            return client.api_keys.get(3).name  # blocking call from async code

        assert asyncio.run(main()) == "k3"


def test_works_inside_trio() -> None:
    with client_on(echo) as client:

        async def main() -> str | None:
            return client.api_keys.get(4).name

        assert trio.run(main) == "k4"


@pytest.mark.anyio
async def test_works_inside_an_anyio_test_and_its_map_too() -> None:
    with client_on(echo) as client:
        assert client.api_keys.get(5).name == "k5"
        assert client.map(client.api_keys.get, [1, 2]).values[1].id == 2


REQUEST_TAG: contextvars.ContextVar[str] = contextvars.ContextVar("request_tag", default="-")


def test_the_callers_context_variables_reach_the_call() -> None:
    # What tracing and structured logging rely on, as with asyncio.to_thread.
    tags: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        tags.append(REQUEST_TAG.get())
        return await echo(request)

    with client_on(handler) as client:
        token = REQUEST_TAG.set("outside")
        try:
            client.api_keys.get(1)
        finally:
            REQUEST_TAG.reset(token)

        async def in_trio() -> None:
            REQUEST_TAG.set("inside trio")
            client.api_keys.get(2)

        trio.run(in_trio)
    assert tags == ["outside", "inside trio"]


def test_sixteen_threads_share_one_client() -> None:
    loops: set[int] = set()

    async def handler(request: httpx.Request) -> httpx.Response:
        loops.add(id(asyncio.get_running_loop()))
        return await echo(request)

    failures: list[str] = []
    start = threading.Barrier(16)

    def worker(n: int, client: ModelsLab) -> None:
        start.wait()
        for i in range(100):
            wanted = n * 1000 + i + 1
            got = client.api_keys.get(wanted).id
            if got != wanted:
                failures.append(f"thread {n} asked for {wanted}, got {got}")

    with client_on(handler) as client:
        threads = [threading.Thread(target=worker, args=(n, client)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not any(thread.is_alive() for thread in threads)
        assert len(loop_threads()) == 1  # the loop moved to its own thread, once
    assert failures == []
    assert len(loops) == 1  # one event loop (and pool) served all 1,600 calls


def test_a_blocking_call_from_inside_the_clients_loop_fails_clearly() -> None:
    attempts = 0

    async def flaky(request: httpx.Request) -> httpx.Response:
        nonlocal attempts
        attempts += 1
        return fail(503, None, "busy") if attempts == 1 else await echo(request)

    with client_on(flaky) as owner:
        # on_retry hooks run on the loop; a blocking call there would deadlock.
        client = owner.with_options(on_retry=lambda event: owner.api_keys.get(1))
        with pytest.raises(RuntimeError, match="own event loop"):
            client.api_keys.get(2)
        assert client.api_keys.get(3).id == 3  # the loop is still healthy


# -- Ctrl-C ----------------------------------------------------------------------------------


@pytest.fixture
def interrupt_main() -> Iterator[Callable[[threading.Event], None]]:
    """Deliver SIGINT (Ctrl-C) to the main thread once an event is set."""
    if not hasattr(signal, "pthread_kill"):
        pytest.skip("needs signal.pthread_kill")
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("Ctrl-C reaches the main thread only")
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is handled by someone else here")
    timers: list[threading.Thread] = []

    def arm(when: threading.Event) -> None:
        main = threading.main_thread().ident
        assert main is not None

        def fire() -> None:
            if when.wait(10):
                signal.pthread_kill(main, signal.SIGINT)

        timer = threading.Thread(target=fire, daemon=True)
        timer.start()
        timers.append(timer)

    yield arm
    for timer in timers:
        timer.join(10)


class StallOnFirst(Stall):
    """Holds requests for key 1 until cancelled; answers the others."""

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        if key_id(request) == 1:
            return await super().__call__(request)
        return await echo(request)


def test_ctrl_c_cancels_the_request_in_flight(
    interrupt_main: Callable[[threading.Event], None],
) -> None:
    handler = StallOnFirst()
    with client_on(handler) as client:
        interrupt_main(handler.all_arrived)
        with pytest.raises(KeyboardInterrupt):
            client.api_keys.get(1)
        assert handler.cancelled == 1  # cancelled on the loop, not left running
        # The client carries on afterwards.
        assert client.api_keys.get(2).id == 2
        assert client.map(client.api_keys.get, [3, 4]).values[1].id == 4
    assert handler.arrived == 1


@pytest.mark.parametrize("progress", [False, True], ids=["no-progress", "with-progress"])
def test_ctrl_c_during_map_cancels_every_request_in_flight(
    interrupt_main: Callable[[threading.Event], None], progress: bool
) -> None:
    handler = Stall(expected=4)
    reports: list[int] = []
    with client_on(handler) as client:
        interrupt_main(handler.all_arrived)
        with pytest.raises(KeyboardInterrupt):
            client.map(
                client.api_keys.get,
                range(1, 11),
                concurrency=4,
                on_progress=(lambda done, total: reports.append(done)) if progress else None,
            )
    assert handler.arrived == 4  # the other six never started
    assert handler.cancelled == 4
    assert reports == []


# -- closing -------------------------------------------------------------------------------


def test_one_loop_thread_serves_every_caller_and_starts_on_first_use() -> None:
    client = client_on(echo)
    assert loop_threads() == []  # nothing starts until the first call
    with client:
        for key in range(1, 6):
            assert client.api_keys.get(key).id == key
        assert client.map(client.api_keys.get, [6, 7]).ok

        async def notebook_cell() -> int:
            return client.api_keys.get(8).id  # this thread already runs a loop

        assert asyncio.run(notebook_cell()) == 8
        assert len(loop_threads()) == 1
    assert loop_threads() == []


def test_a_custom_sigint_handler_in_the_main_thread_is_left_alone() -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers belong to the main thread")

    def custom(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, custom)
    try:
        with client_on(echo) as client:
            assert client.api_keys.get(1).id == 1
            assert signal.getsignal(signal.SIGINT) is custom
    finally:
        signal.signal(signal.SIGINT, previous)


def test_close_stops_the_loop_and_is_idempotent() -> None:
    before = threading.active_count()
    transport = ClosingTransport()
    client = ModelsLab(TOKEN, base_url=BASE_URL, transport=transport)
    client.api_keys.get(1)
    client.close()
    assert client.is_closed
    assert transport.closed == 1  # the pool was closed, on the loop
    assert loop_threads() == []
    assert threading.active_count() <= before
    client.close()  # twice is fine
    with pytest.raises(RuntimeError, match="closed"):
        client.api_keys.get(1)


def test_leaving_with_closes_the_client() -> None:
    transport = ClosingTransport()
    with ModelsLab(TOKEN, base_url=BASE_URL, transport=transport) as client:
        client.api_keys.get(1)
    assert client.is_closed
    assert transport.closed == 1
    assert loop_threads() == []


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts /proc/self/fd")
@pytest.mark.parametrize(
    "run", [lambda main: asyncio.run(main()), trio.run], ids=["asyncio", "trio"]
)
def test_closing_from_inside_another_event_loop_still_closes_the_sockets(
    run: Callable[[Callable[[], Awaitable[None]]], None],
    fake: FakeControlPlane,
    token: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="modelslab_agents")
    with fake.serve() as base_url:
        fds = open_fds()
        client = ModelsLab(token, base_url=base_url)
        client.profile.get()  # a pooled connection on the loop the caller ran
        assert open_fds() > fds

        async def close() -> None:
            client.close()  # this thread runs another loop: the closing happens elsewhere

        run(close)
        assert client.is_closed
        assert loop_threads() == []
        assert settle(lambda: open_fds() <= fds), f"{open_fds() - fds} fds left open"
    assert [r.getMessage() for r in caplog.records if "failed" in r.getMessage()] == []


def test_closing_a_sibling_leaves_the_pool_open_and_closing_the_owner_closes_all() -> None:
    owner = client_on(echo)
    sibling = owner.with_token("2|another-token")
    sibling.api_keys.get(1)
    sibling.close()
    assert not sibling.is_closed
    assert owner.api_keys.get(2).id == 2
    owner.close()
    assert sibling.is_closed
    with pytest.raises(RuntimeError, match="closed"):
        sibling.api_keys.get(3)


def test_a_client_used_in_one_expression_is_not_closed_under_the_call() -> None:
    assert client_on(echo).api_keys.get(6).id == 6
    keys = client_on(echo).api_keys  # the resource keeps its client family alive
    gc.collect()
    assert keys.get(7).id == 7
    assert len(loop_threads()) == 1
    del keys
    assert loop_threads() == []  # closed as soon as it was dropped


def test_a_sibling_keeps_the_family_alive_after_the_owner_is_dropped() -> None:
    sibling = client_on(echo).with_token("2|another-token")
    gc.collect()
    assert sibling.api_keys.get(9).id == 9
    assert not sibling.is_closed
    del sibling
    assert loop_threads() == []


def test_closing_while_other_threads_wait_fails_their_calls_instead_of_hanging() -> None:
    handler = Stall(expected=3)
    client = client_on(handler)
    errors: list[BaseException] = []

    def call(n: int) -> None:
        try:
            client.api_keys.get(n)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=call, args=(n,)) for n in (1, 2, 3)]
    for thread in threads:
        thread.start()
    assert handler.all_arrived.wait(10)
    client.close()  # from the main thread, while three others wait on the loop
    for thread in threads:
        thread.join(20)
    assert not any(thread.is_alive() for thread in threads)
    assert len(errors) == 3
    assert all(isinstance(e, RuntimeError) and "closed" in str(e) for e in errors)
    assert handler.cancelled == 3


def _race_close(client: ModelsLab, callers: int) -> list[str]:
    """Close ``client`` while ``callers`` threads call it; what each one got."""
    outcomes: list[str] = []
    go = threading.Barrier(callers + 1)

    def call() -> None:
        go.wait()
        for _ in range(20):
            try:
                client.api_keys.get(2)
            except RuntimeError as exc:
                outcomes.append("closed" if "closed" in str(exc) else repr(exc))
                return
        outcomes.append("done")

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    go.wait()
    client.close()
    for thread in threads:
        thread.join(20)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def test_calls_racing_close_fail_or_succeed_and_never_hang() -> None:
    for _ in range(20):
        client = client_on(echo)
        client.api_keys.get(1)  # the loop thread runs
        outcomes = _race_close(client, 4)
        assert len(outcomes) == 4
        assert set(outcomes) <= {"closed", "done"}
    assert loop_threads() == []


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts /proc/self/fd")
def test_close_releases_the_sockets(fake: FakeControlPlane, token: str) -> None:
    with fake.serve() as base_url:
        threads, fds = threading.active_count(), open_fds()
        client = ModelsLab(token, base_url=base_url)
        for _ in range(3):
            client.profile.get()
        assert open_fds() > fds
        client.close()
        assert loop_threads() == []
        assert threading.active_count() <= threads
        assert settle(lambda: open_fds() <= fds), f"{open_fds() - fds} fds left open"


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts /proc/self/fd")
def test_ten_thousand_dropped_clients_leak_no_thread_or_fd() -> None:
    # Without the published limits: 300 calls would otherwise wait out the quota.
    fake = FakeControlPlane(rate_limits=False)
    fake.create_account(EMAIL, PASSWORD)
    token = fake.issue_token(EMAIL)
    gc.collect()
    threads, fds = threading.active_count(), open_fds()
    transport = httpx.MockTransport(echo)
    for _ in range(10_000):
        ModelsLab(TOKEN, base_url=BASE_URL, transport=transport)  # never used
    for n in range(300):
        client = ModelsLab(token, transport=fake.transport())
        client.profile.get()
        if n % 3 == 0:
            client.map(client.api_keys.get, [0, 0])  # fails locally; runs the batch path
        del client  # dropped without close()
    gc.collect()
    assert loop_threads() == []
    assert threading.active_count() <= threads
    assert open_fds() <= fds


def test_map_callables_in_worker_threads_leave_no_thread_behind() -> None:
    before = threading.active_count()
    with client_on(echo) as client:
        assert client.map(lambda n: n * 2, range(20), concurrency=5).values == [
            n * 2 for n in range(20)
        ]
    assert settle(lambda: threading.active_count() == before)


# -- interpreter exit and fork (in a subprocess, to keep this process safe) -------------------


def run_script(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


FORGOTTEN_AT_EXIT = """
    import os, sys, threading, weakref
    from modelslab_agents import ModelsLab

    class Witness:
        pass

    def check(fds):
        # Runs at exit after the client's own finalizer (finalizers run newest first).
        loops = [t for t in threading.enumerate() if t.name == "modelslab-agents-loop"]
        print("loop threads at exit:", len(loops))
        print("fds left open at exit:", len(os.listdir("/proc/self/fd")) - fds)

    witness = Witness()
    fds = len(os.listdir("/proc/self/fd"))
    weakref.finalize(witness, check, fds)
    client = ModelsLab(sys.argv[2], base_url=sys.argv[1])
    client.profile.get()
    print("open:", len(os.listdir("/proc/self/fd")) - fds > 0)
    # no close(): the interpreter exits with the client alive
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts /proc/self/fd")
def test_a_forgotten_client_is_closed_at_interpreter_exit(
    fake: FakeControlPlane, token: str
) -> None:
    with fake.serve() as base_url:
        done = run_script(FORGOTTEN_AT_EXIT, base_url, token)
    assert done.returncode == 0, done.stderr
    assert "open: True" in done.stdout
    assert "loop threads at exit: 0" in done.stdout
    assert "fds left open at exit: 0" in done.stdout


FORK = """
    import gc, os, sys, threading, time, traceback
    import httpx
    from modelslab_agents import ModelsLab
    from modelslab_agents.testing import FakeControlPlane

    scenario = sys.argv[1]
    fake = FakeControlPlane()
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")

    def child(client):
        if scenario in ("fresh", "fresh-idle"):
            assert client.profile.get().email == "ada@example.com"
            assert client.api_keys.create("made-in-child").name == "made-in-child"
            client.close()
            gc.collect()  # whatever the child kept of the parent's loop may be collected
        elif scenario in ("own-http-client", "own-transport"):
            for _ in range(2):  # fails clearly, every time, never hangs
                try:
                    client.profile.get()
                except RuntimeError as exc:
                    assert "fork" in str(exc), exc
                else:
                    raise AssertionError("the parent's http_client was used in the child")

    def wait_for(pid):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.01)
        os.kill(pid, 9)
        return "hung"

    with fake.serve() as base_url:
        if scenario == "own-http-client":
            client = ModelsLab(token, base_url=base_url, http_client=httpx.AsyncClient())
        elif scenario == "own-transport":
            client = ModelsLab(token, base_url=base_url, transport=httpx.AsyncHTTPTransport())
        else:
            client = ModelsLab(token, base_url=base_url)
        client.profile.get()  # the parent's loop and a pooled connection exist
        fake.set_latency(0.5, route="GET /teams")
        busy = threading.Thread(target=client.teams.list)
        if scenario != "fresh-idle":
            busy.start()  # and a call is in flight in another thread while forking
        time.sleep(0.1)
        pid = os.fork()
        if pid == 0 and scenario == "exit-unused":
            sys.exit(0)  # runs the exit finalizers on the parent's client
        if pid == 0:
            try:
                child(client)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        print("child exit:", wait_for(pid))
        if busy.ident is not None:
            busy.join(10)
        assert client.profile.get().email == "ada@example.com"  # the parent carries on
        # ...on its loop thread too, which the child must not have deafened.
        client.map(client.api_keys.get, [], on_progress=lambda done, total: None)
        emails = []
        other = threading.Thread(target=lambda: emails.append(client.profile.get().email))
        other.daemon = True
        other.start()
        other.join(20)
        assert emails == ["ada@example.com"], "the parent's loop thread no longer wakes"
        print("keys:", [k["name"] for k in fake.api_keys_of("ada@example.com")])
        client.close()
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize(
    "scenario", ["fresh", "fresh-idle", "own-http-client", "own-transport", "exit-unused"]
)
def test_fork_starts_afresh_or_fails_clearly_in_the_child(scenario: str) -> None:
    done = run_script(FORK, scenario)
    assert done.returncode == 0, done.stderr
    assert "child exit: 0" in done.stdout, done.stdout + done.stderr
    expected = ["made-in-child"] if scenario.startswith("fresh") else []
    assert f"keys: {expected}" in done.stdout


# -- map runs concurrently -------------------------------------------------------------------


def test_map_runs_the_clients_own_methods_concurrently_on_its_loop() -> None:
    def workers() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name == "AnyIO worker thread"}

    handler = InFlight(8)
    before = workers()
    with client_on(handler) as client:
        results = client.map(client.api_keys.get, range(1, 501), concurrency=8)
        assert [o.item for o in results] == list(range(1, 501))
        assert results.ok
        during = workers()
    assert handler.most == 8
    assert len(handler.threads) == 1
    assert during <= before  # no worker threads: the coroutines ran on the loop


def test_map_accepts_partials_of_the_clients_methods() -> None:
    names: list[str] = []

    async def update(request: httpx.Request) -> httpx.Response:
        names.append(request.content.decode())
        return ok({"id": key_id(request)})

    with client_on(update) as client:
        results = client.map(functools.partial(client.api_keys.update, name="rotated"), [1, 2])
    assert [key.id for key in results.values] == [1, 2]
    assert names == ['{"name":"rotated"}'] * 2


def test_map_runs_other_callables_in_worker_threads_concurrently() -> None:
    together = threading.Barrier(6, timeout=10)
    threads: set[int] = set()

    def work(n: int) -> int:
        threads.add(threading.get_ident())
        together.wait()  # fails after 10 s unless six run at once
        return n + 1

    with client_on(echo) as client:
        results = client.map(work, range(12), concurrency=6)
    assert results.values == list(range(1, 13))
    assert threading.get_ident() not in threads
    assert len(threads) >= 6


def test_map_of_blocking_calls_in_threads_goes_through_the_same_loop() -> None:
    handler = InFlight(4)
    with client_on(handler) as client:
        results = client.map(lambda n: client.api_keys.get(n).id, range(1, 21), concurrency=4)
    assert results.values == list(range(1, 21))
    assert len(handler.threads) == 1  # the calls from worker threads joined the same loop
    assert handler.most == 4


def test_map_reports_progress_and_a_blocking_call_from_it_fails_clearly() -> None:
    seen: list[tuple[int, int]] = []
    with client_on(echo) as client:
        results = client.map(
            client.api_keys.get, range(1, 31), on_progress=lambda d, t: seen.append((d, t))
        )
        assert results.ok
        assert seen == [(done, 30) for done in range(1, 31)]

        def report(done: int, total: int) -> None:
            client.api_keys.get(99)  # on the client's own loop thread: would deadlock

        with pytest.raises(RuntimeError, match="own event loop"):
            client.map(client.api_keys.get, range(1, 31), on_progress=report)
        assert client.api_keys.get(3).id == 3  # the loop is still healthy


def test_a_failing_progress_callback_cancels_the_batch_and_propagates() -> None:
    answered = {1, 2, 3}

    class Handler(Stall):
        async def __call__(self, request: httpx.Request) -> httpx.Response:
            if key_id(request) in answered:
                return ok({"id": key_id(request)})
            return await super().__call__(request)

    handler = Handler(expected=2)

    def report(done: int, total: int) -> None:
        if done == 3:
            raise LookupError("stop here")

    with client_on(handler) as client, pytest.raises(LookupError, match="stop here"):
        client.map(client.api_keys.get, range(1, 21), concurrency=2, on_progress=report)
    assert handler.arrived <= 2  # nothing after the items in flight started
    assert handler.cancelled == handler.arrived


def test_map_timeout_returns_every_outcome() -> None:
    class Handler(Stall):
        async def __call__(self, request: httpx.Request) -> httpx.Response:
            if key_id(request) <= 2:
                return ok({"id": key_id(request)})
            return await super().__call__(request)

    handler = Handler()
    with client_on(handler) as client:
        results = client.map(client.api_keys.get, range(1, 7), concurrency=2, timeout=0.3)
    assert [o.ok for o in results] == [True, True, False, False, False, False]
    assert all(isinstance(o.error, APITimeoutError) for o in results.failed)
    assert ["never started" in str(o.error) for o in results.failed] == [
        False,
        False,
        True,
        True,
    ]
    assert handler.cancelled == 2


# -- a batch stops when told, whatever it maps ----------------------------------------------


class Blocked:
    """A plain callable that blocks its worker thread until released (at most 30 s)."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.started = 0
        self.all_started = threading.Event()
        self.release = threading.Event()
        self.finished: list[int] = []
        self._lock = threading.Lock()

    def __call__(self, n: int) -> int:
        with self._lock:
            self.started += 1
            if self.started == self.expected:
                self.all_started.set()
        self.release.wait(30)
        self.finished.append(n)
        return n


def test_map_over_a_plain_callable_returns_at_its_deadline() -> None:
    work = Blocked(expected=2)
    with client_on(echo) as client:
        results = client.map(work, range(4), concurrency=2, timeout=0.5)
        assert work.finished == []  # returned while the threads were still blocked
        work.release.set()
    assert [o.ok for o in results] == [False] * 4
    assert all(isinstance(o.error, APITimeoutError) for o in results)


def test_ctrl_c_during_a_map_over_a_plain_callable_returns_at_once(
    interrupt_main: Callable[[threading.Event], None],
) -> None:
    work = Blocked(expected=2)
    with client_on(echo) as client:
        interrupt_main(work.all_started)
        with pytest.raises(KeyboardInterrupt):
            client.map(work, range(4), concurrency=2)
        assert work.finished == []
        work.release.set()
        assert client.api_keys.get(1).id == 1


def test_map_of_another_clients_method_cancels_its_requests_at_the_deadline() -> None:
    handler = Stall(expected=2)
    with client_on(echo) as mine, client_on(handler) as other:
        results = mine.map(other.api_keys.get, range(1, 5), concurrency=2, timeout=1)
        assert handler.cancelled == handler.arrived  # cancelled in flight, not left running
    assert all(isinstance(o.error, APITimeoutError) for o in results)


def test_ctrl_c_during_a_map_of_another_clients_method_cancels_its_requests(
    interrupt_main: Callable[[threading.Event], None],
) -> None:
    handler = Stall(expected=2)
    with client_on(echo) as mine, client_on(handler) as other:
        interrupt_main(handler.all_arrived)
        with pytest.raises(KeyboardInterrupt):
            mine.map(other.api_keys.get, range(1, 5), concurrency=2)
        assert handler.cancelled == 2


STALLED_DNS = """
    import socket, sys, threading, time
    from modelslab_agents import ModelsLab

    entered = threading.Event()

    def stalled(*args, **kwargs):
        entered.set()
        time.sleep(600)  # a resolver that never answers
        raise socket.gaierror("stalled")

    socket.getaddrinfo = stalled
    client = ModelsLab("1|tok", base_url="https://api.stalled.test", max_retries=0)
    errors = []

    def call():
        try:
            client.profile.get()
        except Exception as exc:
            errors.append(type(exc).__name__)

    caller = threading.Thread(target=call)
    caller.start()
    assert entered.wait(30)
    client.close()
    caller.join(30)
    print("caller:", "alive" if caller.is_alive() else errors)
    # the interpreter exits now, the resolver still stalled
"""


def test_a_stalled_dns_lookup_holds_neither_close_nor_exit() -> None:
    done = run_script(STALLED_DNS)  # fails with TimeoutExpired if exit waits on the resolver
    assert done.returncode == 0, done.stderr
    assert "caller: ['RuntimeError']" in done.stdout, done.stdout + done.stderr
