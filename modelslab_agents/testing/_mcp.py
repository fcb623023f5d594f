"""The emulator's MCP endpoint: the hosted tool set at ``/mcp/agents``.

With the ``mcp`` extra installed, the served emulator answers streamable HTTP at
exactly ``/mcp/agents`` beside the REST API, like the hosted server: each request
must carry a bearer token (none: 401), which the tools use until a call of the
session obtains another. The tools call the SDK, which calls the emulator's own
REST app in-process, so both share one state.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any, Final

from ._asgi import AsgiApp, Receive, Scope, Send
from ._wire import API_ROOT

__all__ = ["MCP_PATH", "mcp_url", "with_mcp"]

MCP_PATH: Final = "/mcp/agents"


class _WithMcp:
    """Routes ``/mcp/agents`` to the MCP app and everything else to the REST app;
    lifespan events go to the MCP app, whose session manager they run.

    The MCP app is built at lifespan startup, on the server's own event loop: its
    locks belong to the loop that first makes them.
    """

    def __init__(self, api: AsgiApp, make_mcp_app: Callable[[], Any]) -> None:
        self._api = api
        self._make_mcp_app = make_mcp_app
        self._mcp: Any = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            if self._mcp is None:
                self._mcp = self._make_mcp_app()
            await self._mcp(scope, receive, send)
        elif (
            self._mcp is not None
            and scope["type"] == "http"
            and scope["path"].rstrip("/") == MCP_PATH
        ):
            await self._mcp(scope, receive, send)
        else:
            await self._api(scope, receive, send)


def mcp_url(base_url: str) -> str | None:
    """The MCP endpoint of an emulator served at ``base_url``, or None without ``mcp``."""
    if importlib.util.find_spec("mcp") is None or not base_url.endswith(API_ROOT):
        return None
    return base_url[: -len(API_ROOT)] + MCP_PATH


def with_mcp(api: AsgiApp, host: str = "127.0.0.1") -> AsgiApp | _WithMcp:
    """``api`` with the MCP endpoint beside it, or ``api`` alone without ``mcp``."""
    if importlib.util.find_spec("mcp") is None:
        return api
    import httpx

    from modelslab_agents._client import AsyncModelsLab
    from modelslab_agents._secret import Secret
    from modelslab_agents.mcp import create_server, streamable_http_app

    def make_mcp_app() -> Any:
        # The tools reach the REST app in-process; the base URL only names it.
        client = AsyncModelsLab(
            Secret(""),
            base_url=f"http://127.0.0.1{API_ROOT}",
            transport=httpx.ASGITransport(app=api),
        )
        server = create_server(client, name="modelslab-emulator")
        app = streamable_http_app(server, path=MCP_PATH, host=host, require_token=True)
        return _NoSlash(app)

    return _WithMcp(api, make_mcp_app)


class _NoSlash:
    """Serves ``/mcp/agents/`` as ``/mcp/agents`` (the route matches the exact path)."""

    def __init__(self, app: Any) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] != MCP_PATH:
            scope = {**scope, "path": MCP_PATH, "raw_path": MCP_PATH.encode()}
        await self._app(scope, receive, send)
