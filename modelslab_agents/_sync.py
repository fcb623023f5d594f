"""`ModelsLab`, the blocking client: the async core run through anyio's blocking portal.

Each client family (a client and its siblings) owns one portal: an event loop in a
daemon thread (``modelslab-agents-loop``), started on the first call. A call hands its
coroutine over (``start_task_soon``) and waits on the future, the same from any thread,
from async code and inside a running event loop (notebooks, trio).

* Ctrl-C cancels the request in flight, also when it lands during the hand-over.
* After ``os.fork()`` the child starts afresh on first use (or fails clearly when the
  connections come from the user's transport), never touching the parent's portal.
* The thread and sockets are released on ``close()``, on leaving ``with``, when the
  family is garbage-collected and at exit, within a short grace period whatever is
  stuck. A call racing ``close()`` gets an error, never a hang.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import os
import selectors
import threading
import weakref
from collections.abc import Callable, Coroutine, Iterable
from typing import TYPE_CHECKING, Any, Final, ParamSpec, TypeVar, cast

import anyio
import anyio.to_thread
from anyio.from_thread import BlockingPortal, start_blocking_portal

from ._batch import DEFAULT_CONCURRENCY, BatchResult, check_concurrency, run_batch
from ._client import AsyncModelsLab
from ._resource import SyncResource
from ._sync_resources import SyncResources

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._options import ClientOptions, SiblingOptions
    from ._secret import Secret

__all__ = ["ModelsLab"]

T = TypeVar("T")
P = ParamSpec("P")
I = TypeVar("I")  # noqa: E741

#: Seconds closing may wait for each of its steps (the calls in flight to unwind, the
#: pool to close, the loop thread to end); past it, what is stuck is abandoned.
_GRACE: Final = 2.0
_THREAD_NAME: Final = "modelslab-agents-loop"
_INHERITED: list[object] = []  # a forked child's copies of the parent's portals, untouched


_CLOSED: Final = "this client has been closed; create a new one"
_CLOSED_IN_FLIGHT: Final = "the client was closed while this call was in flight"


class _DaemonExecutor(concurrent.futures.ThreadPoolExecutor):
    """The loop's default executor (DNS lookups), one daemon thread per job: a stalled
    resolver holds neither ``close()`` nor interpreter exit, which join a pool's threads."""

    def submit(
        self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
    ) -> concurrent.futures.Future[T]:
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def work() -> None:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:
                    future.set_exception(exc)

        threading.Thread(target=work, name="modelslab-agents-resolver", daemon=True).start()
        return future


def _new_loop() -> asyncio.AbstractEventLoop:
    """The portal's loop: ``poll()`` keeps no kernel state a forked child could disturb
    (an epoll instance is shared with the child)."""
    selector = selectors.PollSelector() if hasattr(selectors, "PollSelector") else None
    loop = asyncio.SelectorEventLoop(selector)
    loop.set_default_executor(_DaemonExecutor())
    return loop


class _Call:
    """One blocking call, as the loop sees it: its cancel scope, reachable by the caller."""

    __slots__ = ("cancelled", "finished", "scope")

    def __init__(self) -> None:
        self.scope: anyio.CancelScope | None = None  # set once the call runs
        self.finished: anyio.Event | None = None
        self.cancelled = False

    async def cancel(self) -> bool:
        """On the loop: cancel the call, wait (bounded) for it to unwind; whether it ran."""
        self.cancelled = True
        if self.scope is None or self.finished is None:
            return False
        self.scope.cancel()
        with anyio.move_on_after(_GRACE):
            await self.finished.wait()
        return True


