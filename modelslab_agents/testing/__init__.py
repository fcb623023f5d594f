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
``modelslab_client``, ``modelslab_sync_client`` and ``modelslab_account`` (a
:class:`FakeAccount`). Names are imported on first use, so
importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelslab_agents._lazy import lazy_namespace

if TYPE_CHECKING:
    from ._account import FakeAccount
    from ._core import HandledRequest
    from ._fake import FakeControlPlane
    from ._faults import Fault
    from ._model import Email

__all__ = ["Email", "FakeAccount", "FakeControlPlane", "Fault", "HandledRequest"]

_HOMES = {
    "Email": "._model",
    "FakeAccount": "._account",
    "FakeControlPlane": "._fake",
    "Fault": "._faults",
    "HandledRequest": "._core",
}


__getattr__, __dir__ = lazy_namespace(__name__, _HOMES, __all__, globals())
