"""Benchmark servers run in processes of their own, so their CPU stays out of the figures."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator

__all__ = ["ROOT", "subprocess_server"]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@contextlib.contextmanager
def subprocess_server(*args: str) -> Iterator[list[str]]:
    """Start ``python -m <args>``; yield the words of its first line (its address and
    credentials); stop it by closing its standard input."""
    process = subprocess.Popen(
        [sys.executable, "-m", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        words = process.stdout.readline().split()
        if len(words) < 2:
            raise SystemExit(f"server {args} failed to start")
        yield words
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
