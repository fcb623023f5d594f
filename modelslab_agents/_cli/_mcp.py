"""``modelslab-agents mcp serve``: the control plane as MCP tools, over stdio or HTTP.

``mcp`` (the extra) is imported only when the command runs, so the rest of the
command line starts as fast as without it.
"""

from __future__ import annotations

import importlib
import socket
import sys
from typing import TYPE_CHECKING

import click

from modelslab_agents._sockets import bind_tcp

from ._errors import CliError
from ._state import AppState, pass_state

if TYPE_CHECKING:
    from modelslab_agents._client import AsyncModelsLab
    from modelslab_agents._secret import Secret
    from modelslab_agents.mcp import ToolSet

__all__ = ["mcp"]

DEFAULT_PORT = 8788
_EXTRA_HINT = "pip install 'modelslab-agents[mcp]'"


@click.group(short_help="Serve the control plane as MCP tools for agents.")
def mcp() -> None:
    """Serve the control plane as Model Context Protocol tools (the `mcp` extra)."""


@mcp.command(short_help="Run the MCP server (stdio by default).")
@click.option(
    "--transport",
    type=click.Choice(["stdio", "http"]),
    default="stdio",
    show_default=True,
    help="stdio for a client that starts the server; http for streamable HTTP at /mcp.",
)
@click.option(
    "--tools",
    type=click.Choice(["hosted", "operations"]),
    default="hosted",
    show_default=True,
    help="hosted: agent-auth, agent-tokens, agent-profile, agent-api-keys, agent-teams; "
    "operations: one tool per SDK method (auth_login, api_keys_create, ...).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="HTTP: address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="HTTP: port to listen on.",
)
@pass_state
def serve(state: AppState, transport: str, tools: str, host: str, port: int) -> None:
    """Run an MCP server whose tools manage a ModelsLab account through the SDK.

    Over stdio, calls use MODELSLAB_AGENT_TOKEN, else the profile's stored token,
    until a call obtains one (signup, login, verify-email, refresh,
    switch-account), which the session then keeps. Over HTTP (`--transport http`,
    endpoint /mcp) each request's `Authorization: Bearer` token is used instead;
    the server's own token never is. Tokens and passwords never appear in a
    result or a log line; a new API key is shown in full once.

    \b
    Client configuration (stdio):
      {"command": "modelslab-agents", "args": ["mcp", "serve"]}
    HTTP:
      modelslab-agents mcp serve --transport http --port 8788
      -> http://127.0.0.1:8788/mcp
    """
    try:
        importlib.import_module("mcp")
    except ImportError:
        raise CliError(f"`mcp serve` needs the 'mcp' extra: {_EXTRA_HINT}") from None
    import anyio

    tool_set: ToolSet = "operations" if tools == "operations" else "hosted"
    if transport == "stdio":
        anyio.run(_serve_stdio, state, tool_set, state.token()[0])
    else:
        try:
            sock = bind_tcp(host, port, "MCP")
        except OSError as exc:
            raise CliError(exc.strerror or str(exc)) from None
        with sock:
            anyio.run(_serve_http, state, tool_set, host, sock)


def _client(state: AppState) -> AsyncModelsLab:
    from modelslab_agents._client import AsyncModelsLab
    from modelslab_agents._secret import Secret

    options: dict[str, object] = {}
    if state.timeout is not None:
        options["timeout"] = state.timeout
    if state.max_retries is not None:
        options["max_retries"] = state.max_retries
    return AsyncModelsLab(
        Secret(""),  # the server picks each call's token; never the environment's here
        base_url=state.base_url(),
        allow_insecure_http=state.allow_insecure_http,
        **options,  # type: ignore[arg-type]
    )


async def _serve_stdio(state: AppState, tools: ToolSet, token: Secret | None) -> None:
    from mcp.server.stdio import stdio_server

    from modelslab_agents.mcp import create_server

    async with _client(state) as client:
        server = create_server(client, tools=tools, token=token)
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())


async def _serve_http(state: AppState, tools: ToolSet, host: str, sock: socket.socket) -> None:
    import uvicorn

    from modelslab_agents.mcp import create_server, streamable_http_app

    async with _client(state) as client:
        server = create_server(client, tools=tools)
        app = streamable_http_app(server, host=host)
        config = uvicorn.Config(
            app, log_level="warning", log_config=None, access_log=False, server_header=False
        )
        url_host = f"[{host}]" if ":" in host else host
        url = f"http://{url_host}:{sock.getsockname()[1]}/mcp"
        # The URL on stdout's first line, for scripts; the rest goes to stderr.
        click.echo(url)
        sys.stdout.flush()
        click.echo(f"MCP server ({tools} tools) at {url}, API {state.base_url()}", err=True)
        await uvicorn.Server(config).serve(sockets=[sock])
