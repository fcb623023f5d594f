"""pytest fixtures for code that uses modelslab-agents, backed by the offline emulator.

Registered through the ``pytest11`` entry point, so this module is imported by every
pytest run in an environment with the package installed: it imports nothing heavy at
module level; the emulator and the SDK are imported inside the fixtures.

Fixtures:

- ``modelslab_fake``: a fresh :class:`~modelslab_agents.testing.FakeControlPlane`.
- ``modelslab_client``: an ``AsyncModelsLab`` on the fake's in-process transport.
- ``modelslab_sync_client``: a ``ModelsLab`` on the same.
- ``modelslab_account``: a :class:`~modelslab_agents.testing.FakeAccount` signed up
  and logged in on ``modelslab_fake``: ``.email``, ``.password`` and ``.token``.

The clients carry no token (use ``client.with_token(modelslab_account.token)``), and the
``MODELSLAB_AGENT_TOKEN``, ``MODELSLAB_TOKEN`` and ``MODELSLAB_BASE_URL`` environment
variables are unset for the test, so a developer's real credentials never reach a test.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from modelslab_agents import AsyncModelsLab, ModelsLab
    from modelslab_agents.testing import FakeAccount, FakeControlPlane

_CREDENTIAL_VARIABLES = ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN", "MODELSLAB_BASE_URL")
ACCOUNT_EMAIL = "account@example.com"
ACCOUNT_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def modelslab_fake() -> FakeControlPlane:
    """A fresh emulator of the Agent Control Plane, for this test only."""
    from modelslab_agents.testing import FakeControlPlane

    return FakeControlPlane()


@pytest.fixture
def modelslab_client(
    modelslab_fake: FakeControlPlane, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AsyncModelsLab]:
    """An ``AsyncModelsLab`` wired to ``modelslab_fake`` in-process, closed after the test.

    The fixture itself is synchronous, so it needs no async plugin: the test uses the
    client inside its own event loop (``@pytest.mark.anyio``, pytest-asyncio, or
    ``asyncio.run``/``trio.run`` in the test body).

    Closing afterwards must not touch that loop, which is gone by then (the classic
    "Event loop is closed"). The in-process transport holds no sockets and nothing bound
    to a loop, so ``aclose()`` finishes without ever suspending; the fixture steps the
    coroutine by hand, with no event loop at all. Should it suspend after all, it is run
    to completion on a fresh loop in a helper thread instead.
    """
    from modelslab_agents import AsyncModelsLab

    _forget_credentials(monkeypatch)
    client = AsyncModelsLab(transport=modelslab_fake.transport())
    try:
        yield client
    finally:
        close_without_loop(client.aclose)


@pytest.fixture
def modelslab_sync_client(
    modelslab_fake: FakeControlPlane, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ModelsLab]:
    """A blocking ``ModelsLab`` wired to ``modelslab_fake`` in-process, closed after the test."""
    from modelslab_agents import ModelsLab

    _forget_credentials(monkeypatch)
    client = ModelsLab(transport=modelslab_fake.transport())
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def modelslab_account(modelslab_fake: FakeControlPlane) -> FakeAccount:
    """An account signed up on ``modelslab_fake`` (email verified) and logged in.

    The account is seeded straight into the emulator, so ``modelslab_fake.requests``
    and ``modelslab_fake.outbox`` start empty and no rate limit is spent. Its token has
    every scope; use it with ``modelslab_client.with_token(modelslab_account.token)``.
    """
    from modelslab_agents._secret import Secret
    from modelslab_agents.testing import FakeAccount

    user_id = modelslab_fake.create_account(ACCOUNT_EMAIL, ACCOUNT_PASSWORD, name="Test Account")
    token = modelslab_fake.issue_token(ACCOUNT_EMAIL, device_name="modelslab_account")
    return FakeAccount(
        id=user_id,
        email=ACCOUNT_EMAIL,
        password=Secret(ACCOUNT_PASSWORD),
        token=Secret(token),
    )


def _forget_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _CREDENTIAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def close_without_loop(aclose: Any) -> None:
    """Run the coroutine ``aclose()`` from synchronous code, without an event loop.

    A coroutine that completes without suspending needs no loop: sending ``None`` into it
    runs it to the end. If it does suspend (it awaits real I/O), or needs to know its
    async library, it is abandoned and ``aclose()`` is run again on a fresh asyncio loop
    in a helper thread, which works whatever loop the calling thread may be running.
    """
    coroutine: Coroutine[Any, Any, Any] = aclose()
    try:
        coroutine.send(None)
    except StopIteration:
        return
    except Exception:  # e.g. no async library detected: retry below, on a real loop
        pass
    coroutine.close()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(aclose())
        except BaseException as exc:  # surfaced in the calling thread
            errors.append(exc)

    helper = threading.Thread(target=run, name="modelslab-close")
    helper.start()
    helper.join()
    if errors:
        raise errors[0]
