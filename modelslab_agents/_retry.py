"""When to retry, how long to wait, and the per-group pause after rate limits.

The rule is whether the server could have acted on the request:

* connect errors and connect/pool timeouts: it never saw the request, so any
  method is retried;
* read/write errors, read timeouts, protocol errors and 5xx answers: it may have
  acted, so only idempotent routes are retried (a retried POST must never create
  a second API key or invitation);
* 429 (and 503 with ``Retry-After``): rejected before processing, so any method
  is retried after the delay, as long as the delay is within
  ``max_retry_after``; a longer one raises at once with ``retry_after`` set.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable, Mapping
from typing import Final

import anyio
import attrs
import httpx

__all__ = ["RateGate", "RetryEvent", "RetryPolicy", "header_number", "parse_retry_after"]


@attrs.frozen
class RetryPolicy:
    """How a client retries.

    Attributes:
        max_retries: Retries after the first attempt; 0 turns retrying off.
        backoff: The first back-off in seconds, doubled on each retry and jittered;
            0 removes the back-off sleeps (for tests; server-given delays still apply).
        max_backoff: The cap on one back-off.
        max_retry_after: The longest ``Retry-After`` the SDK waits out; a longer
            one raises :class:`RateLimitError` at once.
        total_timeout: The cap on the time one call may spend, retries included;
            no retry starts that would end past it.
    """

    max_retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    total_timeout: float = 120.0

    def backoff_for(self, retry: int) -> float:
        """The jittered wait before retry number ``retry`` (1-based)."""
        if self.backoff <= 0:
            return 0.0
        ceiling = min(self.max_backoff, self.backoff * 2.0 ** (retry - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


@attrs.frozen
class RetryEvent:
    """Passed to ``on_retry`` hooks before each retry.

    Attributes:
        operation_id: ``resource.method`` of the call, e.g. ``"api_keys.get"``.
        method: The HTTP method.
        url: The full URL (it never holds a secret).
        attempt: The attempt about to be made (2 for the first retry).
        delay: Seconds the SDK waits before it.
        reason: What went wrong, e.g. ``"status 503"`` or ``"ReadTimeout"``.
        status_code: The status of the failed answer, if there was one.
    """

    operation_id: str
    method: str
    url: str
    attempt: int
    delay: float
    reason: str
    status_code: int | None = None


RetryHook = Callable[[RetryEvent], object]

# The server never saw these requests: safe to retry for any method.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or HTTP date)."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


#: How long requests wait for the first answer of a group to say what its window
#: allows, before they start anyway (a slow server must not serialise a batch).
PROBE_WAIT: Final = 1.0


class _Window:
    """What the answers say of one limiter group's current window."""

    __slots__ = ("answered", "in_flight", "limit", "paced", "remaining", "reset_at", "resume_at")

    def __init__(self) -> None:
        self.in_flight = 0  # requests sent and not yet answered
        #: None until the group's first answer; then whether answers carry limits.
        self.paced: bool | None = None
        self.answered: anyio.Event | None = None  # set by the group's first answer
        self.limit: int | None = None  # the window's size, once an answer says it
        self.remaining: int | None = None  # requests the window still allows
        self.reset_at: float | None = None  # monotonic time the window resets
        self.resume_at = 0.0  # no request before this (a 429's Retry-After)

    def wait_needed(self, now: float) -> float:
        """Seconds before one more request may start for sure (0: now)."""
        if self.reset_at is not None and now >= self.reset_at:
            # A new window: it allows what the last one did, until an answer says.
            self.remaining, self.reset_at = self.limit, None
        wait = self.resume_at - now
        spent = self.remaining is not None and self.remaining - self.in_flight <= 0
        if spent and self.reset_at is not None:
            wait = max(wait, self.reset_at - now)
        return max(0.0, wait)


class RateGate:
    """Paces the requests of a client family by what the server says of its limits.

    Every answer's ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` tell how many
    requests the group's window still allows and when it resets. Requests already in
    flight count against what remains, so once a window is spent no request starts
    until it resets: a batch neither hammers the server into 429s nor idles. Until
    the group's first answer arrives, one request goes alone (for at most
    :data:`PROBE_WAIT` seconds), so a batch does not open with a burst past the
    limit. A 429's ``Retry-After`` holds the whole group.

    One gate is shared by a client and its siblings; it lives on their event loop.
    """

    __slots__ = ("_windows",)

    def __init__(self) -> None:
        self._windows: dict[str, _Window] = {}

    def _window(self, group: str) -> _Window:
        window = self._windows.get(group)
        if window is None:
            window = self._windows[group] = _Window()
        return window

    def pause(self, group: str, seconds: float) -> None:
        """Hold the group for ``seconds`` from now (never shortening a pause)."""
        window = self._window(group)
        window.resume_at = max(window.resume_at, time.monotonic() + seconds)

    def remaining(self, group: str) -> float:
        """Seconds before the group may start another request (0: now)."""
        window = self._windows.get(group)
        return 0.0 if window is None else window.wait_needed(time.monotonic())

    async def acquire(self, group: str) -> None:
        """Wait until the group may start a request, then count it as in flight.

        Every ``acquire`` must be followed by one :meth:`release`.
        """
        window = self._window(group)
        while True:
            delay = window.wait_needed(time.monotonic())
            if delay > 0:
                await anyio.sleep(delay)
            elif window.paced is None and window.in_flight > 0:
                if window.answered is None:
                    window.answered = anyio.Event()
                with anyio.move_on_after(PROBE_WAIT) as probe:
                    await window.answered.wait()
                if probe.cancelled_caught:
                    window.paced = False  # the answer is slow: do not hold the batch
            else:
                break
        window.in_flight += 1

    def release(self, group: str, headers: Mapping[str, str] | None, cap: float) -> None:
        """Count a request as done, learning from its answer's headers, if any.

        ``cap`` bounds the reset the gate believes: a window said to reset further
        off than the longest wait the client accepts is not waited for here (the
        429 that follows raises at once, with ``retry_after``).
        """
        window = self._window(group)
        window.in_flight = max(0, window.in_flight - 1)
        if headers is not None:
            learned = _learn(window, headers, cap)
            if window.paced is None or learned:
                window.paced = learned
        if window.answered is not None and window.paced is not None:
            window.answered.set()


def header_number(headers: Mapping[str, str], name: str) -> float | None:
    """A header's value as a finite, non-negative number, or None."""
    value = headers.get(name)
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _learn(window: _Window, headers: Mapping[str, str], cap: float) -> bool:
    """Update the window from an answer's headers; whether they told anything."""
    remaining_value = header_number(headers, "x-ratelimit-remaining")
    reset = header_number(headers, "x-ratelimit-reset")
    if remaining_value is None or reset is None:
        return False
    remaining = int(remaining_value)
    # Laravel sends an epoch timestamp; some proxies send seconds from now.
    seconds = reset - time.time() if reset > 1_000_000_000 else reset
    if not 0 < seconds <= cap:
        return False
    limit = header_number(headers, "x-ratelimit-limit")
    window.limit = int(limit) if limit is not None else max(remaining + 1, window.limit or 0)
    reset_at = time.monotonic() + seconds
    if window.reset_at is None or reset_at > window.reset_at + 0.5:
        # The first word on a new window (resets are announced in whole seconds).
        window.remaining, window.reset_at = remaining, reset_at
    elif window.remaining is None or remaining < window.remaining:
        window.remaining = remaining  # answers of one window may arrive out of order
    return True
