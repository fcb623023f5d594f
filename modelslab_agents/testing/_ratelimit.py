"""Fixed-window rate limiting per limiter group and caller, as Laravel's throttle does."""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from typing import Final, TypeAlias

import attrs

from ._routes import AUTH_GROUP, GENERAL_GROUP

__all__ = ["DEFAULT_LIMITS", "GROUPS", "Quota", "RateLimiter", "RateLimits"]

GROUPS: Final = (AUTH_GROUP, GENERAL_GROUP)

DEFAULT_LIMITS: Final[Mapping[str, tuple[int, float]]] = {
    AUTH_GROUP: (20, 60.0),
    GENERAL_GROUP: (120, 60.0),
}
"""The published limits: agent-auth 20 a minute per client address and email, agent-general
120 a minute per client address and user."""

RateLimits: TypeAlias = "bool | Mapping[str, tuple[int, float] | None] | None"
"""What ``FakeControlPlane(rate_limits=...)`` takes: True or None (the published limits),
False (none), or ``{group: (limit, per_seconds)}`` over the published ones (a group set to
None is unlimited)."""


@attrs.frozen
class Quota:
    """Where one caller stands in its current window, after counting a request."""

    limit: int
    remaining: int
    reset_at: float
    exceeded: bool

    def headers(self, now: float) -> list[tuple[str, str]]:
        """``X-RateLimit-*`` for every answer, plus ``Retry-After`` on a refusal."""
        headers = [
            ("X-RateLimit-Limit", str(self.limit)),
            ("X-RateLimit-Remaining", str(self.remaining)),
            ("X-RateLimit-Reset", str(math.ceil(self.reset_at))),
        ]
        if self.exceeded:
            headers.append(("Retry-After", str(max(1, math.ceil(self.reset_at - now)))))
        return headers


@attrs.define
class _Window:
    started: float
    hits: int = 0


class RateLimiter:
    """Counts requests per ``(group, caller)`` in fixed windows of ``per_seconds``.

    A refused request is not counted, so a client that waits out ``Retry-After`` gets in.
    A group without a limit counts nothing and adds no headers.
    """

    def __init__(self, limits: RateLimits = None) -> None:
        self._lock = threading.Lock()
        self._limits: dict[str, tuple[int, float] | None] = dict(DEFAULT_LIMITS)
        self._windows: dict[tuple[str, str], _Window] = {}
        if limits is False:
            self._limits = dict.fromkeys(GROUPS)
        elif isinstance(limits, Mapping):
            for group, limit in limits.items():
                if limit is None:
                    self.configure(group, None)
                else:
                    self.configure(group, *limit)
        elif limits is not None and limits is not True:
            raise TypeError("rate_limits must be a bool, None or {group: (limit, per_seconds)}")

    def configure(self, group: str, limit: int | None, per_seconds: float = 60.0) -> None:
        """Set a group's limit (None: unlimited); its callers start fresh windows."""
        if group not in GROUPS:
            raise ValueError(f"unknown rate-limit group {group!r}; expected one of {GROUPS}")
        if limit is not None and (limit < 0 or per_seconds <= 0):
            raise ValueError("limit must be >= 0 and per_seconds > 0")
        with self._lock:
            self._limits[group] = None if limit is None else (int(limit), float(per_seconds))
            self._windows = {k: w for k, w in self._windows.items() if k[0] != group}

    def limit_of(self, group: str) -> tuple[int, float] | None:
        """The group's ``(limit, per_seconds)``, or None when it is unlimited."""
        return self._limits[group]

    def hit(self, group: str, caller: str, now: float) -> Quota | None:
        """Count one request by ``caller`` against ``group`` at time ``now`` (None: the
        group is unlimited)."""
        with self._lock:
            limits = self._limits[group]
            if limits is None:
                return None
            limit, per_seconds = limits
            window = self._windows.get((group, caller))
            if window is None or now >= window.started + per_seconds:
                window = self._windows[group, caller] = _Window(started=now)
            reset_at = window.started + per_seconds
            if window.hits >= limit:
                return Quota(limit, 0, reset_at, exceeded=True)
            window.hits += 1
            return Quota(limit, limit - window.hits, reset_at, exceeded=False)
