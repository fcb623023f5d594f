"""`ModelsLab`, the blocking client: the async core run on an event loop the client owns.

Each blocking client family (a client and its siblings) owns one asyncio event loop.
Who runs it depends on how the client is used:

* **In the calling thread**, while no other thread uses the loop: the call runs the
  loop itself (``run_until_complete``) until its request is done, as a private loop
  would. Handing the call to another thread instead wakes a sleeping thread twice
  per call (the loop thread, then the caller); on a virtual machine whose CPUs idle
  in between, that measured up to a third of a loopback request.
* **In a loop thread** of its own (a daemon thread, started once and kept): from
  the first time a second thread calls while one is running the loop, when the
  caller already runs an event loop (a notebook, async code, trio) or has its own
  SIGINT handler, and for ``map`` with ``on_progress``. A call then hands its
  coroutine over with ``call_soon_threadsafe`` and waits on a lock the task
  releases when done: one wake-up each way, where anyio's ``BlockingPortal.call``
  makes two round trips.

Also handled here:

* Ctrl-C cancels the request in flight instead of leaving it running: a loop run
  in the main thread swaps in a SIGINT handler that cancels the call (as
  ``asyncio.run`` does); a caller waiting on the loop thread cancels its call there.
* After ``os.fork()`` the child starts a fresh loop and pool on first use, or fails
  clearly when the connections come from an ``http_client`` or httpx transport the
  user passed in. The loop polls with ``poll()``, which keeps no registrations in
  the kernel that a child could disturb.
* The loop thread and the sockets are released on :meth:`ModelsLab.close`, on
  leaving ``with``, when the last client of the family is garbage-collected, and at
  interpreter exit. Nothing the loop runs refers to the clients, so dropping them
  is enough.
* A call racing with ``close()`` from another thread gets an error, never a hang.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import importlib
import inspect
import os
import queue
import selectors
import signal
import threading
import weakref
from _thread import allocate_lock
from collections.abc import Callable, Coroutine, Iterable
from types import FrameType, TracebackType
from typing import Any, Final, TypeVar

import anyio
import anyio.to_thread
import httpx
import sniffio

from ._batch import DEFAULT_CONCURRENCY, BatchResult, check_concurrency, run_batch
from ._client import DEFAULT_TIMEOUT, AsyncModelsLab
from ._logging import logger
from ._resource import SyncResource
from ._retry import RetryHook
from ._secret import Secret
from ._sync_resources import SyncResources

__all__ = ["ModelsLab"]

T = TypeVar("T")
I = TypeVar("I")  # noqa: E741

#: Seconds a cancelled call, or the pool's closing, may take to unwind.
_GRACE: Final = 5.0
_POLL: Final = 0.5  # how often a waiting caller checks that the loop still runs
_FINISHED: Final = -1  # the last message on a call's event queue
_get_ident: Final = threading.get_ident
_SIGINT: Final = int(signal.SIGINT)
_default_sigint: Final = signal.default_int_handler
_running_loop: Final = asyncio.events._get_running_loop
_async_library: Final = sniffio.current_async_library_cvar

# Incremented in a forked child, so a client can tell (with one comparison, no
# system call) that its loop and connections belong to the parent.
_fork_generation = 0
_fork_lock = threading.Lock()
_INHERITED_LOOPS: list[asyncio.AbstractEventLoop] = []  # in a forked child, never closed


def _after_fork_in_child() -> None:
    global _fork_generation, _fork_lock
    _fork_generation += 1
    _fork_lock = threading.Lock()  # another thread may have held it at the fork


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _signal_functions() -> tuple[Callable[..., Any], Callable[[int], Any]]:
    """The C functions behind :mod:`signal`, without its enum conversions (15 us a
    pair here, against 1 us): they run around every call the main thread makes."""
    try:
        module: Any = importlib.import_module("_signal")
    except ImportError:  # pragma: no cover - not CPython
        module = signal
    return module.signal, module.getsignal


_set_handler, _get_handler = _signal_functions()


def _new_loop() -> asyncio.AbstractEventLoop:
    """An asyncio loop polling with ``poll()`` where there is one.

    An epoll instance is shared with a forked child: a child closing its copy of the
    loop would unregister the parent's sockets. ``poll()`` keeps no such state, and
    a client's handful of sockets costs it nothing.
    """
    if hasattr(selectors, "PollSelector"):
        return asyncio.SelectorEventLoop(selectors.PollSelector())
    return asyncio.new_event_loop()


def _context_for_loop() -> contextvars.Context:
    """The caller's context (so context variables, e.g. tracing, reach the call),
    minus the caller's async library: the call runs on asyncio whatever the caller
    runs (trio, for one), and anyio must not be told otherwise."""
    context = contextvars.copy_context()
    context.run(_async_library.set, None)
    return context


def _can_run_loop_here() -> bool:
    """Whether the calling thread may run the client's loop itself for one call.

    Not when it runs an event loop already (one loop per thread at a time), nor
    when it is the main thread and someone installed their own SIGINT handler
    (Ctrl-C must not be raised in the middle of the loop's machinery).
    """
    if _running_loop() is not None or _async_library.get() is not None:
        return False
    return (
        threading.current_thread() is not threading.main_thread()
        or _get_handler(_SIGINT) is _default_sigint
    )


def _closed_error() -> RuntimeError:
    return RuntimeError("this client has been closed; create a new one")


def _closed_in_flight() -> RuntimeError:
    return RuntimeError("the client was closed while this call was in flight")


def _nested_error() -> RuntimeError:
    return RuntimeError(
        "a blocking ModelsLab method was called from inside the client's own event loop "
        "(e.g. from an on_retry hook); use the async client (AsyncModelsLab) there"
    )


def _wake() -> None:
    """Scheduled only to wake the loop's selector."""


class _Call:
    """One blocking call: its coroutine, and its outcome carried back to the caller.

    The task wrapping the coroutine stores the outcome and releases ``done`` in its
    last step, so the caller wakes without another pass of the loop.
    """

    __slots__ = ("coro", "done", "error", "events", "result", "task")

    def __init__(
        self, coro: Coroutine[Any, Any, Any], events: queue.SimpleQueue[int] | None
    ) -> None:
        self.coro: Coroutine[Any, Any, Any] | None = coro
        self.events = events
        self.done = allocate_lock()
        self.done.acquire()
        self.task: asyncio.Task[None] | None = None
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> None:
        # On the loop, in whichever thread runs it.
        coro, self.coro = self.coro, None
        if coro is not None:
            self.task = asyncio.get_running_loop().create_task(self._drive(coro))

    async def _drive(self, coro: Coroutine[Any, Any, Any]) -> None:
        try:
            self.result = await coro
        except BaseException as exc:  # carried to the caller, cancellation included
            self.error = exc
        finally:
            if self.events is not None:
                self.events.put(_FINISHED)
            self.done.release()

    def cancel(self) -> None:
        # On the loop, after start() if that was queued (call_soon_threadsafe keeps
        # the order).
        if self.task is not None:
            self.task.cancel()
            return
        coro, self.coro = self.coro, None  # never handed over: it never will be
        if coro is not None:
            coro.close()
            self.done.release()

    def outcome(self) -> Any:
        """The result, or raise the error (in the caller, once ``done`` is released)."""
        error = self.error
        if error is None:
            return self.result
        self.error = None
        if isinstance(error, asyncio.CancelledError):
            # Only closing the client cancels a call its caller still waits for.
            error = _closed_in_flight()
        try:
            raise error
        finally:
            del error  # no reference cycle through the traceback

    def wait(self, loop: asyncio.AbstractEventLoop) -> None:
        """Wait for the outcome; fail if the loop closed without running the call."""
        done = self.done
        while not done.acquire(timeout=_POLL):
            self._check(loop)

    def relay(
        self,
        loop: asyncio.AbstractEventLoop,
        events: queue.SimpleQueue[int],
        on_event: Callable[[int], object],
    ) -> None:
        """Wait for the outcome, calling ``on_event`` with the latest event meanwhile.

        Events that pile up while ``on_event`` runs are merged into the latest one, so
        a slow callback never falls behind.
        """
        while True:
            try:
                latest = events.get(timeout=_POLL)
            except queue.Empty:
                self._check(loop)
                continue
            finished = latest == _FINISHED
            with contextlib.suppress(queue.Empty):
                while not finished:
                    event = events.get_nowait()
                    finished = event == _FINISHED
                    if not finished:
                        latest = event
            if latest != _FINISHED:
                on_event(latest)
            if finished:
                self.done.acquire()
                return

    def _check(self, loop: asyncio.AbstractEventLoop) -> None:
        """Raise if the loop has closed with this call unfinished: nothing will run it."""
        # A closed loop runs nothing more, so ``done`` cannot be released after this.
        if loop.is_closed() and self.done.locked():
            coro, self.coro = self.coro, None
            if coro is not None:
                coro.close()
            raise _closed_in_flight()


class _Engine:
    """The event loop of one client family, and who runs it.

    ``driver`` is the thread running the loop: a caller for the length of its call,
    or, once ``thread_loop`` is set, the loop thread for good. Nothing here refers
    to a client, so the loop does not keep clients alive.
    """

    def __init__(self, core: AsyncModelsLab) -> None:
        self.core = core
        self._reset()
        self.generation = _fork_generation
        self.fork_error: str | None = None
        self.closed = False

    def _reset(self) -> None:
        # Re-entrant: a finalizer may close the client from inside a critical section.
        self.lock = threading.RLock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.driver: int | None = None
        self.thread: threading.Thread | None = None
        self.thread_loop: asyncio.AbstractEventLoop | None = None  # set: the thread runs it
        self.wanted_thread = False  # another thread called while a caller ran the loop
        self.closing = False  # close() while a caller runs the loop: it closes after
        self.finished = threading.Event()  # the loop is closed
        # While the main thread runs the loop (see _on_sigint):
        self.sigint_task: asyncio.Task[None] | None = None
        self.interrupted = False
        self.in_loop = False
        self.tick: asyncio.TimerHandle | None = None

    # -- calls ------------------------------------------------------------------------

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        events: queue.SimpleQueue[int] | None = None,
        on_event: Callable[[int], object] | None = None,
    ) -> T:
        """Run ``coro`` on the loop and return its outcome; Ctrl-C cancels it.

        With ``events``, the waiting thread also calls ``on_event`` with the latest
        value the coroutine put on that queue, as they arrive (progress reports);
        such a call always runs on the loop thread.
        """
        loop = self.thread_loop
        if loop is None or self.generation != _fork_generation or _get_ident() == self.driver:
            return self._run_slow(coro, events, on_event)
        return self._hand_over(loop, coro, events, on_event)

    def _run_slow(
        self,
        coro: Coroutine[Any, Any, T],
        events: queue.SimpleQueue[int] | None,
        on_event: Callable[[int], object] | None,
    ) -> T:
        me = _get_ident()
        guarded = claimed = False
        try:
            if self.generation != _fork_generation:
                self._after_fork()
            if self.fork_error is not None:
                raise RuntimeError(self.fork_error)
            if self.driver == me:
                raise _nested_error()
            here = events is None and _can_run_loop_here()
            if here and threading.current_thread() is threading.main_thread():
                # From here on a Ctrl-C is noted, not raised, until the loop runs: an
                # exception in the middle of handing the loop over would strand it.
                self.sigint_task, self.interrupted, self.in_loop = None, False, False
                guarded = True
                _set_handler(_SIGINT, self._on_sigint)
            with self.lock:
                if self.closed:
                    raise _closed_error()
                if self.loop is None:
                    self.loop = _new_loop()
                loop = self.loop
                if self.thread_loop is None and self.driver is None:
                    if here:
                        claimed = True
                        self.driver = me
                    else:
                        self._start_thread()
                elif self.thread_loop is None:
                    self.wanted_thread = True  # the caller running it hands over to a thread
            if claimed:
                result = self._run_here(loop, coro, guarded)
        except BaseException:
            if not claimed:
                coro.close()  # never started: no "never awaited" warning
            raise
        finally:
            if claimed:
                self._release(loop)
            if guarded:
                _set_handler(_SIGINT, _default_sigint)
        if guarded and self.interrupted:  # Ctrl-C while the call was being set up
            if not claimed:
                coro.close()
            raise KeyboardInterrupt
        if claimed:
            return result
        return self._hand_over(loop, coro, events, on_event)

    def _hand_over(
        self,
        loop: asyncio.AbstractEventLoop,
        coro: Coroutine[Any, Any, T],
        events: queue.SimpleQueue[int] | None,
        on_event: Callable[[int], object] | None,
    ) -> T:
        """Run ``coro`` on the loop another thread runs, and wait for it."""
        call: _Call | None = None
        try:
            call = _Call(coro, events)
            try:
                if _async_library.get() is None:
                    loop.call_soon_threadsafe(call.start)  # runs in a copy of our context
                else:
                    loop.call_soon_threadsafe(call.start, context=_context_for_loop())
            except RuntimeError:  # the loop closed since it was read
                raise _closed_error() from None
            if events is None:
                call.wait(loop)
            else:
                assert on_event is not None
                call.relay(loop, events, on_event)
        except BaseException:  # KeyboardInterrupt, or an error from on_event
            if call is None:
                coro.close()
            else:
                self._cancel(loop, call)
            raise
        return call.outcome()  # type: ignore[no-any-return]

    def _cancel(self, loop: asyncio.AbstractEventLoop, call: _Call) -> None:
        """Cancel a call the caller stopped waiting for, and give it time to unwind."""
        try:
            loop.call_soon_threadsafe(call.cancel)
        except RuntimeError:  # the loop is closed: nothing will run the call
            coro, call.coro = call.coro, None
            if coro is not None:
                coro.close()
            return
        call.done.acquire(timeout=_GRACE)

    def _run_here(
        self, loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T], guarded: bool
    ) -> T:
        """Run the loop in this thread until ``coro`` is done (``driver`` is us).

        ``guarded``: this is the main thread and ``_on_sigint`` handles Ctrl-C.
        """
        call = _Call(coro, None)
        try:
            call.task = task = loop.create_task(call._drive(coro))
            if guarded:
                self.sigint_task = task
                if self.interrupted:  # Ctrl-C before the task existed
                    task.cancel()
                self._tick()
                self.in_loop = True
            try:
                loop.run_until_complete(task)
            finally:
                if guarded:
                    self.in_loop = False
                    self.sigint_task = None
                    if self.tick is not None:
                        self.tick.cancel()
                        self.tick = None
        except BaseException:  # a second Ctrl-C, or a call cancelled before it started
            started = call.task
            if started is not None and not started.done():
                started.cancel()
                with contextlib.suppress(Exception):
                    loop.run_until_complete(asyncio.wait([started], timeout=_GRACE))
            if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
                coro.close()  # never started: no "never awaited" warning
            if guarded and self.interrupted:
                raise KeyboardInterrupt from None
            raise
        if guarded and self.interrupted:
            raise KeyboardInterrupt
        return call.outcome()  # type: ignore[no-any-return]

    def _tick(self) -> None:
        """Keep the loop from sleeping longer than ``_POLL`` while the main thread runs
        it: a Ctrl-C landing just as ``poll()`` starts is only seen when it returns."""
        assert self.loop is not None
        self.tick = self.loop.call_later(_POLL, self._tick)

    def _on_sigint(self, signum: int, frame: FrameType | None) -> None:
        """Ctrl-C while the main thread runs the loop for a call: cancel the call, as
        asyncio.run does. A second one raises at once, if the loop is running."""
        if self.interrupted:
            if self.in_loop:
                raise KeyboardInterrupt
            return
        self.interrupted = True
        task = self.sigint_task
        if task is not None:
            task.cancel()
            task.get_loop().call_soon_threadsafe(_wake)

    def _release(self, loop: asyncio.AbstractEventLoop) -> None:
        """After running the loop for a call: hand it to the loop thread if another
        thread is waiting on it, or close it if close() was asked meanwhile."""
        with self.lock:
            self.driver = None
            close = self.closing
            if close:
                self.driver = _get_ident()
            elif self.wanted_thread:
                self._start_thread()
        if close:
            self._finish(loop)

    # -- the loop thread --------------------------------------------------------------

    def _start_thread(self) -> None:
        # Under self.lock, with nobody running the loop.
        assert self.loop is not None
        loop = self.thread_loop = self.loop
        self.thread = threading.Thread(
            target=self._serve, args=(loop,), name="modelslab-agents-loop", daemon=True
        )
        self.thread.start()

    def _serve(self, loop: asyncio.AbstractEventLoop) -> None:
        self.driver = _get_ident()
        try:
            loop.run_forever()  # until close() stops it
        except BaseException:  # nobody to report to in this thread
            logger.debug("the blocking client's event loop failed", exc_info=True)
        finally:
            self._finish(loop)

    # -- closing and forking ----------------------------------------------------------

    def shutdown(self) -> None:
        """Close the pool and the loop (and stop the loop thread); idempotent,
        callable from any thread, at exit too."""
        if self.generation != _fork_generation:
            self._after_fork()  # the loop is the parent's: never touch it
        me = _get_ident()
        with self.lock:
            if self.closed:
                return
            self.closed = True
            loop, thread = self.loop, self.thread
            if loop is None:
                self.finished.set()
                return  # never used: no connection was ever opened
            if thread is None and self.driver is None:
                # Not here if this thread runs a loop of its own (trio, for one).
                here = _running_loop() is None and _async_library.get() is None
                self.driver = me if here else -1
                action = "here" if here else "elsewhere"
            elif thread is None:
                self.closing = True  # the caller running the loop closes it after
                action = "wait"
            else:
                action = "stop"
        if action == "here":
            self._finish(loop)
        elif action == "elsewhere":  # this thread runs another loop: close from a thread
            closer = threading.Thread(target=self._finish, args=(loop,), daemon=True)
            closer.start()
            closer.join(3 * _GRACE)
        elif action == "wait":
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_cancel_all, loop)
            if self.driver != me:
                self.finished.wait(3 * _GRACE)
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(loop.stop)
            if thread is not None and thread is not threading.current_thread():
                thread.join(3 * _GRACE)

    def _finish(self, loop: asyncio.AbstractEventLoop) -> None:
        """Cancel what still runs, close the pool, then the loop (by its driver)."""
        try:
            tasks = [task for task in asyncio.all_tasks(loop) if not task.done()]
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.wait(tasks, timeout=_GRACE))
            loop.run_until_complete(self._close_pool())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        except Exception:  # closing must not fail (threads cannot start at exit, say)
            logger.debug("closing the blocking client's event loop failed", exc_info=True)
        finally:
            loop.close()
            with self.lock:
                self.closed = True
                self.driver = None
                self.thread_loop = None
            self.finished.set()

    async def _close_pool(self) -> None:
        with anyio.move_on_after(_GRACE), contextlib.suppress(Exception):
            await self.core.aclose()

    def _after_fork(self) -> None:
        """In a forked child: forget the parent's loop, thread and connections."""
        with _fork_lock:
            if self.generation == _fork_generation:
                return
            self.generation = _fork_generation
            if self.loop is not None:
                # Never closed here: it belongs to the parent.
                _INHERITED_LOOPS.append(self.loop)
            self._reset()
            if self.closed:
                self.finished.set()
                return
            if isinstance(self.core._pool.transport, httpx.AsyncHTTPTransport):
                # Its pool holds the parent's connections and loop-bound locks.
                self.fork_error = (
                    "this client was built on an httpx transport you passed in, whose "
                    "connections belong to the parent process and cannot be used after "
                    "os.fork(); create the client in the child process"
                )
                return
            try:
                self.core._pool.forget_after_fork()
            except RuntimeError as exc:
                self.fork_error = str(exc)


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    """On the loop: cancel every task (the client is closing)."""
    for task in asyncio.all_tasks(loop):
        task.cancel()


