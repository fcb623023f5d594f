"""The SDK's connection pool, against a small HTTP/1.1 server on loopback.

The server runs in the test's own event loop (asyncio and trio) and counts the
connections it accepts, so each test can tell reuse from reconnection. Paths choose
what it does: answer, answer slowly, never answer, close after answering, or cut an
answer short.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ssl
from collections.abc import AsyncIterator, Callable

import anyio
import anyio.abc
import httpcore
import httpx
import pytest

from modelslab_agents import AsyncModelsLab
from modelslab_agents._transport import _HTTPX_ERRORS, ConnectionPool, _as_httpx_errors

pytestmark = pytest.mark.anyio

OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


class LoopbackServer:
    """Answers GETs by path; counts accepted and currently open connections."""

    def __init__(self) -> None:
        self.accepted = 0
        self.open = 0
        self.base_url = ""

    async def handle(self, stream: anyio.abc.SocketStream) -> None:
        self.accepted += 1
        self.open += 1
        try:
            async with stream:
                buffer = b""
                while True:
                    while b"\r\n\r\n" not in buffer:
                        buffer += await stream.receive()
                    head, _, buffer = buffer.partition(b"\r\n\r\n")
                    path = head.split(b" ")[1].decode()
                    if path == "/hang":
                        await anyio.sleep_forever()
                    if path == "/slow":
                        await anyio.sleep(0.1)
                    if path == "/cut":  # promises 10 bytes, sends 3, hangs up
                        await stream.send(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
                        return
                    if path == "/close":
                        await stream.send(OK.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
                        return
                    if path == "/slow-hang-up-after":
                        await anyio.sleep(0.1)
                    await stream.send(OK)
                    if path.endswith("hang-up-after"):  # keep-alive answer, then it leaves
                        return
        except (anyio.EndOfStream, anyio.BrokenResourceError, anyio.ClosedResourceError):
            pass
        finally:
            self.open -= 1


@contextlib.asynccontextmanager
async def serving() -> AsyncIterator[LoopbackServer]:
    server = LoopbackServer()
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    server.base_url = f"http://127.0.0.1:{port}"
    async with anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, server.handle)
        yield server
        tg.cancel_scope.cancel()


async def until(condition: Callable[[], bool]) -> None:
    """Wait (up to 5 s) for something another task does, instead of guessing a delay."""
    with anyio.fail_after(5):
        while not condition():  # noqa: ASYNC110 - the state is not ours to signal
            await anyio.sleep(0.002)


@functools.cache
def ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context()  # ~50 ms: loads the system's certificates


def make_pool(max_connections: int = 4, keepalive_expiry: float | None = 5.0) -> ConnectionPool:
    return ConnectionPool(
        ssl_context=ssl_context(),
        max_connections=max_connections,
        keepalive_expiry=keepalive_expiry,
    )


def client_on(pool: ConnectionPool, pool_timeout: float = 5.0) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=pool, timeout=httpx.Timeout(5.0, pool=pool_timeout))


async def test_sequential_requests_share_one_connection() -> None:
    async with serving() as server, client_on(make_pool()) as http:
        for _ in range(5):
            response = await http.get(f"{server.base_url}/")
            assert response.json() == {}
        assert server.accepted == 1


async def test_concurrent_requests_never_open_more_than_the_limit() -> None:
    pool = make_pool(max_connections=3)
    async with serving() as server, client_on(pool) as http:
        statuses: list[int] = []

        async def get() -> None:
            statuses.append((await http.get(f"{server.base_url}/slow")).status_code)

        async with anyio.create_task_group() as tg:
            for _ in range(10):
                tg.start_soon(get)
        assert statuses == [200] * 10
        # Requests past the limit waited for a connection and were handed it.
        assert server.accepted == 3
        assert "0 in use, 3 idle, 0 waiting" in repr(pool)


async def test_a_full_pool_raises_pool_timeout() -> None:
    async with (
        serving() as server,
        client_on(make_pool(1), pool_timeout=0.1) as http,
        anyio.create_task_group() as tg,
    ):
        tg.start_soon(http.get, f"{server.base_url}/hang")
        await until(lambda: server.accepted == 1)
        with pytest.raises(httpx.PoolTimeout):
            await http.get(f"{server.base_url}/")
        tg.cancel_scope.cancel()


async def test_a_cancelled_request_gives_its_slot_back() -> None:
    pool = make_pool(1)
    async with serving() as server, client_on(pool) as http:
        with anyio.move_on_after(0.1):
            await http.get(f"{server.base_url}/hang")
        # The interrupted connection is closed, not reused: its answer may still come.
        assert (await http.get(f"{server.base_url}/")).status_code == 200
        assert server.accepted == 2
        assert "0 in use, 1 idle" in repr(pool)


async def test_a_cancelled_waiter_leaves_the_line() -> None:
    pool = make_pool(1)
    async with serving() as server, client_on(pool) as http:
        async with anyio.create_task_group() as tg:
            tg.start_soon(http.get, f"{server.base_url}/slow")
            await until(lambda: server.accepted == 1)
            with anyio.move_on_after(0.01):
                await http.get(f"{server.base_url}/")  # waits behind /slow, then gives up
            assert "1 in use, 0 idle, 0 waiting" in repr(pool)
        assert (await http.get(f"{server.base_url}/")).status_code == 200
        assert server.accepted == 1


async def test_a_connection_the_server_closed_while_idle_is_replaced() -> None:
    async with serving() as server, client_on(make_pool()) as http:
        assert (await http.get(f"{server.base_url}/hang-up-after")).status_code == 200
        await until(lambda: server.open == 0)  # the server has hung up the idle connection
        assert (await http.get(f"{server.base_url}/")).status_code == 200
        assert server.accepted == 2


async def test_a_connection_the_server_closed_is_not_handed_to_a_waiting_request() -> None:
    pool = make_pool(1)
    async with serving() as server, client_on(pool) as http:
        statuses: list[int] = []

        async def get(path: str) -> None:
            statuses.append((await http.get(f"{server.base_url}{path}")).status_code)

        async with anyio.create_task_group() as tg:
            tg.start_soon(get, "/slow-hang-up-after")  # holds the only connection
            await until(lambda: server.accepted == 1)
            tg.start_soon(get, "/")  # waits for it; the server hangs up as it is freed
            await until(lambda: "1 waiting" in repr(pool))
        assert statuses == [200, 200]
        assert server.accepted == 2


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@pytest.mark.parametrize("path", ["/", "/close", "/cut"])
async def test_an_asyncio_cancel_at_any_point_gives_the_slot_back(path: str) -> None:
    # asyncio.wait_for and asyncio.timeout cancel with task.cancel(), which gets
    # through anyio's shields: every close must still give its slot back. The idle
    # connection is one the server has hung up, so each request replaces it first.
    async with serving() as server:
        for turns in range(60):
            pool = make_pool(1)
            http = client_on(pool, pool_timeout=1.0)
            await http.get(f"{server.base_url}/hang-up-after")
            await until(lambda: server.open == 0)
            task = asyncio.ensure_future(http.get(f"{server.base_url}{path}"))
            for _ in range(turns):
                await asyncio.sleep(0)
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
            assert "0 in use" in repr(pool), (turns, repr(pool))
            assert (await http.get(f"{server.base_url}/")).status_code == 200
            await pool.aclose()


async def test_connection_close_is_honoured() -> None:
    pool = make_pool()
    async with serving() as server, client_on(pool) as http:
        for _ in range(2):
            assert (await http.get(f"{server.base_url}/close")).status_code == 200
        assert server.accepted == 2
        assert "0 in use, 0 idle" in repr(pool)


async def test_an_idle_connection_past_its_keepalive_is_replaced() -> None:
    async with serving() as server, client_on(make_pool(keepalive_expiry=0.0)) as http:
        for _ in range(2):
            assert (await http.get(f"{server.base_url}/")).status_code == 200
        assert server.accepted == 2


async def test_connections_left_idle_below_the_one_in_use_are_closed() -> None:
    # Sequential calls keep reusing the top of the stack; the two connections a burst
    # left below it must not stay open for the life of the client.
    pool = make_pool(keepalive_expiry=0.3)
    async with serving() as server, client_on(pool) as http:
        async with anyio.create_task_group() as tg:
            for _ in range(3):
                tg.start_soon(http.get, f"{server.base_url}/slow")
        assert server.open == 3
        for _ in range(12):  # 0.6 s: twice the keep-alive expiry, in steps of a sixth
            await anyio.sleep(0.05)
            assert (await http.get(f"{server.base_url}/")).status_code == 200
        await until(lambda: server.open == 1)  # the two below were closed
        assert server.accepted == 3  # the top one was reused throughout
        assert "0 in use, 1 idle" in repr(pool)


async def test_a_refused_connection_is_an_httpx_connect_error_and_frees_its_slot() -> None:
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    await listener.aclose()  # nothing listens on this port any more
    pool = make_pool(1)
    async with client_on(pool) as http:
        for _ in range(3):  # a leaked slot would make the second one a PoolTimeout
            with pytest.raises(httpx.ConnectError):
                await http.get(f"http://127.0.0.1:{port}/")
        assert "0 in use, 0 idle" in repr(pool)


async def test_an_answer_cut_short_is_an_httpx_error_and_frees_its_slot() -> None:
    pool = make_pool(1)
    async with serving() as server, client_on(pool) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get(f"{server.base_url}/cut")
        assert (await http.get(f"{server.base_url}/")).status_code == 200
        assert "0 in use, 1 idle" in repr(pool)


async def test_closing_the_pool_closes_idle_connections_and_refuses_requests() -> None:
    pool = make_pool()
    async with serving() as server:
        http = client_on(pool)
        await http.get(f"{server.base_url}/")
        await pool.aclose()
        await until(lambda: server.open == 0)  # the idle connection was closed
        with pytest.raises(RuntimeError, match="closed"):
            await pool.handle_async_request(httpx.Request("GET", f"{server.base_url}/"))


async def test_closing_the_pool_wakes_the_waiting_requests() -> None:
    pool = make_pool(1)
    async with serving() as server:
        http = client_on(pool)
        errors: list[BaseException] = []

        async def waiting_get() -> None:
            try:
                await http.get(f"{server.base_url}/")
            except RuntimeError as exc:
                errors.append(exc)

        async with anyio.create_task_group() as tg:
            tg.start_soon(http.get, f"{server.base_url}/slow")
            await until(lambda: server.accepted == 1)
            tg.start_soon(waiting_get)
            await until(lambda: "1 waiting" in repr(pool))
            await pool.aclose()
        assert [str(e) for e in errors] == ["the connection pool is closed"]
        await until(lambda: server.open == 0)  # /slow's closed when its answer was read
        assert "0 in use, 0 idle, 0 waiting" in repr(pool)


@pytest.mark.parametrize("core_error", list(_HTTPX_ERRORS))
def test_httpcore_errors_become_the_httpx_error_of_the_same_name(
    core_error: type[Exception],
) -> None:
    with pytest.raises(httpx.TransportError) as raised, _as_httpx_errors():
        raise core_error("boom")
    assert type(raised.value).__name__ == core_error.__name__
    assert str(raised.value) == "boom"
    assert isinstance(raised.value.__cause__, core_error)


def test_every_httpcore_error_has_a_mapping() -> None:
    # A new httpcore exception class would otherwise reach users untyped.
    core_errors = {
        obj
        for obj in vars(httpcore).values()
        if isinstance(obj, type)
        and issubclass(obj, Exception)
        and obj.__module__.startswith("httpcore")
    }
    core_errors.discard(httpcore.ConnectionNotAvailable)  # the pool's own retry signal
    assert core_errors == set(_HTTPX_ERRORS)


async def test_only_http_and_https_are_sent() -> None:
    with pytest.raises(httpx.UnsupportedProtocol, match="'ftp'"):
        await make_pool().handle_async_request(httpx.Request("GET", "ftp://127.0.0.1/"))


def test_other_errors_pass_through_unchanged() -> None:
    with pytest.raises(ValueError, match="not httpcore's"), _as_httpx_errors():
        raise ValueError("not httpcore's")


def test_the_pool_needs_room_for_a_connection() -> None:
    with pytest.raises(ValueError, match="max_connections must be at least 1, not 0"):
        make_pool(0)


async def test_the_sdk_sends_on_its_own_pool_and_closes_it() -> None:
    async with serving() as server:
        client = AsyncModelsLab("1|tok", base_url=server.base_url)
        pool = client._pool
        pool.client()
        assert isinstance(pool.direct, ConnectionPool)
        await client.aclose()
        with pytest.raises(RuntimeError, match="closed"):
            await pool.direct.handle_async_request(httpx.Request("GET", f"{server.base_url}/"))