class _Portal:
    """The portal of one client family and its lifecycle. Nothing here refers to a
    blocking client, so dropping the clients is enough to finalize it."""

    def __init__(self, core: AsyncModelsLab) -> None:
        self.core = core
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.manager: Any = None  # start_blocking_portal's context manager
        self.portal: BlockingPortal | None = None
        self.loop_thread: int | None = None
        self.active: set[_Call] = set()  # touched on the loop only
        self.closed = False
        self.fork_error: str | None = None

    def get(self) -> BlockingPortal:
        """The running portal, started on first use."""
        if self.pid != os.getpid():
            self._after_fork()
        if self.portal is not None and not self.closed:
            return self.portal
        with self.lock:
            if self.closed:
                raise RuntimeError(_CLOSED)
            if self.fork_error is not None:
                raise RuntimeError(self.fork_error)
            if self.portal is None:
                manager = start_blocking_portal(
                    "asyncio", backend_options={"loop_factory": _new_loop}, name=_THREAD_NAME
                )
                portal = manager.__enter__()
                self.loop_thread = portal.call(threading.get_ident)
                self.manager, self.portal = manager, portal
            return self.portal

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the loop and return its outcome; Ctrl-C cancels it."""
        try:
            portal = self.get()
            if threading.get_ident() == self.loop_thread:
                raise RuntimeError(
                    "a blocking ModelsLab method was called from the client's own event "
                    "loop (e.g. from a hook or on_progress); use AsyncModelsLab there"
                )
        except BaseException:
            coro.close()  # never started: no "never awaited" warning
            raise
        call = _Call()
        try:
            future = portal.start_task_soon(self._drive, coro, call)
        except RuntimeError:  # the portal stopped: close() won the race
            coro.close()
            raise RuntimeError(_CLOSED) from None
        except BaseException:  # Ctrl-C while handing the call over
            self._cancel(portal, call, coro)
            raise
        try:
            return cast("T", future.result())
        except concurrent.futures.CancelledError:
            raise RuntimeError(_CLOSED_IN_FLIGHT) from None
        except Exception:
            raise
        except BaseException:  # Ctrl-C (or SystemExit) while waiting
            self._cancel(portal, call, coro)
            raise

    async def _drive(self, coro: Coroutine[Any, Any, T], call: _Call) -> T:
        if call.cancelled:  # the caller gave up before the call started
            coro.close()
            raise RuntimeError(_CLOSED_IN_FLIGHT)
        self.active.add(call)
        call.finished = finished = anyio.Event()
        try:
            with anyio.CancelScope() as call.scope:
                return await coro
            raise RuntimeError(_CLOSED_IN_FLIGHT)  # only cancelling the scope ends up here
        finally:
            self.active.discard(call)
            finished.set()

    @staticmethod
    def _cancel(portal: BlockingPortal, call: _Call, coro: Coroutine[Any, Any, Any]) -> None:
        """From the caller: cancel the call on the loop, and wait for it to unwind."""
        try:
            started = portal.start_task_soon(call.cancel).result(3 * _GRACE)
        except Exception:  # the portal is gone: nothing runs the call any more
            started = False
        if not started:
            coro.close()

    # -- closing and forking ----------------------------------------------------------

    def shutdown(self) -> None:
        """Cancel the calls in flight, close the pool and stop the loop thread, each
        bounded by the grace period; idempotent, from any thread, at exit too."""
        if self.pid != os.getpid():
            self._after_fork()  # the parent's portal: never touched here
        with self.lock:
            if self.closed:
                return
            self.closed = True
            manager, portal = self.manager, self.portal
        if portal is None:
            return  # never started: nothing to release
        closer = threading.Thread(target=self._stop, args=(manager, portal), daemon=True)
        try:
            closer.start()
        except RuntimeError:  # no new threads at interpreter shutdown
            self._stop(manager, portal)
            return
        if threading.get_ident() != self.loop_thread:
            closer.join(4 * _GRACE)

    def _stop(self, manager: Any, portal: BlockingPortal) -> None:
        """In a thread of its own, so that whatever is stuck holds nobody."""
        try:
            portal.start_task_soon(self._close_on_loop).result(3 * _GRACE)
            portal.call(portal.stop, True)
        except BaseException:  # a stuck loop: the thread is a daemon, abandon it
            return
        manager.__exit__(None, None, None)  # joins the loop thread, which has stopped

    async def _close_on_loop(self) -> None:
        with anyio.move_on_after(_GRACE):
            for call in list(self.active):
                await call.cancel()
        with anyio.move_on_after(_GRACE, shield=True):
            await self.core.aclose()

    def _after_fork(self) -> None:
        """In a forked child: forget the parent's portal (never finalize it), and the
        parent's connections."""
        self.lock = threading.Lock()  # the parent's may have been held at the fork
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            _INHERITED.append((self.manager, self.portal))
            self.manager = self.portal = self.loop_thread = None
            self.active = set()
            if not self.closed:
                try:
                    self.core._pool.forget_after_fork()
                except RuntimeError as exc:
                    self.fork_error = str(exc)


class _Runtime:
    """What a blocking client shares with its siblings and resources: the portal and
    its finalizer, which runs when the last of them is dropped, or at exit."""

    __slots__ = ("__weakref__", "finalizer", "portal", "run")

    def __init__(self, core: AsyncModelsLab) -> None:
        self.portal = _Portal(core)
        self.run = self.portal.run
        self.finalizer = weakref.finalize(self, _Portal.shutdown, self.portal)


