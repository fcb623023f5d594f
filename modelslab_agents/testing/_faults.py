"""Injected faults and latency: the network and proxy trouble a client must survive."""

from __future__ import annotations

import threading
from typing import Final, Literal, get_args

from ._routes import ROUTE_KEYS

__all__ = [
    "ACTING_KINDS",
    "FAULT_KINDS",
    "Fault",
    "FaultBook",
    "FaultKind",
    "Latency",
    "check_route",
]

FaultKind = Literal[
    "server_error",
    "html_error",
    "rate_limit",
    "drop_before",
    "drop_after",
    "slow",
    "truncated",
    "malformed",
]
FAULT_KINDS: Final[tuple[str, ...]] = get_args(FaultKind)

ACTING_KINDS: Final = frozenset({"drop_after", "slow", "truncated", "malformed"})
"""Kinds whose request the server acts on; the others refuse it with state unchanged."""


def check_route(route: str | None) -> None:
    """Reject a route string that names no route (a typo would silently match nothing)."""
    if route is not None and route not in ROUTE_KEYS:
        known = ", ".join(sorted(ROUTE_KEYS))
        raise ValueError(f"unknown route {route!r}; routes look like 'POST /api-keys': {known}")


class Fault:
    """One injected fault, as returned by ``FakeControlPlane.inject_fault``.

    It applies to the requests matching ``route`` (all requests when None): to the next
    ``count`` of them, or, with ``every=N``, to every N-th (at most ``count`` times when
    ``count`` is given). :meth:`remove` withdraws it; :attr:`hits` tells how many requests
    it has hit so far.
    """

    __slots__ = (
        "_book",
        "_hits",
        "_seen",
        "count",
        "delay",
        "every",
        "kind",
        "retry_after",
        "route",
        "status",
    )

    def __init__(
        self,
        book: FaultBook,
        kind: FaultKind,
        *,
        route: str | None,
        count: int | None,
        every: int | None,
        status: int,
        retry_after: int | None,
        delay: float | None,
    ) -> None:
        self._book = book
        self.kind: FaultKind = kind
        self.route = route
        self.count = count
        self.every = every
        self.status = status
        self.retry_after = retry_after
        self.delay = delay
        self._seen = 0
        self._hits = 0

    @property
    def hits(self) -> int:
        """How many requests this fault has hit."""
        return self._hits

    @property
    def exhausted(self) -> bool:
        return self.count is not None and self._hits >= self.count

    def remove(self) -> None:
        """Withdraw the fault (removing it twice is fine)."""
        self._book.discard(self)

    def _claims(self, route_key: str, taken: bool) -> bool:
        """Count a matching request and say whether this fault hits it.

        ``taken``: an earlier fault already hit this request. A count-based fault then
        waits for the next one; an ``every=N`` fault still counts the request's position.
        """
        if self.route is not None and self.route != route_key:
            return False
        self._seen += 1
        if taken or self.exhausted:
            return False
        if self.every is not None and self._seen % self.every != 0:
            return False
        self._hits += 1
        return True

    def __repr__(self) -> str:
        return (
            f"Fault({self.kind!r}, route={self.route!r}, count={self.count!r}, "
            f"every={self.every!r}, hits={self._hits})"
        )


class FaultBook:
    """The injected faults, in the order they were added; the first that claims a request
    wins it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(
        self,
        kind: FaultKind,
        *,
        route: str | None = None,
        count: int | None = None,
        every: int | None = None,
        status: int = 503,
        retry_after: int | None = 1,
        delay: float | None = None,
    ) -> Fault:
        """Validate and register a fault (see ``FakeControlPlane.inject_fault``)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        check_route(route)
        if every is not None and every < 1:
            raise ValueError("every must be >= 1")
        if count is not None and count < 1:
            raise ValueError("count must be >= 1")
        if kind in ("server_error", "html_error") and not 500 <= status <= 599:
            raise ValueError(f"status must be a 5xx code for {kind!r}; got {status}")
        if kind == "slow" and (delay is None or delay <= 0):
            raise ValueError("a 'slow' fault needs delay=<seconds>")
        if delay is not None and delay < 0:
            raise ValueError("delay must be >= 0")
        if retry_after is not None and retry_after < 0:
            raise ValueError("retry_after must be >= 0")
        fault = Fault(
            self,
            kind,
            route=route,
            count=1 if count is None and every is None else count,
            every=every,
            status=status,
            retry_after=retry_after,
            delay=delay,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def discard(self, fault: Fault) -> None:
        with self._lock:
            self._faults = [f for f in self._faults if f is not fault]

    def clear(self) -> None:
        with self._lock:
            self._faults = []

    def pick(self, route_key: str) -> Fault | None:
        """The fault that hits this request, if any; spent faults are dropped."""
        with self._lock:
            chosen: Fault | None = None
            for fault in self._faults:
                if fault._claims(route_key, taken=chosen is not None):
                    chosen = fault
            self._faults = [f for f in self._faults if not f.exhausted]
            return chosen


class Latency:
    """Added response latency: one value for every route, and per-route overrides."""

    def __init__(self, seconds: float = 0.0) -> None:
        self._default = 0.0
        self._per_route: dict[str, float] = {}
        self.set(seconds)

    def set(self, seconds: float, route: str | None = None) -> None:
        """Set the latency of one route, or of every route without its own setting."""
        if seconds < 0:
            raise ValueError("latency must be >= 0")
        check_route(route)
        if route is None:
            self._default = float(seconds)
        else:
            self._per_route[route] = float(seconds)

    def of(self, route_key: str) -> float:
        return self._per_route.get(route_key, self._default)
