"""The client's connections, on httpx's own transport, against a small HTTP/1.1 server on
loopback.

The server runs in the test's own event loop (asyncio and trio) and counts the
connections it accepts and holds open, so each test can tell reuse from reconnection.
The first segment of the path (the client's base URL) chooses what it does: answer,
answer slowly, never answer, close after answering, or cut an answer short.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

import anyio
import anyio.abc
import httpx
import pytest

from modelslab_agents import APIConnectionError, AsyncModelsLab

pytestmark = pytest.mark.anyio

BODY = b'{"data":null,"error":null,"meta":{"request_id":"r"}}'
OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
    len(BODY),
    BODY,
)


class LoopbackServer:
    """Answers by the path's first segment; counts accepted and open connections."""

    def __init__(self) -> None:
        self.accepted = 0
        self.open = 0
        self.most_open = 0
        self.url = ""

    async def handle(self, stream: anyio.abc.SocketStream) -> None:
        self.accepted += 1
        self.open += 1
        self.most_open = max(self.most_open, self.open)
        try:
            async with stream:
                buffer = b""
                while True:
                    while b"\r\n\r\n" not in buffer:
                        buffer += await stream.receive()
                    head, _, buffer = buffer.partition(b"\r\n\r\n")
                    mode = head.split(b" ")[1].split(b"/")[1]
                    if mode == b"hang":
                        await anyio.sleep_forever()
                    if mode == b"slow":
                        await anyio.sleep(0.05)
                    if mode == b"cut":  # promises more than it sends, hangs up
                        await stream.send(b"HTTP/1.1 200 OK\r\nContent-Length: 90\r\n\r\n{")
                        return
                    if mode == b"close":
                        await stream.send(OK.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
                        return
                    await stream.send(OK)
                    if mode == b"hang-up-after":  # a keep-alive answer, then it leaves
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
    server.url = f"http://127.0.0.1:{port}"
    async with anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, server.handle)
        yield server
        tg.cancel_scope.cancel()


async def until(condition: Callable[[], bool]) -> None:
    """Wait (up to 5 s) for something another task does, instead of guessing a delay."""
    with anyio.fail_after(5):
        while not condition():  # noqa: ASYNC110 - the state is not ours to signal
            await anyio.sleep(0.002)


def client(server: LoopbackServer, mode: str = "ok") -> AsyncModelsLab:
    return AsyncModelsLab("1|tok", base_url=f"{server.url}/{mode}", max_retries=0)


async def test_sequential_calls_share_one_connection() -> None:
    async with serving() as server, client(server) as sdk:
        for key in range(1, 6):
            assert await sdk.api_keys.delete(key) is None
        assert server.accepted == 1


async def test_a_batch_never_opens_more_connections_than_the_pool_keeps() -> None:
    async with serving() as server, client(server, "slow") as sdk:
        results = await sdk.map(sdk.api_keys.delete, range(1, 61), concurrency=40)
        assert results.ok
        assert server.most_open <= 20
        accepted = server.accepted
        assert (await sdk.map(sdk.api_keys.delete, range(1, 21))).ok
        assert server.accepted == accepted  # the batch's connections were kept alive


async def test_a_cancelled_call_gives_its_connection_back() -> None:
    async with serving() as server, client(server) as sdk:
        stuck = sdk.with_options(base_url=f"{server.url}/hang")  # the same pool
        for key in range(25):  # more than the pool's 20 connections: none may leak
            with anyio.move_on_after(0.02):
                await stuck.api_keys.delete(key + 1)
        assert await sdk.api_keys.delete(99) is None
        assert server.accepted == 26  # an interrupted connection is never reused


async def test_a_connection_the_server_closed_while_idle_is_replaced() -> None:
    async with serving() as server, client(server, "hang-up-after") as sdk:
        assert await sdk.api_keys.delete(1) is None
        await until(lambda: server.open == 0)  # the server has hung up the idle connection
        assert await sdk.api_keys.delete(2) is None
        assert server.accepted == 2


async def test_connection_close_is_honoured() -> None:
    async with serving() as server, client(server, "close") as sdk:
        for key in (1, 2):
            assert await sdk.api_keys.delete(key) is None
        assert server.accepted == 2


async def test_a_refused_connection_is_a_connection_error_with_httpxs_cause() -> None:
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    await listener.aclose()  # nothing listens on this port any more
    async with AsyncModelsLab("1|tok", base_url=f"http://127.0.0.1:{port}", max_retries=0) as sdk:
        for _ in range(3):  # a leaked connection slot would turn into a pool timeout
            with pytest.raises(APIConnectionError, match="never saw the request") as caught:
                await sdk.api_keys.delete(1)
            assert isinstance(caught.value.__cause__, httpx.ConnectError)


async def test_an_answer_cut_short_is_a_connection_error_and_the_next_call_works() -> None:
    async with serving() as server, client(server, "cut") as cut, client(server) as sdk:
        with pytest.raises(APIConnectionError, match="may have acted") as caught:
            await cut.api_keys.delete(1)
        assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
        assert await sdk.api_keys.delete(2) is None


async def test_closing_the_client_closes_its_connections_and_refuses_calls() -> None:
    async with serving() as server:
        sdk = client(server)
        await sdk.api_keys.delete(1)
        assert server.open == 1
        await sdk.aclose()
        await until(lambda: server.open == 0)
        with pytest.raises(RuntimeError, match="closed"):
            await sdk.api_keys.delete(2)
