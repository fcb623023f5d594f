"""Fixtures and helpers of the MCP tests, imported by each test module by name.

The directory has neither ``__init__.py`` nor ``conftest.py`` on purpose: as a
package it would be named ``mcp`` and shadow the library, and a second top-level
``conftest`` module would replace the suite's own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

pytest.importorskip("mcp")  # the extra: skip these tests where it is not installed

from mcp import Client

from modelslab_agents import AsyncModelsLab, Secret
from modelslab_agents.mcp import create_server
from modelslab_agents.testing import FakeControlPlane

PASSWORD = "correct-horse-battery"


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


def data(result: Any) -> Any:
    """The ``data`` of a successful tool result."""
    assert not result.is_error, result.content[0].text
    return result.structured_content["data"]


def error(result: Any) -> dict[str, Any]:
    """The ``error`` object of an ``is_error`` result."""
    assert result.is_error, result.structured_content
    err: dict[str, Any] = result.structured_content["error"]
    return err
