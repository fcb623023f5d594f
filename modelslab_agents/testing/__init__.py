"""Test against an offline emulator of the ModelsLab Agent Control Plane.

.. code-block:: python

    from modelslab_agents import AsyncModelsLab
    from modelslab_agents.testing import FakeControlPlane

    fake = FakeControlPlane()
    client = AsyncModelsLab(transport=fake.transport())  # in-process, no sockets
    with fake.serve() as base_url:                        # real HTTP on 127.0.0.1
        ...
    fake.outbox                                           # emails it "sent", oldest first

The pytest plugin installed with the package provides the fixtures ``modelslab_fake``,
``modelslab_client`` and ``modelslab_sync_client``. Names are imported on first use, so
importing this package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._core import HandledRequest
    from ._fake import FakeControlPlane
    from ._faults import Fault
    from ._model import Email

__all__ = ["Email", "FakeControlPlane", "Fault", "HandledRequest"]

_HOMES = {
    "Email": "._model",
    "FakeControlPlane": "._fake",
    "Fault": "._faults",
    "HandledRequest": "._core",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
