"""MCP tests: the official ``mcp`` client against the SDK's MCP server.

The directory has no ``__init__.py`` on purpose: as a package named ``mcp`` it
would shadow the ``mcp`` library itself.
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator

import pytest

if importlib.util.find_spec("mcp") is None:  # the extra is not installed here
    collect_ignore_glob = ["test_*.py"]
else:
    from mcp import Client

    from modelslab_agents import AsyncModelsLab, Secret
    from modelslab_agents.mcp import create_server
    from modelslab_agents.testing import FakeControlPlane

    @pytest.fixture
    def fake() -> FakeControlPlane:
        return FakeControlPlane()

    @pytest.fixture
    def sdk(fake: FakeControlPlane) -> AsyncModelsLab:
        return AsyncModelsLab(
            Secret(""),
            base_url="http://127.0.0.1/api/agents/v1",
            transport=fake.transport(),
            retry_backoff=0,
        )

    @pytest.fixture
    async def hosted(sdk: AsyncModelsLab) -> AsyncIterator[Client]:
        async with Client(create_server(sdk)) as client:
            yield client

    @pytest.fixture
    async def operations(sdk: AsyncModelsLab) -> AsyncIterator[Client]:
        async with Client(create_server(sdk, tools="operations")) as client:
            yield client
