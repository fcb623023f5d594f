"""`AsyncModelsLab`, the async client, and the one request pipeline every route uses.

A call goes: resource method (generated; checks arguments) -> :meth:`_request`
(token, URL, body) -> rate gate -> httpx -> :func:`decode` (envelope -> model, or the
typed error) -> retry decision. Siblings made by :meth:`with_token` and
:meth:`with_options` share the connection pool and the rate gate.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import ssl
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeVar

import anyio
import httpx

from ._endpoint import Endpoint
from ._envelope import decode, redact
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InsecureTransportError,
    MissingTokenError,
    ModelsLabError,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)
from ._logging import logger, setup_from_env
from ._resources import AsyncResources
from ._retry import NOT_SENT, RateGate, RetryEvent, RetryHook, RetryPolicy, parse_retry_after
from ._secret import Secret
from ._version import __version__

if TYPE_CHECKING:
    from ._batch import BatchResult

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "AsyncModelsLab"]

T = TypeVar("T")
I = TypeVar("I")  # noqa: E741

DEFAULT_BASE_URL: Final = "https://modelslab.com/api/agents/v1"
#: Finite by default: a stuck server must never hang an agent.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
#: Connections open at once, all of them kept alive between requests: enough for a
#: batch at its default concurrency (16) with room for other calls beside it.
MAX_CONNECTIONS: Final = 20
#: The same limits for httpx's own pool, which sends through a proxy.
DEFAULT_LIMITS: Final = httpx.Limits(
    max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
)
ATTEMPT_HEADER: Final = "X-ModelsLab-Attempt"
USER_AGENT: Final = f"modelslab-agents/{__version__} (python; httpx/{httpx.__version__})"
_SDK_HEADERS: Final = {
    "User-Agent": USER_AGENT,
    "Accept": "application/json",
    "Accept-Encoding": "gzip, deflate",
}

_TOKEN_ENV: Final = ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN")
# Compact, UTF-8 JSON: the same bytes httpx's own ``json=`` would send.
_dumps: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_ssl_context: ssl.SSLContext | None = None


def _shared_ssl_context() -> ssl.SSLContext:
    """One verifying SSL context per process: building one costs milliseconds."""
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = ssl.create_default_context()
        try:
            import certifi  # httpx's own trust store, when installed

            _ssl_context.load_verify_locations(certifi.where())
        except ImportError:  # pragma: no cover - httpx depends on certifi
            pass
    return _ssl_context


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _resolve_base_url(base_url: str | httpx.URL | None, allow_insecure_http: bool) -> str:
    raw = (
        str(base_url)
        if base_url is not None
        else os.environ.get("MODELSLAB_BASE_URL") or DEFAULT_BASE_URL
    )
    try:
        url = httpx.URL(raw)
    except Exception:
        raise ValueError("base_url is not a valid URL") from None
    if url.userinfo:
        # Never echo it: the URL carries a password.
        raise ValueError("base_url must not carry credentials (user:password@); use token=")
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an http:// or https:// URL with a host, got {raw!r}")
    if url.scheme == "http" and not allow_insecure_http and not _is_loopback(url.host):
        raise InsecureTransportError(
            f"base_url {raw!r} is plain http:// to {url.host}, so the bearer token would "
            "travel unencrypted; use https://, or pass allow_insecure_http=True for a "
            "trusted proxy"
        )
    if url.query or url.fragment:
        raise ValueError(f"base_url must not carry a query or fragment, got {raw!r}")
    return raw.rstrip("/")


def _resolve_token(token: str | Secret | None, *, from_env: bool = True) -> Secret | None:
    if token is None and not from_env:
        return None
    if token is None:
        for name in _TOKEN_ENV:
            value = os.environ.get(name, "").strip()
            if value:
                return Secret(value)
        return None
    if isinstance(token, Secret):
        return token if token else None
    if not isinstance(token, str):
        raise TypeError(f"token must be a str or Secret, not {type(token).__name__}")
    return Secret(token) if token else None


def _resolve_timeout(timeout: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        if any(part is None for part in parts):
            raise ValueError("every part of timeout must be finite: a stuck server would hang")
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    return httpx.Timeout(float(timeout))


def _own_pool() -> httpx.AsyncBaseTransport:
    # Imported on first use: httpcore, which it needs, takes ~140 ms to import, and
    # httpx itself defers it until the first request too.
    from ._transport import ConnectionPool

    return ConnectionPool(
        ssl_context=_shared_ssl_context(),
        max_connections=MAX_CONNECTIONS,
        keepalive_expiry=DEFAULT_LIMITS.keepalive_expiry,
    )


class _Pool:
    """What a client shares with its siblings: the httpx client and the rate gate.

    The httpx client is built on first use, so creating clients is cheap and the
    pool belongs to the event loop that first sends on it.
    """

    __slots__ = ("closed", "direct", "gate", "http", "owned", "timeout", "transport")

    def __init__(
        self,
        http: httpx.AsyncClient | None,
        transport: httpx.AsyncBaseTransport | None,
        timeout: httpx.Timeout,
    ) -> None:
        self.http = http
        self.owned = http is None  # a client the user handed in is theirs to close
        self.transport = transport
        self.timeout = timeout
        self.gate = RateGate()
        self.closed = False
        # The transport behind our own httpx client, when requests may go straight to
        # it (see send()); None until the client is built, and for a user's client.
        self.direct: httpx.AsyncBaseTransport | None = None

    def client(self) -> httpx.AsyncClient:
        if self.closed:
            raise RuntimeError("this client has been closed; create a new one")
        if self.http is None:
            self.http = httpx.AsyncClient(
                transport=self.transport,
                timeout=self.timeout,
                limits=DEFAULT_LIMITS,
                verify=_shared_ssl_context(),
                follow_redirects=False,  # never carry the token to another origin
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            )
            # With no proxy mounted (none in the environment), every request goes to
            # one transport: the user's, or the SDK's own pool (see _transport.py).
            # ``_mounts`` is httpx's; when it is absent or a proxy is mounted, requests
            # take the public path through httpx's transports instead.
            if not getattr(self.http, "_mounts", True):
                self.direct = self.transport or _own_pool()
        return self.http

    async def send(
        self,
        method: str,
        url: str,
        content: bytes | None,
        headers: dict[str, str],
        timeout: httpx.Timeout,
    ) -> httpx.Response:
        """Send one request and read its whole answer.

        On the SDK's own pool the request goes straight to the transport: the
        client's per-request machinery (header and cookie merging, auth, redirect
        and event-hook handling) does nothing for the SDK, which sends its complete
        headers itself and never follows redirects, and it costs about half of an
        in-process round trip (benchmarks/PERF.md). A user's ``http_client`` gets
        the public path, so its own headers, auth and event hooks apply.
        """
        http = self.client()
        transport = self.direct
        if transport is None:
            return await http.request(
                method,
                url,
                content=content,
                headers=headers,
                timeout=timeout,
                follow_redirects=False,  # also with an http_client that follows
            )
        request = httpx.Request(
            method, url, content=content, headers=headers, extensions={"timeout": timeout.as_dict()}
        )
        response = await transport.handle_async_request(request)
        response.request = request
        try:
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response

    def forget_after_fork(self) -> None:
        """In a forked child: drop the parent's connections, build a new pool on use."""
        if not self.owned:
            raise RuntimeError(
                "this client was built on an http_client you passed in, which cannot be "
                "used after os.fork(); create the client in the child process"
            )
        self.http = self.direct = None

    async def aclose(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.http is not None and self.owned:
            await self.http.aclose()
        if self.direct is not None and self.direct is not self.transport:
            await self.direct.aclose()  # the SDK's own pool


class AsyncModelsLab(AsyncResources):
    """The async client of the ModelsLab Agent Control Plane.

    Args:
        token: The bearer token (str or :class:`Secret`). When None, read from
            ``MODELSLAB_AGENT_TOKEN``, then ``MODELSLAB_TOKEN``. Routes that need
            no token (signup, login, password reset) work without one.
        base_url: Defaults to ``MODELSLAB_BASE_URL``, then the public service.
        timeout: Seconds, or an :class:`httpx.Timeout`; always finite.
        max_retries: Retries after the first attempt (0 turns retrying off).
        transport: An :class:`httpx.AsyncBaseTransport`, e.g. the emulator's.
        http_client: Your own :class:`httpx.AsyncClient`; you close it.
        default_headers: Extra headers sent on every request.
        allow_insecure_http: Allow plain ``http://`` off loopback (trusted proxies).
        retry_backoff: First back-off in seconds, doubled and jittered per retry;
            0 removes the back-off sleeps in tests (a server-given Retry-After
            or rate-limit reset is still waited out).
        max_retry_after: The longest ``Retry-After`` waited out; longer raises
            :class:`RateLimitError` at once.
        total_timeout: Cap on the seconds one call spends, retries included.
        on_retry: Called with a :class:`RetryEvent` before every retry.

    Use it as ``async with AsyncModelsLab(...) as client:``, or call
    :meth:`aclose`. The resources are ``auth``, ``tokens``, ``profile``,
    ``api_keys`` and ``teams``, one method per route.
    """

    def __init__(
        self,
        token: str | Secret | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        retry_backoff: float = 0.5,
        max_retry_after: float = 60.0,
        total_timeout: float = 120.0,
        on_retry: RetryHook | None = None,
    ) -> None:
        if transport is not None and http_client is not None:
            raise ValueError("pass transport or http_client, not both")
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client must be an httpx.AsyncClient")
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(
                "transport must be an httpx.AsyncBaseTransport (both clients run the async core)"
            )
        resolved_timeout = _resolve_timeout(timeout)
        self._configure(
            pool=_Pool(http_client, transport, resolved_timeout),
            token=_resolve_token(token),
            base_url=_resolve_base_url(base_url, allow_insecure_http),
            timeout=resolved_timeout,
            retry=_retry_policy(max_retries, retry_backoff, max_retry_after, total_timeout),
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            on_retry=on_retry,
            owns_pool=True,
        )
        setup_from_env()

    def _configure(
        self,
        *,
        pool: _Pool,
        token: Secret | None,
        base_url: str,
        timeout: httpx.Timeout,
        retry: RetryPolicy,
        default_headers: Mapping[str, str] | None,
        allow_insecure_http: bool,
        on_retry: RetryHook | None,
        owns_pool: bool,
    ) -> None:
        self._pool = pool
        self._owns_pool = owns_pool
        self._token = token
        self._base_url = base_url
        self._timeout = timeout
        self._retry = retry
        self._default_headers = dict(default_headers or {})
        self._allow_insecure_http = allow_insecure_http
        self._on_retry = on_retry
        # Headers are built once: the hot path only picks one of these dicts. They are
        # complete (requests on the SDK's own pool skip httpx's header merging), and a
        # default header of the same name (any case) replaces the SDK's.
        base = dict(_SDK_HEADERS)
        for name, value in self._default_headers.items():
            for same in [k for k in base if k.lower() == name.lower()]:
                del base[same]
            base[name] = value
        self._anon_headers = base
        self._anon_json_headers = {**base, "Content-Type": "application/json"}
        if token is not None:
            auth = {**base, "Authorization": f"Bearer {token.get_secret_value()}"}
            self._auth_headers: dict[str, str] | None = auth
            self._auth_json_headers: dict[str, str] | None = {
                **auth,
                "Content-Type": "application/json",
            }
        else:
            self._auth_headers = self._auth_json_headers = None
        self._bind_resources()

    # -- siblings ---------------------------------------------------------------------

    def with_token(self, token: str | Secret | None) -> AsyncModelsLab:
        """A client acting with ``token`` that shares this client's connection pool."""
        return self.with_options(token=token)

    def with_options(self, **overrides: Any) -> AsyncModelsLab:
        """A sibling with some options changed, sharing the connection pool.

        Accepts ``token``, ``base_url``, ``timeout``, ``max_retries``,
        ``default_headers``, ``allow_insecure_http``, ``retry_backoff``,
        ``max_retry_after``, ``total_timeout`` and ``on_retry``.
        """
        unknown = set(overrides) - _SIBLING_OPTIONS
        if unknown:
            raise TypeError(
                f"with_options() got unexpected option(s) {', '.join(sorted(unknown))}; "
                f"allowed: {', '.join(sorted(_SIBLING_OPTIONS))}"
            )
        retry = self._retry
        allow_insecure = overrides.get("allow_insecure_http", self._allow_insecure_http)
        sibling = object.__new__(type(self))
        sibling._configure(
            pool=self._pool,
            # An explicit None means "no token", not "fall back to the environment".
            token=(
                _resolve_token(overrides["token"], from_env=False)
                if "token" in overrides
                else self._token
            ),
            base_url=(
                _resolve_base_url(overrides["base_url"], allow_insecure)
                if "base_url" in overrides or "allow_insecure_http" in overrides
                else self._base_url
            ),
            timeout=_resolve_timeout(overrides.get("timeout", self._timeout)),
            retry=_retry_policy(
                overrides.get("max_retries", retry.max_retries),
                overrides.get("retry_backoff", retry.backoff),
                overrides.get("max_retry_after", retry.max_retry_after),
                overrides.get("total_timeout", retry.total_timeout),
            ),
            default_headers=overrides.get("default_headers", self._default_headers),
            allow_insecure_http=allow_insecure,
            on_retry=overrides.get("on_retry", self._on_retry),
            owns_pool=False,
        )
        return sibling

    # -- lifecycle --------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The base URL every route path is appended to."""
        return self._base_url

    @property
    def token(self) -> Secret | None:
        """The bearer token, masked when shown."""
        return self._token

    @property
    def is_closed(self) -> bool:
        """Whether the shared connection pool has been closed."""
        return self._pool.closed

    async def aclose(self) -> None:
        """Close the connection pool; closing twice is fine.

        Closing a sibling made by :meth:`with_token`/:meth:`with_options` does not
        close the pool: the client that opened it owns it.
        """
        if self._owns_pool:
            await self._pool.aclose()

    async def __aenter__(self) -> AsyncModelsLab:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        token = "set" if self._token is not None else "none"
        return f"<{type(self).__name__} base_url={self._base_url!r} token={token}>"

    # -- batches ----------------------------------------------------------------------

    async def map(
        self,
        fn: Callable[[I], Awaitable[T]],
        items: Iterable[I],
        *,
        concurrency: int = 16,
        on_progress: Callable[[int, int], object] | None = None,
        timeout: float | None = None,
    ) -> BatchResult[I, T]:
        """Run ``fn(item)`` for every item, at most ``concurrency`` at a time.

        Returns one :class:`Outcome` per item, in input order. A failure never
        cancels or hides the others; ``raise_for_errors()`` raises them together.
        ``on_progress(done, total)`` is called after each item. When ``timeout``
        seconds pass, requests still in flight are cancelled and their outcomes
        (and those never started) carry an :class:`APITimeoutError`.
        """
        from ._batch import run_batch  # loaded by the programs that run batches

        return await run_batch(
            fn, items, concurrency=concurrency, on_progress=on_progress, timeout=timeout
        )

    # -- the pipeline -----------------------------------------------------------------

    async def _request(self, endpoint: Endpoint[T], path: str, body: dict[str, Any] | None) -> T:
        """Send one route's request, with retries, and decode its answer."""
        if endpoint.needs_token:
            headers = self._auth_headers if body is None else self._auth_json_headers
            if headers is None:
                raise MissingTokenError(
                    f"{endpoint.operation_id}() needs a bearer token: pass token=... to the "
                    "client, set MODELSLAB_AGENT_TOKEN, or use client.with_token(...) after "
                    "auth.login()"
                )
        else:
            headers = self._anon_headers if body is None else self._anon_json_headers
        pool = self._pool
        url = self._base_url + path
        content = None if body is None else _dumps(body).encode()
        gate = pool.gate
        group = endpoint.rate_limit_group
        timeout = self._timeout
        attempt = 1
        started = time.monotonic()
        deadline = started + self._retry.total_timeout
        may_have_acted = False  # an earlier attempt may have done the work
        lost: ModelsLabError | None = None  # an attempt that got no usable answer
        while True:
            held = gate.remaining(group)
            if held > deadline - time.monotonic():
                raise RateLimitError(
                    f"{endpoint.route} was not sent: the {group} rate limit is used up for "
                    f"another {held:.1f} s, past this call's total_timeout",
                    status_code=429,
                    code="rate_limited",
                    retry_after=held,
                )
            await gate.acquire(group)
            answer_headers = None
            sent_at = time.monotonic()
            try:
                # total_timeout is a deadline: an answer arriving a byte at a time must
                # not keep one attempt alive past it. A bare CancelScope rather than
                # anyio.fail_after: same guarantee, ~12 us less per call (benchmarks/PERF.md).
                # Its deadline is on the event loop's clock (trio's is offset).
                with anyio.CancelScope(
                    deadline=anyio.current_time() + max(0.0, deadline - sent_at)
                ) as scope:
                    try:
                        response = await pool.send(endpoint.method, url, content, headers, timeout)
                        answer_headers = response.headers
                    finally:
                        gate.release(group, answer_headers, self._retry.max_retry_after)
                if scope.cancelled_caught:
                    raise TimeoutError
            except TimeoutError:
                error: Exception = APITimeoutError(
                    f"{endpoint.route} ran past total_timeout "
                    f"({self._retry.total_timeout:g} s); the server may have acted on it"
                )
                raise redact(error, self._secrets(endpoint, body)) from None
            except httpx.DecodingError as exc:
                # A body its Content-Encoding cannot decode: an answer came, unreadable.
                error = ResponseDecodeError(
                    f"{endpoint.route} answered a body that its Content-Encoding cannot "
                    f"decode ({type(exc).__name__})"
                )
                error.__cause__ = exc
                status = None
                retryable, delay = endpoint.idempotent, None
                may_have_acted = True
                lost = lost or error
            except httpx.TransportError as exc:
                error = _connection_error(exc, endpoint)
                status = None
                not_sent = isinstance(exc, NOT_SENT)
                retryable = (not_sent or endpoint.idempotent) and not _certificate_failed(exc)
                delay = None
                may_have_acted = may_have_acted or not not_sent
                if not not_sent:
                    lost = lost or error
            else:
                status = response.status_code
                if logger.isEnabledFor(logging.DEBUG):
                    _log_answer(endpoint, url, status, sent_at, attempt)
                try:
                    return decode(endpoint, response)  # type: ignore[no-any-return]
                except NotFoundError as exc:
                    if may_have_acted and endpoint.method == "DELETE":
                        # The attempt that got no answer deleted it: the goal is met.
                        logger.info(
                            "%s %s: gone after a retry; treated as done", endpoint.method, url
                        )
                        return None  # type: ignore[return-value]
                    error, retryable, delay = exc, False, None
                except APIError as exc:
                    error = exc
                    retryable, delay = self._classify(exc, endpoint)
                    may_have_acted = may_have_acted or (retryable and delay is None)
                except ResponseDecodeError as exc:
                    # A 2xx that cannot be read: the server acted; repeating is safe only
                    # for an idempotent route.
                    error, retryable, delay = exc, endpoint.idempotent, None
                    may_have_acted = True
                    lost = lost or exc
            retry_wait = self._retry_wait(error, retryable, delay, attempt, started)
            if retry_wait is None:
                secrets = self._secrets(endpoint, body)
                if lost is not None and lost is not error and endpoint.method != "GET":
                    # The last answer (a 5xx, a 401 for a token the first attempt
                    # revoked, ...) must not hide that an earlier attempt may have acted.
                    redact(error, secrets)
                    raise redact(
                        APIConnectionError(
                            f"{endpoint.route}: an earlier attempt got no usable answer "
                            f"({lost}), so the server may have acted on it; the last "
                            f"attempt failed: {error}"
                        ),
                        secrets,
                    ) from error
                raise redact(error, secrets) from error.__cause__
            if delay is not None:
                gate.pause(group, retry_wait)  # the whole batch waits out a 429
            self._announce_retry(endpoint, url, attempt + 1, retry_wait, error, status)
            if delay is None:
                await anyio.sleep(retry_wait)
            attempt += 1
            headers = {**headers, ATTEMPT_HEADER: str(attempt)}

    def _classify(self, error: APIError, endpoint: Endpoint[Any]) -> tuple[bool, float | None]:
        """(retryable, server-given delay) for an error answer."""
        if isinstance(error, RateLimitError):
            return True, error.retry_after if error.retry_after is not None else None
        if error.status_code == 503 and error.response is not None:
            retry_after = parse_retry_after(error.response.headers)
            if retry_after is not None:
                return True, retry_after  # rejected before processing, like a 429
        if isinstance(error, ServerError):
            return endpoint.idempotent, None
        return False, None

    def _retry_wait(
        self,
        error: Exception,
        retryable: bool,
        delay: float | None,
        attempt: int,
        started: float,
    ) -> float | None:
        """Seconds to wait before the next attempt, or None to give up now."""
        policy = self._retry
        if not retryable or attempt > policy.max_retries:
            return None
        if delay is not None and delay > policy.max_retry_after:
            return None  # raised at once; RateLimitError.retry_after says how long
        wait = delay if delay is not None else policy.backoff_for(attempt)
        if time.monotonic() - started + wait > policy.total_timeout:
            return None
        return wait

    def _announce_retry(
        self,
        endpoint: Endpoint[Any],
        url: str,
        attempt: int,
        wait: float,
        error: Exception,
        status: int | None,
    ) -> None:
        reason = (
            f"status {status}" if status is not None else type(error.__cause__ or error).__name__
        )
        logger.info(
            "retrying %s %s in %.2f s (attempt %d of %d): %s",
            endpoint.method,
            url,
            wait,
            attempt,
            self._retry.max_retries + 1,
            reason,
        )
        if self._on_retry is not None:
            self._on_retry(
                RetryEvent(
                    operation_id=endpoint.operation_id,
                    method=endpoint.method,
                    url=url,
                    attempt=attempt,
                    delay=wait,
                    reason=reason,
                    status_code=status,
                )
            )

    def _secrets(self, endpoint: Endpoint[Any], body: dict[str, Any] | None) -> list[str]:
        """The secret values this request carried, to mask if the server echoes them."""
        secrets = [self._token.get_secret_value()] if self._token is not None else []
        if body:
            secrets += [body[f] for f in endpoint.secret_fields if isinstance(body.get(f), str)]
        return secrets


_SIBLING_OPTIONS: Final = frozenset(
    {
        "token",
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "allow_insecure_http",
        "retry_backoff",
        "max_retry_after",
        "total_timeout",
        "on_retry",
    }
)


def _retry_policy(
    max_retries: int, backoff: float, max_retry_after: float, total_timeout: float
) -> RetryPolicy:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {max_retries!r}")
    for name, value in (
        ("retry_backoff", backoff),
        ("max_retry_after", max_retry_after),
        ("total_timeout", total_timeout),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"{name} must be a number >= 0, got {value!r}")
    return RetryPolicy(
        max_retries=max_retries,
        backoff=float(backoff),
        max_retry_after=float(max_retry_after),
        total_timeout=float(total_timeout),
    )


def _connection_error(exc: httpx.TransportError, endpoint: Endpoint[Any]) -> APIConnectionError:
    # The transport's own words ("connection refused", ...) say what to fix; they
    # hold no header or body, so they are safe to show.
    detail = " ".join(str(exc).split())[:200]
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        error: APIConnectionError = APITimeoutError(
            f"{endpoint.route} timed out ({what}); the server "
            + ("never saw the request" if isinstance(exc, NOT_SENT) else "may have acted on it")
        )
    else:
        error = APIConnectionError(
            f"{endpoint.route} failed without an answer ({what}); the server "
            + ("never saw the request" if isinstance(exc, NOT_SENT) else "may have acted on it")
        )
    error.__cause__ = exc
    return error


def _certificate_failed(exc: BaseException) -> bool:
    """The server's TLS certificate failed verification: asking again cannot help."""
    seen: BaseException | None = exc
    for _ in range(8):  # httpx -> httpcore -> ssl; a bound, in case a chain loops
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _log_answer(
    endpoint: Endpoint[Any], url: str, status: int, sent_at: float, attempt: int
) -> None:
    elapsed_ms = (time.monotonic() - sent_at) * 1000
    logger.debug(
        "%s %s -> %d in %.1f ms (attempt %d)", endpoint.method, url, status, elapsed_ms, attempt
    )
