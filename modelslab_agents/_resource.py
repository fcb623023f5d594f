"""Base classes of the generated resources (see ``_resources``)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from ._client import AsyncModelsLab

__all__ = ["AsyncResource", "Runner", "SyncResource"]

T = TypeVar("T")
A = TypeVar("A", bound="AsyncResource")


class AsyncResource:
    """A group of routes of one async client; its methods go through ``_request``."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncModelsLab) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class Runner(Protocol):
    """Runs a coroutine to completion on a blocking client's event loop."""

    def run(self, coro: Coroutine[Any, Any, T]) -> T: ...


class SyncResource(Generic[A]):
    """The blocking twin of an :class:`AsyncResource`: each method runs the async
    method of the same name on the blocking client's event loop."""

    __slots__ = ("_async", "_runner")

    def __init__(self, twin: A, runner: Runner) -> None:
        self._async = twin
        self._runner = runner

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._runner.run(coro)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._async._client!r}>"
