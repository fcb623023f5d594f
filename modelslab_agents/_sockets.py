"""A listening socket for the local servers: the emulator and ``mcp serve``."""

from __future__ import annotations

import socket

__all__ = ["bind_tcp"]


def bind_tcp(host: str, port: int, what: str) -> socket.socket:
    """A TCP socket bound to ``host:port`` (0: a free port), not yet listening.

    Raises:
        OSError: the address cannot be bound; the message names ``what`` and the address.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are
    # TCP, and without it each answer waits out Nagle and a delayed ACK (~40 ms).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot serve {what} on {host}:{port}: {exc.strerror}") from exc
    return sock
