"""Serving the emulator over real HTTP with uvicorn, in a background thread."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from modelslab_agents._sockets import bind_tcp

from ._asgi import AsgiApp
from ._mcp import with_mcp
from ._wire import API_ROOT, ConnectionDropped

if TYPE_CHECKING:
    import uvicorn

__all__ = ["serve"]

_STARTUP_TIMEOUT = 10.0
_SHUTDOWN_TIMEOUT = 10.0
_GRACEFUL_SHUTDOWN = 2


class _HideDeliberateDrops(logging.Filter):
    """Keeps uvicorn from logging the tracebacks of connections dropped on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


def _install_log_filter() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _HideDeliberateDrops) for f in logger.filters):
        logger.addFilter(_HideDeliberateDrops())


def _import_uvicorn() -> None:
    try:
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "FakeControlPlane.serve() needs uvicorn; install it with "
            "`pip install modelslab-agents[emulator]`"
        ) from exc


@contextlib.contextmanager
def serve(app: AsgiApp, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run ``app`` with uvicorn in a daemon thread; yield the API's base URL.

    ``port=0`` picks a free port. The socket is bound here, in the calling thread, so a
    port in use raises ``OSError`` at once. The server logs warnings only, with no access
    log, and leaves the process's logging configuration alone. Leaving the block stops the
    server and waits for its thread (in-flight requests get a short grace period).
    """
    _import_uvicorn()
    import uvicorn

    _install_log_filter()
    sock = bind_tcp(host, port, "the emulator")
    config = uvicorn.Config(
        with_mcp(app, host),  # and /mcp/agents, with the mcp extra
        log_level="warning",
        log_config=None,
        access_log=False,
        lifespan="auto",  # runs the MCP session manager
        server_header=False,
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN,
    )
    server = uvicorn.Server(config)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported by the waiting thread
            failures.append(exc)

    thread = threading.Thread(target=run, name=f"modelslab-emulator-{host}", daemon=True)
    thread.start()
    try:
        _wait_until_started(server, thread, failures)
        bound_port = sock.getsockname()[1]
        url_host = f"[{host}]" if ":" in host else host
        yield f"http://{url_host}:{bound_port}{API_ROOT}"
    finally:
        server.should_exit = True
        thread.join(_SHUTDOWN_TIMEOUT)
        sock.close()


def _wait_until_started(
    server: uvicorn.Server, thread: threading.Thread, failures: list[BaseException]
) -> None:
    deadline = time.monotonic() + _STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive():
            cause = failures[0] if failures else None
            raise RuntimeError("the emulator's HTTP server failed to start") from cause
        if time.monotonic() > deadline:
            raise RuntimeError("the emulator's HTTP server did not start in time")
        time.sleep(0.005)
