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
import random
import time
from collections.abc import Callable, Mapping

import anyio
import attrs
import httpx

__all__ = ["RateGate", "RetryEvent", "RetryPolicy", "parse_retry_after"]


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


class RateGate:
    """Per limiter group, the moment before which no request should start.

    One gate is shared by a client and its siblings, so a 429 seen by one task of
    a batch makes every other task wait out the same ``Retry-After`` instead of
    hammering the server, and ``X-RateLimit-Remaining: 0`` pauses the group
    until ``X-RateLimit-Reset`` instead of provoking a 429.
    """

    __slots__ = ("_resume_at",)

    def __init__(self) -> None:
        self._resume_at: dict[str, float] = {}

    def pause(self, group: str, seconds: float) -> None:
        """Hold the group for ``seconds`` from now (never shortening a pause)."""
        resume_at = time.monotonic() + seconds
        if resume_at > self._resume_at.get(group, 0.0):
            self._resume_at[group] = resume_at

    def observe(self, group: str, headers: Mapping[str, str], cap: float) -> None:
        """Pause the group when the answer says its quota is used up."""
        remaining = headers.get("x-ratelimit-remaining")
        if remaining is None or remaining.strip() != "0":
            return
        reset = headers.get("x-ratelimit-reset")
        try:
            value = float(reset) if reset is not None else None
        except ValueError:
            value = None
        if value is None:
            return
        # Laravel sends an epoch timestamp; some proxies send seconds from now.
        seconds = value - time.time() if value > 1_000_000_000 else value
        if 0 < seconds <= cap:
            self.pause(group, seconds)

    def remaining(self, group: str) -> float:
        """Seconds before the group may send again (0 when it may send now)."""
        resume_at = self._resume_at.get(group)
        return 0.0 if resume_at is None else max(0.0, resume_at - time.monotonic())

    async def wait(self, group: str) -> None:
        """Sleep until the group may send again."""
        resume_at = self._resume_at.get(group)
        while resume_at is not None:
            delay = resume_at - time.monotonic()
            if delay <= 0:
                self._resume_at.pop(group, None)
                return
            await anyio.sleep(delay)
            resume_at = self._resume_at.get(group)

    def __bool__(self) -> bool:
        return bool(self._resume_at)
