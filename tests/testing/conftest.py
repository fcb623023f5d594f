from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, Api


@pytest.fixture
def fake() -> FakeControlPlane:
    return FakeControlPlane(seed=1234)


@pytest.fixture
async def api(fake: FakeControlPlane) -> AsyncIterator[Api]:
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        yield Api(fake, client)
