"""Raw responses: the same calls, answering the HTTP response alongside the model.

``client.with_raw_response.profile.get()`` makes the call ``client.profile.get()``
makes, through the same pipeline (checks, retries, errors), and returns a
:class:`RawResponse`: the status, the headers (request id, rate limits) and the time
the answer took, with :meth:`RawResponse.parse` giving what the plain method returns.
The raw resources themselves are generated (``_raw_resources``) from these two
wrappers, so each raw method has its plain twin's arguments and a typed answer.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import httpx

from ._retry import header_number

if TYPE_CHECKING:
    from ._resource import SyncResource

__all__ = ["RawResponse", "async_raw", "sync_raw"]

T = TypeVar("T")
P = ParamSpec("P")

#: Set while a raw call runs: the pipeline appends every answer it judges.
ANSWERS: contextvars.ContextVar[list[httpx.Response] | None] = contextvars.ContextVar(
    "modelslab_agents_raw_answers", default=None
)


class RawResponse(Generic[T]):
    """The HTTP answer of a successful call, and the value it decodes to.

    Attributes:
        http_response: The :class:`httpx.Response` itself (its body already read).
        status_code: The HTTP status.
        headers: The answer's headers.
        request_id: The server's request id (``X-Request-Id`` or the envelope's
            ``meta.request_id``), or None.
        elapsed: How long the answer took to arrive.
        rate_limit_limit: ``X-RateLimit-Limit``, or None.
        rate_limit_remaining: ``X-RateLimit-Remaining``: requests the window still allows.
        rate_limit_reset: ``X-RateLimit-Reset``, as the server sends it (an epoch
            timestamp in seconds), or None.
    """

    __slots__ = ("_value", "http_response")

    def __init__(self, http_response: httpx.Response, value: T) -> None:
        self.http_response = http_response
        self._value = value

    def parse(self) -> T:
        """What the plain method returns: the model, a list of models, or None."""
        return self._value

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def elapsed(self) -> datetime.timedelta:
        return self.http_response.elapsed

    @property
    def request_id(self) -> str | None:
        header: str | None = self.headers.get("x-request-id")
        if header:
            return header
        try:
            meta = self.http_response.json().get("meta")
        except (ValueError, AttributeError):
            return None
        value: object = meta.get("request_id") if isinstance(meta, dict) else None
        return value if isinstance(value, str) else None

    @property
    def rate_limit_limit(self) -> int | None:
        return _header_int(self.headers, "x-ratelimit-limit")

    @property
    def rate_limit_remaining(self) -> int | None:
        return _header_int(self.headers, "x-ratelimit-remaining")

    @property
    def rate_limit_reset(self) -> float | None:
        return header_number(self.headers, "x-ratelimit-reset")

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.http_response.request.url.path}>"


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    value = header_number(headers, name)
    return None if value is None else int(value)


async def _raw_call(
    method: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs
) -> RawResponse[T]:
    answers: list[httpx.Response] = []
    reset = ANSWERS.set(answers)  # set on the loop, where the pipeline runs
    try:
        value = await method(*args, **kwargs)
    finally:
        ANSWERS.reset(reset)
    return RawResponse(answers[-1], value)


def async_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The raw twin of an async resource method: the same arguments and call."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        return await _raw_call(method, *args, **kwargs)

    return call


def sync_raw(resource: SyncResource[Any], method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """The raw twin of a blocking resource method: it runs the raw twin of the async
    method of the same name on the client's loop."""
    twin = getattr(resource._async, method.__name__)
    runner = resource._runner

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        return runner.run(_raw_call(twin, *args, **kwargs))

    return call
