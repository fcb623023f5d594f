"""`ModelsLab`, the blocking client: the async core run on a loop the client owns.

Each blocking client family (a client and its siblings) owns one event loop,
started by anyio in a daemon thread on first use. A call hands its coroutine to
that loop and waits on a lock: one cross-thread hop each way, where anyio's
``BlockingPortal.call`` makes two. Because the loop lives in its own thread, the
client works where an event loop is already running (notebooks, async code).

Also handled: Ctrl-C while waiting cancels the request in flight; after
``os.fork()`` the child starts a fresh loop and pool on first use; the loop
thread and sockets are released on :meth:`close`, on leaving ``with``, when the
client is garbage-collected, and at interpreter exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import weakref
from collections.abc import Callable, Coroutine, Iterable
from types import TracebackType
from typing import Any, Final, TypeVar

import anyio
import anyio.to_thread
import httpx

from ._batch import BatchResult, check_concurrency, run_batch
from ._client import DEFAULT_TIMEOUT, AsyncModelsLab
from ._resource import SyncResource
from ._sync_resources import SyncResources
from ._retry import RetryHook
from ._secret import Secret

__all__ = ["ModelsLab"]

T = TypeVar("T")
I = TypeVar("I")  # noqa: E741

_CANCEL_GRACE: Final = 5.0  # seconds to let a cancelled request unwind after Ctrl-C


class _Waiter:
    """Carries one coroutine's outcome from the loop thread to the caller."""

    __slots__ = ("error", "lock", "result", "task")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.lock.acquire()
        self.task: asyncio.Task[Any] | None = None
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self, coro: Coroutine[Any, Any, Any]) -> None:
        # Runs on the loop thread.
        self.task = task = asyncio.get_running_loop().create_task(coro)
        task.add_done_callback(self.finish)

    def finish(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled():
            self.error = asyncio.CancelledError()
        else:
            self.error = task.exception()
            if self.error is None:
                self.result = task.result()
        self.lock.release()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()


class _LoopThread:
    """An event loop in a daemon thread, started lazily, for one client family."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stop: asyncio.Event | None = None

    @property
    def thread_id(self) -> int | None:
        return self._thread.ident if self._thread is not None else None

    def loop(self) -> asyncio.AbstractEventLoop:
        loop = self._loop
        if loop is not None:
            return loop
        with self._lock:
            if self._loop is None:
                self._start()
            assert self._loop is not None
            return self._loop

    def _start(self) -> None:
        ready = threading.Event()

        async def serve() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            ready.set()
            await self._stop.wait()

        def main() -> None:
            anyio.run(serve, backend="asyncio")

        self._thread = threading.Thread(target=main, name="modelslab-agents-loop", daemon=True)
        self._thread.start()
        ready.wait()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the loop and wait for it; Ctrl-C cancels it."""
        if threading.get_ident() == self.thread_id:
            coro.close()
            raise RuntimeError(
                "a blocking ModelsLab method was called on the client's own event loop "
                "(e.g. from an on_progress callback); use the async client there"
            )
        waiter = _Waiter()
        loop = self.loop()
        loop.call_soon_threadsafe(waiter.start, coro)
        try:
            waiter.lock.acquire()
        except BaseException:  # KeyboardInterrupt, or another async exception
            loop.call_soon_threadsafe(waiter.cancel)
            waiter.lock.acquire(timeout=_CANCEL_GRACE)
            raise
        if waiter.error is not None:
            raise waiter.error
        return waiter.result  # type: ignore[no-any-return]

    def stop(self) -> None:
        """Stop the loop and join its thread (not from the thread itself)."""
        with self._lock:
            loop, thread, stop = self._loop, self._thread, self._stop
            self._loop = self._thread = self._stop = None
        if loop is None or thread is None or stop is None:
            return
        try:
            loop.call_soon_threadsafe(stop.set)
        except RuntimeError:  # loop already closed
            return
        if threading.current_thread() is not thread:
            thread.join(timeout=_CANCEL_GRACE)

    def forget(self) -> None:
        """After fork: the thread is gone in the child; start afresh on next use."""
        self._lock = threading.Lock()
        self._loop = self._thread = self._stop = None


class _Runtime:
    """What a blocking client shares with its siblings: the loop and the async core."""

    def __init__(self, core: AsyncModelsLab) -> None:
        self.loop = _LoopThread()
        self.core = core
        self.pid = os.getpid()
        self.closed = False
        _RUNTIMES.add(self)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        if self.pid != os.getpid():
            self._after_fork()
        if self.closed:
            coro.close()
            raise RuntimeError("this client has been closed; create a new one")
        return self.loop.run(coro)

    def _after_fork(self) -> None:
        self.pid = os.getpid()
        self.loop.forget()
        self.core._pool.forget_after_fork()

    def shutdown(self) -> None:
        """Close the pool on its loop, then stop the loop. Idempotent."""
        if self.closed:
            return
        self.closed = True
        loop_thread = self.loop.thread_id
        if self.pid == os.getpid() and loop_thread not in (None, threading.get_ident()):
            with contextlib.suppress(Exception):  # closing must not fail
                self.loop.run(self.core.aclose())
        self.loop.stop()


_RUNTIMES: weakref.WeakSet[_Runtime] = weakref.WeakSet()


def _forget_after_fork() -> None:
    for runtime in list(_RUNTIMES):
        runtime.pid = -1  # makes the next call in the child start afresh


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


class ModelsLab(SyncResources):
    """The blocking client: the same resources and methods as :class:`AsyncModelsLab`,
    taking the same arguments, raising the same exceptions.

    It is safe to share between threads and works inside a running event loop
    (notebooks). Use it as ``with ModelsLab(...) as client:``, or call
    :meth:`close`; a forgotten client is closed when garbage-collected or at exit.
    """

    def __init__(
        self,
        token: str | Secret | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: dict[str, str] | None = None,
        allow_insecure_http: bool = False,
        retry_backoff: float = 0.5,
        max_retry_after: float = 60.0,
        total_timeout: float = 120.0,
        on_retry: RetryHook | None = None,
    ) -> None:
        core = AsyncModelsLab(
            token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            transport=transport,
            http_client=http_client,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            total_timeout=total_timeout,
            on_retry=on_retry,
        )
        self._setup(core, _Runtime(core), owner=None)

    def _setup(self, core: AsyncModelsLab, runtime: _Runtime, owner: ModelsLab | None) -> None:
        self._core = core
        self._runtime = runtime
        # A sibling keeps its owner alive: the owner's finalizer closes the pool.
        self._owner = owner
        if owner is None:
            self._finalizer = weakref.finalize(self, _Runtime.shutdown, runtime)
        self._bind_resources(core, runtime)

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._runtime.run(coro)

    # -- siblings ---------------------------------------------------------------------

    def with_token(self, token: str | Secret | None) -> ModelsLab:
        """A client acting with ``token`` that shares this client's pool and loop."""
        return self.with_options(token=token)

    def with_options(self, **overrides: Any) -> ModelsLab:
        """A sibling with some options changed, sharing the pool and the loop.

        Takes the options of :meth:`AsyncModelsLab.with_options`.
        """
        sibling = object.__new__(ModelsLab)
        sibling._setup(self._core.with_options(**overrides), self._runtime, self._owner or self)
        return sibling

    # -- lifecycle --------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The base URL every route path is appended to."""
        return self._core.base_url

    @property
    def token(self) -> Secret | None:
        """The bearer token, masked when shown."""
        return self._core.token

    @property
    def is_closed(self) -> bool:
        """Whether the client (and its pool and loop) has been closed."""
        return self._runtime.closed

    def close(self) -> None:
        """Close the pool and stop the loop thread; closing twice is fine.

        Closing a sibling does nothing: the client that opened the pool owns it.
        """
        if self._owner is None:
            self._finalizer()

    def __enter__(self) -> ModelsLab:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        token = "set" if self.token is not None else "none"
        return f"<ModelsLab base_url={self.base_url!r} token={token}>"

    # -- batches ----------------------------------------------------------------------

    def map(
        self,
        fn: Callable[[I], T],
        items: Iterable[I],
        *,
        concurrency: int = 16,
        on_progress: Callable[[int, int], object] | None = None,
        timeout: float | None = None,
    ) -> BatchResult[I, T]:
        """Run ``fn(item)`` for every item concurrently, at most ``concurrency`` at once.

        This client's own methods (``client.api_keys.delete``) run concurrently on
        its event loop; any other callable runs in worker threads. Returns one
        :class:`Outcome` per item, in input order; see :meth:`AsyncModelsLab.map`.
        ``on_progress`` is called from the client's loop thread.
        """
        check_concurrency(concurrency)
        if not callable(fn):
            raise TypeError(f"fn must be callable, got {type(fn).__name__}")
        twin = self._async_twin(fn)
        if twin is None:
            limiter = anyio.CapacityLimiter(concurrency)

            async def twin(item: I) -> T:
                return await anyio.to_thread.run_sync(fn, item, limiter=limiter)

        batch = run_batch(
            twin, items, concurrency=concurrency, on_progress=on_progress, timeout=timeout
        )
        return self._run(batch)

    def _async_twin(self, fn: Callable[[I], T]) -> Callable[[I], Coroutine[Any, Any, T]] | None:
        """The async method behind one of this client family's blocking methods."""
        resource = getattr(fn, "__self__", None)
        if not isinstance(resource, SyncResource) or resource._runner is not self._runtime:
            return None
        twin: Callable[[I], Coroutine[Any, Any, T]] = getattr(resource._async, fn.__name__)
        return twin
