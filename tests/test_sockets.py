"""The listening socket of the emulator and of ``mcp serve``."""

from __future__ import annotations

import socket

import pytest

from modelslab_agents._sockets import bind_tcp


def test_the_socket_says_it_is_tcp_so_answers_are_not_delayed() -> None:
    # asyncio sets TCP_NODELAY on accepted connections only when the socket's proto
    # is IPPROTO_TCP; with proto 0 every answer waited out Nagle and a delayed ACK.
    with bind_tcp("127.0.0.1", 0, "the emulator") as sock:
        assert sock.proto == socket.IPPROTO_TCP


def test_a_taken_address_names_what_could_not_be_served() -> None:
    with bind_tcp("127.0.0.1", 0, "the emulator") as taken:
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match=rf"cannot serve MCP on 127\.0\.0\.1:{port}: "):
            bind_tcp("127.0.0.1", port, "MCP").close()
