"""Measurements of changes outside the blocking client, to size them before making them.

``socket_caching_transport`` builds the transport ``AsyncModelsLab`` would use, with
one change: its connections keep their raw socket at hand. httpcore 1.0.9 asks every
idle pooled connection "has the server hung up?" several times per request, and on
asyncio each answer goes through anyio's typed-attribute lookup, which rebuilds a
dict of lambdas and calls ``getpeername()`` every time. This reaches into httpcore's
private pool attribute, so it lives here and not in the SDK.
"""

from __future__ import annotations

from typing import Any

import anyio.abc
import httpx
from httpcore import AnyIOBackend
from httpcore._backends.anyio import AnyIOStream
from httpcore._utils import is_socket_readable

from modelslab_agents._client import DEFAULT_LIMITS

__all__ = ["socket_caching_transport"]


class _SocketCachingStream(AnyIOStream):
    def __init__(self, stream: anyio.abc.ByteStream) -> None:
        super().__init__(stream)
        self._socket = stream.extra(anyio.abc.SocketAttribute.raw_socket, None)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return is_socket_readable(self._socket)
        if info == "socket":
            return self._socket
        return super().get_extra_info(info)


class _SocketCachingBackend(AnyIOBackend):
    async def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
        stream = await super().connect_tcp(*args, **kwargs)
        assert isinstance(stream, AnyIOStream)
        return _SocketCachingStream(stream._stream)


def socket_caching_transport() -> httpx.AsyncHTTPTransport:
    """The SDK's default pool settings, with connections that cache their socket."""
    transport = httpx.AsyncHTTPTransport(limits=DEFAULT_LIMITS)
    transport._pool._network_backend = _SocketCachingBackend()
    return transport
