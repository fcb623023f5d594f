"""``mcp`` is loaded only by the MCP package: the SDK and the CLI start without it."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("mcp")

import modelslab_agents.mcp

LOADED_MCP = "import sys; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mcp'))"


@pytest.mark.parametrize(
    "statement",
    [
        "import modelslab_agents",
        "import modelslab_agents._cli._app",
        "import modelslab_agents.testing",
    ],
)
def test_the_sdk_and_the_command_line_do_not_import_mcp(statement: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", f"{statement}; {LOADED_MCP}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "[]"


def test_the_packages_public_names() -> None:
    assert sorted(modelslab_agents.mcp.__all__) == [
        "HOSTED_TOOLS",
        "ToolSet",
        "create_server",
        "streamable_http_app",
    ]
    assert modelslab_agents.mcp.HOSTED_TOOLS == (
        "agent-auth",
        "agent-tokens",
        "agent-profile",
        "agent-api-keys",
        "agent-teams",
    )
