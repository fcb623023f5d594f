"""The ModelsLab control plane as Model Context Protocol tools, for agents.

Needs the ``mcp`` extra (``pip install 'modelslab-agents[mcp]'``); nothing else in
the SDK imports this package, so ``import modelslab_agents`` never pays for ``mcp``.

* :func:`create_server` builds the server: the hosted tool set (``agent-auth``,
  ``agent-tokens``, ``agent-profile``, ``agent-api-keys``, ``agent-teams``) or one
  tool per SDK operation (``tools="operations"``).
* :func:`streamable_http_app` serves it over streamable HTTP (an ASGI app).
* ``modelslab-agents mcp serve`` runs it over stdio or HTTP from the shell.

Results are structured content in the wire's field names; bearer tokens and
passwords never appear in a result, an error or a log line; a new API key is shown
in full once, in the answer that created it.
"""

from __future__ import annotations

try:
    import mcp as _mcp  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "modelslab_agents.mcp needs the 'mcp' extra: pip install 'modelslab-agents[mcp]'"
    ) from exc

from ._hosted import HOSTED_TOOLS
from ._http import streamable_http_app
from ._server import ToolSet, create_server

__all__ = ["HOSTED_TOOLS", "ToolSet", "create_server", "streamable_http_app"]
