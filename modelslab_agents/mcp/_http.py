"""Serving the MCP server over streamable HTTP, as an ASGI application."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from mcp.server.lowlevel import Server

from ._server import request_token

__all__ = ["streamable_http_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_REFUSAL = json.dumps(
    {
        "data": None,
        "error": {
            "code": "unauthenticated",
            "message": "A bearer token is required: send Authorization: Bearer <token>.",
            "details": {},
        },
    }
).encode()


class _Headers:
    """Just enough of a request for :func:`request_token`: lower-cased headers."""

    def __init__(self, scope: Scope) -> None:
        self.headers = {
            name.decode("latin-1").lower(): value.decode("latin-1")
            for name, value in scope.get("headers", [])
        }


def _require_token(app: ASGIApp) -> ASGIApp:
    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and request_token(_Headers(scope)) is None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 401,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"www-authenticate", b'Bearer realm="modelslab"'),
                        (b"content-length", str(len(_REFUSAL)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": _REFUSAL})
            return
        await app(scope, receive, send)

    return guarded


def streamable_http_app(
    server: Server[Any],
    *,
    path: str = "/mcp",
    host: str = "127.0.0.1",
    require_token: bool = False,
) -> ASGIApp:
    """The server as an ASGI app answering streamable HTTP at exactly ``path``.

    Args:
        server: A server from :func:`create_server`.
        path: Where the endpoint is (``/mcp``; the emulator uses ``/mcp/agents``).
        host: The host it is served on; for ``127.0.0.1``, ``localhost`` and ``::1``
            only those Host headers are accepted (DNS-rebinding protection).
        require_token: Refuse (401) any request without a bearer token.

    Returns:
        An ASGI 3 app. Serve it with lifespan events on (uvicorn does by default):
        the session manager runs for the app's lifespan.
    """
    app: ASGIApp = server.streamable_http_app(streamable_http_path=path, host=host)
    return _require_token(app) if require_token else app
