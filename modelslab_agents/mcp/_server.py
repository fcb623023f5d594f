"""The MCP server: tools that call the typed SDK, one session's token kept per session.

The server is ``mcp``'s low-level :class:`mcp.server.lowlevel.Server`, given full
tool descriptions (input and output schemas, annotations) from the hosted tool
table or the generated operations table. Every call goes through an
:class:`~modelslab_agents.AsyncModelsLab`, so retries, argument checks, masking and
rate-limit pacing are the SDK's.

Which token a call uses, first found:

1. the token an earlier call of the same session obtained (signup, login,
   verify-email, refresh, switch-account); logout forgets it;
2. over HTTP, the request's ``Authorization: Bearer`` (or ``X-Agent-Token``) header;
3. the server's own token (``token=``), for stdio and in-process use.

A session is the stdio connection (the process) or an in-process server; over
HTTP, a streamable HTTP session (``Mcp-Session-Id``) together with the bearer token
it presents, or, for stateless (2026-07-28) requests, the bearer token alone. An
HTTP request with neither keeps nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

import anyio
import mcp_types as types
from mcp.server.lowlevel import Server

from modelslab_agents._client import AsyncModelsLab
from modelslab_agents._exceptions import ModelsLabError
from modelslab_agents._models import AuthSession, SignupResult
from modelslab_agents._secret import Secret
from modelslab_agents._version import __version__

from ._hosted import ACTIONS, hosted_tool_specs
from ._operations import OPERATION_TOOLS
from ._results import ArgumentError, describe_error, error_data, scrub, to_wire

if TYPE_CHECKING:
    from mcp.server.context import ServerRequestContext

__all__ = ["ToolSet", "create_server", "request_token"]

ToolSet = Literal["hosted", "operations"]

logger = logging.getLogger("modelslab_agents.mcp")

_MAX_SESSIONS: Final = 1024
# Calls whose answer carries a token the session keeps from then on.
_TOKEN_CALLS: Final = frozenset(
    {"auth.signup", "auth.login", "auth.verify_email", "auth.refresh", "tokens.switch_account"}
)
_LOGOUTS: Final = frozenset({"auth.logout", "auth.logout_all"})
# Answers shown with their secret in full: a new API key is what the agent asked for.
_REVEAL: Final = {"api_keys.create": ("key",), "auth.verify_email": ("api_key",)}
_SECRET_ARGUMENTS: Final = frozenset(
    {"password", "password_confirmation", "current_password", "token", "verification_code"}
)


class _Session:
    """What one MCP session remembers: the token its calls obtained."""

    __slots__ = ("_lock", "token")

    def __init__(self) -> None:
        self.token: Secret | None = None
        self._lock: anyio.Lock | None = None

    @property
    def lock(self) -> anyio.Lock:
        # Made on first use, on the event loop that serves the session.
        if self._lock is None:
            self._lock = anyio.Lock()
        return self._lock


class _Sessions:
    """The sessions of one server, the least recently used forgotten past a bound."""

    def __init__(self) -> None:
        self._local = _Session()
        self._by_key: OrderedDict[str, _Session] = OrderedDict()

    def get(self, request: Any) -> _Session:
        if request is None:
            return self._local  # stdio or in-process: the server serves one client
        session_id = request.headers.get("mcp-session-id", "")
        bearer = request_token(request)
        if not session_id and bearer is None:
            return _Session()  # nothing tells this client from another: nothing is kept
        credential = bearer.get_secret_value() if bearer is not None else ""
        key = f"{session_id}:{hashlib.sha256(credential.encode()).hexdigest()}"
        session = self._by_key.get(key)
        if session is None:
            session = self._by_key[key] = _Session()
            while len(self._by_key) > _MAX_SESSIONS:
                self._by_key.popitem(last=False)
        else:
            self._by_key.move_to_end(key)
        return session


def request_token(request: Any) -> Secret | None:
    """The bearer token an HTTP request carries (``Authorization: Bearer`` or
    ``X-Agent-Token``), or None."""
    headers: Mapping[str, str] = request.headers
    value = headers.get("authorization", "")
    scheme, _, credentials = value.strip().partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return Secret(credentials.strip())
    agent_token = headers.get("x-agent-token", "").strip()
    return Secret(agent_token) if agent_token else None


def _tool(spec: Mapping[str, Any]) -> types.Tool:
    return types.Tool(
        name=spec["name"],
        description=spec["description"],
        input_schema=spec["input_schema"],
        output_schema=spec["output_schema"],
        annotations=types.ToolAnnotations(**spec["annotations"]),
    )


class _Call:
    """A resolved tool call: the SDK method and its keyword arguments."""

    __slots__ = ("kwargs", "operation")

    def __init__(self, operation: str, kwargs: dict[str, Any]) -> None:
        self.operation = operation
        self.kwargs = kwargs


def _unknown(arguments: Mapping[str, Any], known: set[str], tool: str) -> None:
    extra = sorted(set(arguments) - known)
    if extra:
        raise ArgumentError(
            f"{tool} does not take {', '.join(extra)}",
            {name: ["not an argument of this tool"] for name in extra},
        )


def _hosted_call(tool: str, arguments: Mapping[str, Any]) -> _Call:
    actions = ACTIONS[tool]
    action_name = arguments.get("action")
    if not isinstance(action_name, str) or action_name not in actions:
        given = "missing" if action_name is None else "not one of them"
        raise ArgumentError(
            f"action is {given}; {tool} takes action {', '.join(actions)}",
            {"action": [f"must be one of: {', '.join(actions)}"]},
        )
    action = actions[action_name]
    fields = {k: v for k, v in arguments.items() if k != "action"}
    taken = set(action.required) | set(action.optional)
    extra = sorted(set(fields) - taken)
    missing = [name for name in action.required if fields.get(name) is None]
    if extra or missing:
        details = {name: [f"{action_name} does not take {name}"] for name in extra}
        details.update({name: [f"{action_name} needs {name}"] for name in missing})
        parts = []
        if missing:
            parts.append(f"needs {', '.join(missing)}")
        if extra:
            parts.append(f"does not take {', '.join(extra)}")
        raise ArgumentError(f"{tool} {action_name} {' and '.join(parts)}", details)
    for name in action.confirm:
        if name in fields and fields[name] != fields.get("password"):
            raise ArgumentError(f"{name} does not match password", {name: ["must equal password"]})
    kwargs = {
        action.rename.get(name, name): value
        for name, value in fields.items()
        if name not in action.confirm
    }
    return _Call(action.operation, kwargs)


_OPERATIONS: Final = {spec["name"]: spec for spec in OPERATION_TOOLS}


def _operation_call(tool: str, arguments: Mapping[str, Any]) -> _Call:
    spec = _OPERATIONS[tool]
    schema = spec["input_schema"]
    _unknown(arguments, set(schema["properties"]), tool)
    missing = [name for name in schema["required"] if arguments.get(name) is None]
    if missing:
        raise ArgumentError(
            f"{tool} needs {', '.join(missing)}", {name: ["required"] for name in missing}
        )
    return _Call(f"{spec['resource']}.{spec['method']}", dict(arguments))


def _result(data: Any) -> types.CallToolResult:
    structured = {"data": data}
    return types.CallToolResult(
        content=[types.TextContent(text=json.dumps(structured, ensure_ascii=False))],
        structured_content=structured,
    )


def _error_result(error: dict[str, Any]) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(text=describe_error(error))],
        structured_content={"error": error},
        is_error=True,
    )


class _ToolServer:
    """The tools of one server and the sessions they keep tokens in."""

    def __init__(self, client: AsyncModelsLab, tools: ToolSet, token: Secret | None) -> None:
        self._client = client
        self._token = token
        self._sessions = _Sessions()
        if tools == "hosted":
            specs = hosted_tool_specs()
            self._resolve = _hosted_call
        elif tools == "operations":
            specs = list(OPERATION_TOOLS)
            self._resolve = _operation_call
        else:
            raise ValueError("tools must be 'hosted' or 'operations'")
        self._tools = [_tool(spec) for spec in specs]
        self._names = {tool.name for tool in self._tools}

    async def list_tools(
        self, ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=self._tools)

    async def call_tool(
        self, ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        arguments = dict(params.arguments or {})
        request = ctx.request
        session = self._sessions.get(request)
        bearer = request_token(request) if request is not None else None
        # Every value that must never be shown back, for the final scrub.
        secrets = [v for k, v in arguments.items() if k in _SECRET_ARGUMENTS and isinstance(v, str)]
        for known in (session.token, bearer, self._token, self._client.token):
            if known:
                secrets.append(known.get_secret_value())
        if params.name not in self._names:
            return _error_result(
                error_data(ArgumentError(f"no tool named {params.name!r}", {"name": ["unknown"]}))
            )
        try:
            call = self._resolve(params.name, arguments)
            logger.info("MCP tool %s -> %s", params.name, call.operation)
            async with session.lock:  # one session's calls see each other's token
                data = await self._run(call, session, bearer)
        except (ModelsLabError, ValueError, TypeError) as exc:
            error = error_data(exc)
            logger.info("MCP tool %s failed: %s", params.name, error["type"])
            return _error_result(scrub(error, secrets))
        except Exception:
            logger.exception("MCP tool %s failed unexpectedly", params.name)
            return _error_result(error_data(RuntimeError()))
        if session.token is not None:
            secrets.append(session.token.get_secret_value())
        return _result(scrub(data, secrets))

    async def _run(self, call: _Call, session: _Session, bearer: Secret | None) -> Any:
        token = session.token or bearer or self._token
        client = self._client.with_token(token)
        resource, method = call.operation.split(".")
        try:
            function = getattr(getattr(client, resource), method)
        except AttributeError:
            raise ArgumentError(
                f"this SDK version has no {call.operation}", {"action": ["not supported"]}
            ) from None
        answer = await function(**call.kwargs)
        if call.operation in _TOKEN_CALLS and isinstance(answer, (AuthSession, SignupResult)):
            if answer.access_token:
                session.token = answer.access_token
        elif call.operation in _LOGOUTS:
            session.token = None
        return to_wire(answer, reveal=_REVEAL.get(call.operation, ()))


def create_server(
    client: AsyncModelsLab | None = None,
    *,
    tools: ToolSet = "hosted",
    token: str | Secret | None = None,
    name: str = "modelslab-agents",
) -> Server[Any]:
    """An MCP server whose tools manage a ModelsLab account through the SDK.

    Args:
        client: The SDK client the tools call (its base URL, timeouts and retries);
            by default one built from ``MODELSLAB_BASE_URL``. Its own token is not
            used: pass ``token``.
        tools: ``"hosted"`` (default): the hosted server's five tools, each with an
            ``action``; ``"operations"``: one tool per SDK method.
        token: The token calls use until a call obtains one (stdio and in-process;
            over HTTP each request's bearer token comes before it).
        name: The server name announced to clients.

    Returns:
        A low-level :class:`mcp.server.lowlevel.Server`: run it over stdio, mount
        :func:`streamable_http_app`, or connect ``mcp.Client(server)`` in tests.

    Raises:
        ValueError: ``tools`` is neither ``"hosted"`` nor ``"operations"``.
    """
    sdk = client if client is not None else AsyncModelsLab(Secret(""))
    resolved = Secret(token) if isinstance(token, str) else token
    tool_server = _ToolServer(sdk, tools, resolved or None)
    return Server(
        name,
        version=__version__,
        instructions=(
            "Manage a ModelsLab account: sign up or log in first; the token is kept for "
            "this session and never shown."
        ),
        on_list_tools=tool_server.list_tools,
        on_call_tool=tool_server.call_tool,
    )
