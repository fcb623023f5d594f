"""The emulator as an ASGI 3 application, for uvicorn or any other ASGI server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

from ._core import Core
from ._wire import MAX_BODY_BYTES, ClientGone, ConnectionDropped, WireRequest

__all__ = ["AsgiApp", "Receive", "Scope", "Send"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class AsgiApp:
    """Serves the core over HTTP.

    A dropped connection is real: the app starts the answer and then raises, so the
    server closes the connection with the body unsent and the client sees an incomplete
    message. A client that hangs up while its request waits (latency, a slow fault)
    abandons the request before it is acted on, as with the in-process transport.
    """

    def __init__(self, core: Core) -> None:
        self._core = core

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        request = WireRequest(
            method=scope["method"],
            path=scope["path"],
            headers={
                name.decode("latin-1").lower(): value.decode("latin-1")
                for name, value in scope["headers"]
            },
            body=await _read_body(receive),
            client=(scope.get("client") or ("unknown", 0))[0],
        )

        async def pause(seconds: float) -> None:
            await _pause_unless_gone(seconds, receive)

        try:
            answer = await self._core.handle(request, pause)
        except ClientGone:
            return
        except ConnectionDropped:
            await send({"type": "http.response.start", "status": 200, "headers": []})
            raise
        headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in answer.headers]
        headers.append((b"content-length", str(len(answer.body)).encode()))
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})


async def _read_body(receive: Receive) -> bytes:
    """The request body, keeping at most one byte past the limit (enough to refuse it)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        if size <= MAX_BODY_BYTES:
            chunks.append(chunk[: MAX_BODY_BYTES + 1 - size])
            size += len(chunks[-1])
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _pause_unless_gone(seconds: float, receive: Receive) -> None:
    """Sleep ``seconds``; raise :class:`ClientGone` if the client disconnects meanwhile.

    Once the body is read, the server's next message is ``http.disconnect``, sent when the
    client goes away.
    """
    gone = False
    async with anyio.create_task_group() as group:

        async def watch() -> None:
            nonlocal gone
            while (await receive())["type"] != "http.disconnect":
                pass
            gone = True
            group.cancel_scope.cancel()

        group.start_soon(watch)
        await anyio.sleep(seconds)
        group.cancel_scope.cancel()
    if gone:
        raise ClientGone


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
