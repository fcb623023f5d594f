"""The emulator's clock: real time plus an offset that tests can push forward."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

__all__ = ["Clock", "isoformat"]


class Clock:
    """Seconds since the epoch, as the emulated server sees them.

    Real time keeps flowing; :meth:`advance` adds to an offset, so token lifetimes,
    one-time codes and rate-limit windows can be crossed without sleeping.
    """

    __slots__ = ("_lock", "_offset")

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """The current emulated time, in seconds since the epoch."""
        return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds`` (it never goes back)."""
        if seconds < 0:
            raise ValueError(f"the clock only moves forward; got {seconds!r} seconds")
        with self._lock:
            self._offset += seconds


def isoformat(timestamp: float) -> str:
    """ISO-8601 UTC with microseconds and a trailing ``Z``, the way Laravel writes dates."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