class _Runtime:
    """What a blocking client shares with its siblings: the engine and its finalizer.

    When the last client (or resource) of the family is gone, the finalizer closes
    the pool and the loop (and stops the loop thread); it also runs at interpreter
    exit.
    """

    __slots__ = ("__weakref__", "engine", "finalizer")

    def __init__(self, core: AsyncModelsLab) -> None:
        self.engine = _Engine(core)
        self.finalizer = weakref.finalize(self, _Engine.shutdown, self.engine)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.engine.run(coro)


class ModelsLab(SyncResources):
    """The blocking client: the same resources and methods as :class:`AsyncModelsLab`,
    taking the same arguments, raising the same exceptions.

    It is safe to share between threads and works inside a running event loop
    (notebooks). Use it as ``with ModelsLab(...) as client:``, or call
    :meth:`close`; a forgotten client is closed when garbage-collected or at exit.

    Hooks such as ``on_retry`` run on the client's event loop (in the calling thread
    or on the client's loop thread), so they must not call the blocking client.
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
        self._setup(core, _Runtime(core), owner=True)

    def _setup(self, core: AsyncModelsLab, runtime: _Runtime, *, owner: bool) -> None:
        self._core = core
        self._runtime = runtime
        self._owner = owner
        self._bind_resources(core, runtime)

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._runtime.engine.run(coro)

    # -- siblings ---------------------------------------------------------------------

    def with_token(self, token: str | Secret | None) -> ModelsLab:
        """A client acting with ``token`` that shares this client's pool and loop."""
        return self.with_options(token=token)

    def with_options(self, **overrides: Any) -> ModelsLab:
        """A sibling with some options changed, sharing the pool and the loop.

        Takes the options of :meth:`AsyncModelsLab.with_options`.
        """
        sibling = object.__new__(ModelsLab)
        sibling._setup(self._core.with_options(**overrides), self._runtime, owner=False)
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
        return self._runtime.engine.closed

    def close(self) -> None:
        """Close the pool and the event loop (and its thread, if one runs); closing
        twice is fine.

        Closing a sibling does nothing: the client that opened the pool owns it. A
        family whose clients are all dropped is closed when garbage-collected.
        """
        if self._owner:
            self._runtime.finalizer()

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
        concurrency: int = DEFAULT_CONCURRENCY,
        on_progress: Callable[[int, int], object] | None = None,
        timeout: float | None = None,
    ) -> BatchResult[I, T]:
        """Run ``fn(item)`` for every item concurrently, at most ``concurrency`` at once.

        This client's own methods (``client.api_keys.delete``, also wrapped in
        :func:`functools.partial`) run concurrently on its event loop; any other
        callable runs in worker threads. Returns one :class:`Outcome` per item, in
        input order; a failure never cancels or hides the others. See
        :meth:`AsyncModelsLab.map`.

        ``on_progress(done, total)`` is called in the calling thread (the batch then
        runs on the client's loop thread); reports that arrive while it runs are
        merged into the latest, and it may use this client. An exception it raises
        cancels the batch and propagates. Ctrl-C cancels the requests in flight.
        """
        check_concurrency(concurrency)
        if not callable(fn):
            raise TypeError(f"fn must be callable, got {type(fn).__name__}")
        todo = list(items)
        twin = self._async_twin(fn)
        if twin is None:
            twin = _in_threads(fn, concurrency)
        if on_progress is None:
            return self._run(
                run_batch(twin, todo, concurrency=concurrency, on_progress=None, timeout=timeout)
            )
        events: queue.SimpleQueue[int] = queue.SimpleQueue()
        total = len(todo)

        def report(done: int, _total: int) -> None:  # on the loop thread
            events.put(done)

        batch = run_batch(twin, todo, concurrency=concurrency, on_progress=report, timeout=timeout)
        return self._runtime.engine.run(batch, events, lambda done: on_progress(done, total))

    def _async_twin(self, fn: Callable[[I], T]) -> Callable[[I], Coroutine[Any, Any, T]] | None:
        """The async method behind one of this client family's blocking methods."""
        if isinstance(fn, functools.partial):
            twin = self._async_twin(fn.func)
            if twin is None:
                return None
            return functools.partial(twin, *fn.args, **fn.keywords)
        resource = getattr(fn, "__self__", None)
        if not isinstance(resource, SyncResource) or resource._runner is not self._runtime:
            return None
        method: Callable[[I], Coroutine[Any, Any, T]] = getattr(resource._async, fn.__name__)
        return method


def _in_threads(fn: Callable[[I], T], concurrency: int) -> Callable[[I], Coroutine[Any, Any, T]]:
    """``fn`` run in worker threads, at most ``concurrency`` at once."""
    limiter: anyio.CapacityLimiter | None = None

    async def run(item: I) -> T:
        nonlocal limiter
        if limiter is None:  # made on the loop, where it is used
            limiter = anyio.CapacityLimiter(concurrency)
        return await anyio.to_thread.run_sync(fn, item, limiter=limiter)

    return run
