"""`ConnectionPool`: the transport under the SDK's own httpx client.

httpx's default transport uses httpcore's general-purpose pool. On every request and
every finished answer that pool walks all its connections, asking each idle one
whether its server has hung up (a ``poll()`` plus a socket lookup each), and it can
promise one idle connection to several queued requests in the same pass, all but one
of which then find it taken and go round again. With a batch's 16 requests in flight
that bookkeeping cost more client CPU than the requests themselves, and made ``map``
CPU-bound well short of the speed its concurrency allows (``benchmarks/PERF.md``).

The SDK sends HTTP/1.1 to one origin, so its pool can be much simpler: a stack of idle
connections. A request takes the most recently used one, checks that one alone, and
gives it back when its answer has been read (or drops it, when the answer was cut
short). Past the connection limit, requests wait in line and each
freed connection goes to the first in line. Connections are httpcore's own
(:class:`httpcore.AsyncHTTPConnection`, its public single-connection class), so the
HTTP/1.1 handling, TLS and timeouts are exactly httpx's. Proxies are httpx's business:
when the environment names one, the client sends through httpx's transports instead.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Iterator
from typing import TYPE_CHECKING, Final

import anyio
import httpcore
import httpx

if TYPE_CHECKING:
    import ssl

__all__ = ["ConnectionPool"]

#: httpcore's exceptions and the httpx ones they become, as httpx's own transport maps
#: them; the most specific class a raised exception derives from wins.
_HTTPX_ERRORS: Final[dict[type[Exception], type[httpx.TransportError]]] = {
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.ProxyError: httpx.ProxyError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.ProtocolError: httpx.ProtocolError,
}


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for cls in type(exc).__mro__:
            mapped = _HTTPX_ERRORS.get(cls)
            if mapped is not None:
                raise mapped(str(exc)) from exc
        raise


class _Waiter:
    """A request waiting for a connection slot; ``granted`` once one is handed to it."""

    __slots__ = ("connection", "event", "granted")

    def __init__(self) -> None:
        self.event = anyio.Event()
        self.granted = False
        #: An idle connection handed over with the slot, or None: open a new one.
        self.connection: httpcore.AsyncHTTPConnection | None = None


class ConnectionPool(httpx.AsyncBaseTransport):
    """HTTP/1.1 keep-alive connections, at most ``max_connections`` open at once.

    Each open connection holds one slot from the moment it is created until it is
    closed; an idle connection keeps its slot, so that the next request reuses it.
    Belongs to the event loop that first sends on it, like httpx's own pool.

    Args:
        ssl_context: Verifies ``https`` servers.
        max_connections: Connections open at once, idle ones included.
        keepalive_expiry: Seconds an idle connection is kept before it is closed.
    """

    def __init__(
        self,
        *,
        ssl_context: ssl.SSLContext,
        max_connections: int,
        keepalive_expiry: float | None,
    ) -> None:
        if max_connections < 1:
            raise ValueError(f"max_connections must be at least 1, not {max_connections!r}")
        self._ssl_context = ssl_context
        self._max_connections = max_connections
        self._keepalive_expiry = keepalive_expiry
        #: (idle since, connection), the most recently used last.
        self._idle: list[tuple[float, httpcore.AsyncHTTPConnection]] = []
        self._slots_taken = 0
        self._waiters: deque[_Waiter] = deque()
        self._closed = False

    def __repr__(self) -> str:
        idle = len(self._idle)
        return (
            f"<ConnectionPool [{self._slots_taken - idle} in use, {idle} idle, "
            f"{len(self._waiters)} waiting, max {self._max_connections}]>"
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        url = request.url
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported URL scheme {url.scheme!r}")
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        pool_timeout = request.extensions.get("timeout", {}).get("pool")
        with _as_httpx_errors():
            connection = await self._acquire(core_request.url.origin, pool_timeout)
            try:
                response = await connection.handle_async_request(core_request)
            except BaseException:
                await self._release(connection)
                raise
        assert isinstance(response.stream, AsyncIterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream, self, connection),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        """Close the idle connections; those in use close when their answer is done."""
        self._closed = True
        idle, self._idle = self._idle, []
        self._slots_taken -= len(idle)
        while self._waiters:  # woken without a slot, each finds the pool closed
            self._waiters.popleft().event.set()
        with anyio.CancelScope(shield=True):
            for _, connection in idle:
                await connection.aclose()

    async def _acquire(
        self, origin: httpcore.Origin, timeout: float | None
    ) -> httpcore.AsyncHTTPConnection:
        """A connection to ``origin`` that this request alone may use."""
        if self._closed:
            raise RuntimeError("the connection pool is closed")
        await self._close_long_idle()
        while (connection := self._take_idle(origin)) is not None:
            # Only the connection about to be used is asked whether its server hung up.
            if connection.is_available() and not connection.has_expired():
                return connection
            await self._close(connection)
        if self._closed:  # closed while this request closed connections above
            raise RuntimeError("the connection pool is closed")
        if self._slots_taken < self._max_connections:
            self._slots_taken += 1
            return self._new_connection(origin)
        if self._idle:  # at the limit, idle connections to other origins make room
            await self._close_keeping_slot(self._idle.pop(0)[1])  # the least recently used
            return self._new_connection(origin)
        return await self._wait_in_line(origin, timeout)

    async def _close_long_idle(self) -> None:
        """Close the connections idle for longer than the keep-alive expiry.

        Only the connection about to be reused is asked whether its server hung up;
        without this, those below it on the stack would stay open (half-closed, once
        the server gave up on them) for as long as the client lives.
        """
        if self._keepalive_expiry is None:
            return
        idle_before = time.monotonic() - self._keepalive_expiry
        while self._idle and self._idle[0][0] < idle_before:
            await self._close(self._idle.pop(0)[1])

    def _take_idle(self, origin: httpcore.Origin) -> httpcore.AsyncHTTPConnection | None:
        idle = self._idle
        for index in range(len(idle) - 1, -1, -1):
            if idle[index][1].can_handle_request(origin):
                return idle.pop(index)[1]
        return None

    async def _wait_in_line(
        self, origin: httpcore.Origin, timeout: float | None
    ) -> httpcore.AsyncHTTPConnection:
        waiter = _Waiter()
        self._waiters.append(waiter)
        try:
            with anyio.move_on_after(timeout):
                await waiter.event.wait()
        except BaseException:
            if waiter.granted and waiter.connection is not None:
                await self._release(waiter.connection)  # cancelled as it arrived: pass it on
            elif waiter.granted:
                self._free_slot(None)
            elif waiter in self._waiters:  # not yet woken by aclose()
                self._waiters.remove(waiter)
            raise
        if not waiter.granted:
            if self._closed:  # woken by aclose()
                raise RuntimeError("the connection pool is closed")
            self._waiters.remove(waiter)
            raise httpcore.PoolTimeout("no connection became free within the pool timeout")
        connection = waiter.connection
        if self._closed:
            if connection is not None:
                await self._close(connection)
            else:
                self._free_slot(None)
            raise RuntimeError("the connection pool is closed")
        if connection is None:
            return self._new_connection(origin)
        # The server may have hung up while the connection changed hands.
        if connection.can_handle_request(origin) and not connection.has_expired():
            return connection
        await self._close_keeping_slot(connection)
        return self._new_connection(origin)

    def _new_connection(self, origin: httpcore.Origin) -> httpcore.AsyncHTTPConnection:
        return httpcore.AsyncHTTPConnection(
            origin=origin,
            ssl_context=self._ssl_context,
            keepalive_expiry=self._keepalive_expiry,
        )

    async def _release(self, connection: httpcore.AsyncHTTPConnection) -> None:
        """A request is done with ``connection``: keep it for the next, or close it."""
        # A connection that failed to connect also says it is idle, never available.
        if connection.is_idle() and connection.is_available() and not self._closed:
            self._free_slot(connection)
        else:
            await self._close(connection)

    async def _close(self, connection: httpcore.AsyncHTTPConnection) -> None:
        """Close ``connection`` and free its slot."""
        try:
            with anyio.CancelScope(shield=True):
                await connection.aclose()
        finally:  # a bare asyncio task.cancel() gets through anyio's shield
            self._free_slot(None)

    async def _close_keeping_slot(self, connection: httpcore.AsyncHTTPConnection) -> None:
        """Close ``connection`` to reuse its slot; free the slot if that is interrupted."""
        try:
            with anyio.CancelScope(shield=True):
                await connection.aclose()
        except BaseException:
            self._free_slot(None)
            raise

    def _free_slot(self, connection: httpcore.AsyncHTTPConnection | None) -> None:
        """Hand a slot (with ``connection`` when reusable) to the first waiter, or keep it."""
        if self._waiters:
            self._grant(self._waiters.popleft(), connection)
        elif connection is not None:
            self._idle.append((time.monotonic(), connection))
        else:
            self._slots_taken -= 1

    @staticmethod
    def _grant(waiter: _Waiter, connection: httpcore.AsyncHTTPConnection | None) -> None:
        waiter.granted = True
        waiter.connection = connection
        waiter.event.set()


class _ResponseStream(httpx.AsyncByteStream):
    """An answer's body; closing it gives its connection back to the pool."""

    __slots__ = ("_closed", "_connection", "_pool", "_stream")

    def __init__(
        self,
        stream: AsyncIterable[bytes],
        pool: ConnectionPool,
        connection: httpcore.AsyncHTTPConnection,
    ) -> None:
        self._stream = stream
        self._pool = pool
        self._connection = connection
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with _as_httpx_errors(), anyio.CancelScope(shield=True):
                aclose = getattr(self._stream, "aclose", None)
                if aclose is not None:
                    await aclose()
        finally:
            await self._pool._release(self._connection)