class ModelsLab(SyncResources):
    """The blocking client: the same resources, methods, arguments and exceptions as
    :class:`AsyncModelsLab`, each call run on the client's own event loop thread.

    It is safe to share between threads and works inside a running event loop
    (notebooks, trio). Use it as ``with ModelsLab(...) as client:``, or call
    :meth:`close`; a forgotten client is closed when garbage-collected or at exit.
    Hooks (``on_retry``, ``on_progress``) run on the client's loop thread, so they
    must not call the blocking client.

    Args:
        token: The bearer token; see :class:`AsyncModelsLab`.
        **options: The options of :class:`AsyncModelsLab`.
    """

    def __init__(self, token: str | Secret | None = None, **options: Unpack[ClientOptions]) -> None:
        core = AsyncModelsLab(token, **options)
        self._setup(core, _Runtime(core), owner=True)

    def _setup(self, core: AsyncModelsLab, runtime: _Runtime, *, owner: bool) -> None:
        self._core, self._runtime, self._owner = core, runtime, owner
        self._bind_resources(core, runtime)

    def with_token(self, token: str | Secret | None) -> ModelsLab:
        """A client acting with ``token`` that shares this client's pool and loop."""
        return self.with_options(token=token)

    def with_options(self, **overrides: Unpack[SiblingOptions]) -> ModelsLab:
        """A sibling with some options changed, sharing the pool and the loop; see
        :meth:`AsyncModelsLab.with_options`."""
        sibling = object.__new__(ModelsLab)
        sibling._setup(self._core.with_options(**overrides), self._runtime, owner=False)
        return sibling

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
        """Whether the client (its pool and loop thread) has been closed."""
        return self._runtime.portal.closed

    def close(self) -> None:
        """Close the pool and stop the loop thread; closing twice is fine.

        Closing a sibling does nothing: the client that opened the pool owns it.
        """
        if self._owner:
            self._runtime.finalizer()

    def __enter__(self) -> ModelsLab:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        token = "set" if self.token is not None else "none"
        return f"<ModelsLab base_url={self.base_url!r} token={token}>"

    def map(
        self,
        fn: Callable[[I], T],
        items: Iterable[I],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_progress: Callable[[int, int], object] | None = None,
        timeout: float | None = None,
    ) -> BatchResult[I, T]:
        """Run ``fn(item)`` for every item concurrently, at most ``concurrency`` at once.

        A blocking client's methods (``client.api_keys.delete``, also in a
        :func:`functools.partial`) run as coroutines on that client's loop; any other
        callable runs in worker threads. Returns one :class:`Outcome` per item, in input
        order; see :meth:`AsyncModelsLab.map`. At ``timeout``, or on Ctrl-C, requests in
        flight are cancelled and ``map`` returns (or raises) at once; code running in a
        worker thread cannot be stopped and finishes in the background, its outcome
        marked timed out. ``on_progress(done, total)`` runs on the loop thread; an
        exception it raises cancels the batch and propagates.
        """
        check_concurrency(concurrency)
        if not callable(fn):
            raise TypeError(f"fn must be callable, got {type(fn).__name__}")
        runtime, twin = _async_twin(fn)
        if twin is None:
            runtime, twin = self._runtime, _in_threads(fn, concurrency)
        batch = run_batch(
            twin, list(items), concurrency=concurrency, on_progress=on_progress, timeout=timeout
        )
        return (runtime or self._runtime).run(batch)


def _async_twin(
    fn: Callable[[I], T],
) -> tuple[_Runtime | None, Callable[[I], Coroutine[Any, Any, T]] | None]:
    """The async method behind a blocking client's method, and that client's runtime."""
    if isinstance(fn, functools.partial):
        runtime, twin = _async_twin(fn.func)
        if twin is None:
            return None, None
        return runtime, functools.partial(twin, *fn.args, **fn.keywords)
    resource = getattr(fn, "__self__", None)
    if not isinstance(resource, SyncResource) or not isinstance(resource._runner, _Runtime):
        return None, None
    method: Callable[[I], Coroutine[Any, Any, T]] = getattr(resource._async, fn.__name__)
    return resource._runner, method


def _in_threads(fn: Callable[[I], T], concurrency: int) -> Callable[[I], Coroutine[Any, Any, T]]:
    """``fn`` run in worker threads, at most ``concurrency`` at once; a cancelled call
    returns at once, leaving its thread to finish in the background."""
    limiter: anyio.CapacityLimiter | None = None

    async def run(item: I) -> T:
        nonlocal limiter
        if limiter is None:  # made on the loop, where it is used
            limiter = anyio.CapacityLimiter(concurrency)
        return await anyio.to_thread.run_sync(fn, item, limiter=limiter, abandon_on_cancel=True)

    return run
