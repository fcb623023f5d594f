"""Batches: run one operation over many items with bounded concurrency.

Items are pulled by a fixed set of workers rather than one task per item, so a
batch of 10,000 never holds more than ``concurrency`` requests (and tasks) at
once, and the client's pool (20 connections) is never asked for more than it keeps
open.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar, overload

import anyio
import anyio.lowlevel
import attrs

from ._exceptions import APITimeoutError, BatchError
from ._validation import describe_rejected

__all__ = ["BatchResult", "Outcome", "run_batch"]

I = TypeVar("I")  # noqa: E741
T = TypeVar("T")

DEFAULT_CONCURRENCY = 16


@attrs.frozen
class Outcome(Generic[I, T]):
    """What happened to one item of a batch.

    Attributes:
        item: The input item.
        ok: Whether the operation succeeded.
        value: Its result when ``ok`` (None otherwise).
        error: Its exception when not ``ok`` (None otherwise).
    """

    item: I
    ok: bool
    value: T | None = None
    error: BaseException | None = None

    def unwrap(self) -> T:
        """Return the value, or raise the error."""
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]


class BatchResult(Sequence[Outcome[I, T]]):
    """One :class:`Outcome` per input item, in input order."""

    __slots__ = ("_outcomes",)

    def __init__(self, outcomes: Sequence[Outcome[I, T]]) -> None:
        self._outcomes = tuple(outcomes)

    @overload
    def __getitem__(self, index: int) -> Outcome[I, T]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Outcome[I, T]]: ...
    def __getitem__(self, index: int | slice) -> Outcome[I, T] | Sequence[Outcome[I, T]]:
        return self._outcomes[index]

    def __len__(self) -> int:
        return len(self._outcomes)

    def __iter__(self) -> Iterator[Outcome[I, T]]:
        return iter(self._outcomes)

    @property
    def succeeded(self) -> list[Outcome[I, T]]:
        """The outcomes that succeeded, in input order."""
        return [o for o in self._outcomes if o.ok]

    @property
    def failed(self) -> list[Outcome[I, T]]:
        """The outcomes that failed, in input order."""
        return [o for o in self._outcomes if not o.ok]

    @property
    def values(self) -> list[T]:
        """The values of the successful outcomes, in input order."""
        return [o.value for o in self._outcomes if o.ok]  # type: ignore[misc]

    @property
    def ok(self) -> bool:
        """Whether every item succeeded."""
        return all(o.ok for o in self._outcomes)

    def raise_for_errors(self) -> None:
        """Raise a :class:`BatchError` holding every failure, if there was one."""
        failed = self.failed
        if failed:
            raise BatchError(failed, len(self._outcomes))

    def __repr__(self) -> str:
        return (
            f"<BatchResult {len(self._outcomes)} items: {len(self.succeeded)} succeeded, "
            f"{len(self.failed)} failed>"
        )


def check_concurrency(concurrency: object) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        shown = concurrency if type(concurrency) is int else describe_rejected(concurrency)
        raise ValueError(f"concurrency must be a positive int, got {shown}")
    return concurrency


async def run_batch(
    fn: Callable[[I], Awaitable[T]],
    items: Iterable[I],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    on_progress: Callable[[int, int], object] | None = None,
    timeout: float | None = None,
) -> BatchResult[I, T]:
    """Run ``fn`` over ``items``; see :meth:`AsyncModelsLab.map`.

    ``on_progress`` may return an awaitable, which is awaited. An exception it
    raises cancels the batch and propagates as it is.
    """
    check_concurrency(concurrency)
    if not callable(fn):
        raise TypeError(f"fn must be callable, got {type(fn).__name__}")
    if timeout is not None and (isinstance(timeout, bool) or not timeout > 0):
        shown = timeout if type(timeout) in (int, float) else describe_rejected(timeout)
        raise ValueError(f"timeout must be a positive number of seconds, got {shown}")
    todo = list(items)
    total = len(todo)
    outcomes: list[Outcome[I, T] | None] = [None] * total
    started = [False] * total
    pending = iter(enumerate(todo))
    done = 0
    progress_error: list[BaseException] = []
    cancelled = anyio.get_cancelled_exc_class()

    async def worker(stop: anyio.CancelScope) -> None:
        nonlocal done
        for index, item in pending:
            started[index] = True
            try:
                value = await fn(item)
            except cancelled as exc:
                # The batch's deadline, its stop or the caller's cancellation raise
                # here again; anything else was the item's own code (say, awaiting a
                # future someone else cancelled) and fails that item alone.
                await anyio.lowlevel.checkpoint_if_cancelled()
                outcomes[index] = Outcome(item, False, None, exc)
            except Exception as exc:
                outcomes[index] = Outcome(item, False, None, exc)
            else:
                outcomes[index] = Outcome(item, True, value, None)
            done += 1
            if on_progress is not None:
                try:
                    reported = on_progress(done, total)
                    if inspect.isawaitable(reported):
                        await reported
                except Exception as exc:
                    progress_error.append(exc)
                    stop.cancel()
                    return

    with anyio.move_on_after(math.inf if timeout is None else timeout):
        async with anyio.create_task_group() as tg:
            for _ in range(min(concurrency, total)):
                tg.start_soon(worker, tg.cancel_scope)
    if progress_error:
        raise progress_error[0]

    result: list[Outcome[I, T]] = []
    for index, outcome in enumerate(outcomes):
        if outcome is None:  # only after the batch's own timeout: workers record the rest
            what = (
                "was cancelled in flight; the server may have acted on it"
                if started[index]
                else "never started"
            )
            outcome = Outcome(
                todo[index], False, None, APITimeoutError(f"the batch timed out: this item {what}")
            )
        result.append(outcome)
    return BatchResult(result)
