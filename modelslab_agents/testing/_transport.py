"""The in-process transport: httpx requests answered by the core, with no sockets."""

from __future__ import annotations

import contextlib

import anyio
import httpx

from ._core import Core
from ._wire import ConnectionDropped, WireRequest

__all__ = ["FakeTransport"]


class FakeTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` calling the emulator's core directly.

    It behaves like the network where a client can tell: an injected dropped connection
    raises ``httpx.ReadError``, and the request's read timeout is enforced (httpx leaves
    timeouts to transports), raising ``httpx.ReadTimeout`` and abandoning the request if
    it is still waiting on latency or a slow fault. Works under asyncio and trio.
    """

    def __init__(self, core: Core, *, client_address: str = "127.0.0.1") -> None:
        self._core = core
        self._client_address = client_address

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        wire_request = WireRequest(
            method=request.method,
            path=request.url.path,
            headers={name.lower(): value for name, value in request.headers.items()},
            body=await request.aread(),
            client=self._client_address,
        )
        timeout = request.extensions.get("timeout", {}).get("read")
        try:
            with anyio.fail_after(timeout) if timeout is not None else contextlib.nullcontext():
                answer = await self._core.handle(wire_request)
        except TimeoutError:
            raise httpx.ReadTimeout("timed out waiting for the emulator", request=request) from None
        except ConnectionDropped as exc:
            raise httpx.ReadError(str(exc), request=request) from None
        return httpx.Response(
            answer.status,
            headers=list(answer.headers),
            content=answer.body,
            request=request,
            extensions={"http_version": b"HTTP/1.1"},
        )
