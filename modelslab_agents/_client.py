"""`AsyncModelsLab`, the async client, and the one request pipeline every route uses.

A call goes: resource method (generated; checks arguments) -> :meth:`_request`
(token, URL, body) -> rate gate -> httpx (one send path, whoever supplies the
transport) -> a bounded read -> :func:`decode` (envelope -> model, or the typed
error) -> retry decision. Siblings made by :meth:`with_token` and
:meth:`with_options` share the connection pool and the rate gate.
"""

from __future__ import annotations

import datetime
import json
import logging
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeVar

import anyio
import httpx

from . import _raw as raw
from ._endpoint import Endpoint
from ._envelope import decode, redact
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    MissingTokenError,
    ModelsLabError,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    ResponseTooLargeError,
    ServerError,
)
from ._logging import logger, setup_from_env
from ._options import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, TOKEN_ENV, ClientOptions, Settings
from ._resources import AsyncResources
from ._retry import NOT_SENT, RateGate, RetryEvent, parse_retry_after
from ._secret import Secret
from ._version import __version__

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._batch import BatchResult
    from ._options import SiblingOptions

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "AsyncModelsLab"]

T = TypeVar("T")
I = TypeVar("I")  # noqa: E741

#: Connections open at once, all of them kept alive between requests: enough for a
#: batch at its default concurrency (16) with room for other calls beside it.
MAX_CONNECTIONS: Final = 20
DEFAULT_LIMITS: Final = httpx.Limits(
    max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
)
#: A plain-http request to this machine never goes through a proxy from the
#: environment (HTTP_PROXY): the token would leave the machine in clear.
_LOOPBACK_DIRECT: Final[dict[str, httpx.AsyncBaseTransport | None]] = {
    "all://localhost": None,
    "all://*.localhost": None,
    "all://127.0.0.1": None,
    "all://[::1]": None,
}
#: Raw bytes handed to the decoder at a time: a compressed answer inflates at most
#: ~1,000-fold, so no decoded piece exceeds ~2 MiB before the size cap is checked.
_RAW_SLICE: Final = 2048
ATTEMPT_HEADER: Final = "X-ModelsLab-Attempt"
USER_AGENT: Final = f"modelslab-agents/{__version__} (python; httpx/{httpx.__version__})"
_SDK_HEADERS: Final = {
    "User-Agent": USER_AGENT,
    "Accept": "application/json",
    "Accept-Encoding": "gzip, deflate",
}
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


class _Slices(httpx.AsyncByteStream):
    """A compressed answer's raw bytes in small slices, so that what the decoder
    inflates from one slice stays small."""

    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            for start in range(0, len(chunk), _RAW_SLICE):
                yield chunk[start : start + _RAW_SLICE]

    async def aclose(self) -> None:
        await self._inner.aclose()


async def _read_capped(response: httpx.Response, cap: int, started: float) -> httpx.Response:
    """Read a streamed answer, decoded, up to ``cap`` bytes; past it, stop reading,
    drop the connection and raise :class:`ResponseTooLargeError`.

    Returns httpx's response, read, when the answer is plain and states a size within
    the cap; else a read copy with the same status, headers (less Content-Encoding:
    the content is decoded), request, extensions and ``elapsed``.
    """
    headers = response.headers
    length = headers.get("content-length", "")
    if "content-encoding" not in headers and length.isdigit() and int(length) <= cap:
        # The HTTP layer reads no more than Content-Length, so this read is bounded.
        try:
            content = await response.aread()
        finally:
            await response.aclose()
        if len(content) > cap:  # only an in-process transport can send more
            raise _too_large(response, cap)
        response.elapsed = _elapsed(response, started)
        return response
    if "content-encoding" in headers and isinstance(response.stream, httpx.AsyncByteStream):
        response.stream = _Slices(response.stream)
    parts: list[bytes] = []
    size = 0
    try:
        async for part in response.aiter_bytes():
            size += len(part)
            if size > cap:
                raise _too_large(response, cap)
            parts.append(part)
    finally:
        await response.aclose()  # an unfinished answer: the connection is dropped
    read = httpx.Response(
        response.status_code,
        headers=[(k, v) for k, v in response.headers.raw if k.lower() != b"content-encoding"],
        content=b"".join(parts),
        request=response.request,
        extensions=response.extensions,
    )
    read.elapsed = _elapsed(response, started)
    return read


def _too_large(response: httpx.Response, cap: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"the answer (HTTP {response.status_code}) is larger than "
        f"max_response_bytes ({cap} bytes); the SDK stopped reading it",
        status_code=response.status_code,
    )


def _elapsed(response: httpx.Response, started: float) -> datetime.timedelta:
    """httpx's ``elapsed``, or our own timing where httpx has none: it sets it when it
    closes the stream, and a pre-read (in-process) answer has none to close."""
    try:
        return response.elapsed
    except RuntimeError:
        return datetime.timedelta(seconds=time.perf_counter() - started)


class _Pool:
    """What a client shares with its siblings: the httpx client and the rate gate.

    The httpx client is built on first use, so creating clients is cheap and the
    pool belongs to the event loop that first sends on it. Without a ``transport``
    it runs on httpx's :class:`httpx.AsyncHTTPTransport`, sized for a batch.
    """

    __slots__ = ("closed", "gate", "http", "owned", "transport")

    def __init__(
        self, http: httpx.AsyncClient | None, transport: httpx.AsyncBaseTransport | None
    ) -> None:
        self.http = http
        self.owned = http is None  # a client the user handed in is theirs to close
        self.transport = transport
        self.gate = RateGate()
        self.closed = False

    def client(self) -> httpx.AsyncClient:
        if self.closed:
            raise RuntimeError("this client has been closed; create a new one")
        if self.http is None:
            self.http = httpx.AsyncClient(
                transport=self.transport,
                limits=DEFAULT_LIMITS,
                verify=_shared_ssl_context(),
                follow_redirects=False,  # never carry the token to another origin
                mounts=_LOOPBACK_DIRECT if self.transport is None else None,
            )
        return self.http

    async def send(
        self,
        method: str,
        url: str,
        content: bytes | None,
        headers: dict[str, str],
        timeout: httpx.Timeout,
        cap: int,
    ) -> httpx.Response:
        """Send one request through httpx and read its answer, at most ``cap`` bytes.

        The SDK's own client gets the request as built (its headers are complete);
        a user's ``http_client`` builds it, so its own headers, auth and hooks apply.
        """
        http = self.client()
        if self.owned:
            extensions = {"timeout": timeout.as_dict()}
            request = httpx.Request(
                method, url, content=content, headers=headers, extensions=extensions
            )
        else:
            request = http.build_request(
                method, url, content=content, headers=headers, timeout=timeout
            )
        started = time.perf_counter()
        response = await http.send(request, stream=True, follow_redirects=False)
        return await _read_capped(response, cap, started)

    def forget_after_fork(self) -> None:
        """In a forked child: drop the parent's connections, build a new pool on use."""
        if not self.owned or isinstance(self.transport, httpx.AsyncHTTPTransport):
            what = "an http_client" if not self.owned else "an httpx transport"
            raise RuntimeError(
                f"this client was built on {what} you passed in, whose connections belong "
                "to the parent process and cannot be used after os.fork(); create the "
                "client in the child process"
            )
        self.http = None

    async def aclose(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.http is not None and self.owned:
            await self.http.aclose()


class _Failure:
    """An attempt that did not succeed, and whether to try again."""

    __slots__ = ("delay", "error", "retryable", "status")

    def __init__(
        self,
        error: Exception,
        retryable: bool,
        delay: float | None = None,
        status: int | None = None,
    ) -> None:
        self.error = error
        self.retryable = retryable
        self.delay = delay  # a server-given wait (Retry-After), else None
        self.status = status


class _Call:
    """One call of a route, across its attempts."""

    __slots__ = (
        "attempt",
        "body",
        "content",
        "deadline",
        "endpoint",
        "headers",
        "lost",
        "may_have_acted",
        "started",
        "url",
    )

    def __init__(
        self,
        endpoint: Endpoint[Any],
        url: str,
        body: dict[str, Any] | None,
        headers: dict[str, str],
        total_timeout: float,
    ) -> None:
        self.endpoint = endpoint
        self.url = url
        self.body = body
        self.content = None if body is None else _dumps(body).encode()
        self.headers = headers
        self.attempt = 1
        self.started = time.monotonic()
        self.deadline = self.started + total_timeout
        self.may_have_acted = False  # an earlier attempt may have done the work
        self.lost: ModelsLabError | None = None  # an attempt that got no usable answer


class AsyncModelsLab(AsyncResources):
    """The async client of the ModelsLab Agent Control Plane.

    Args:
        token: The bearer token (str or :class:`Secret`). When None, read from
            ``MODELSLAB_AGENT_TOKEN``, then ``MODELSLAB_TOKEN``. Routes that need
            no token (signup, login, password reset) work without one.
        base_url: Defaults to ``MODELSLAB_BASE_URL``, then the public service.
        timeout: Seconds, or an :class:`httpx.Timeout`; always finite.
        max_retries: Retries after the first attempt (0 turns retrying off).
        transport: An :class:`httpx.AsyncBaseTransport`: the emulator's, or a faster
            one such as ``httpx_aiohttp.AiohttpTransport()`` (the ``aiohttp`` extra).
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
        max_response_bytes: The largest answer read (decoded); a larger one raises
            :class:`ResponseTooLargeError`. Default 4 MiB.

    Every seconds option must be finite and not negative (``ValueError`` otherwise).
    Use it as ``async with AsyncModelsLab(...) as client:``, or call
    :meth:`aclose`. The resources are ``auth``, ``tokens``, ``profile``,
    ``api_keys`` and ``teams``, one method per route.
    """

    def __init__(self, token: str | Secret | None = None, **options: Unpack[ClientOptions]) -> None:
        transport = options.pop("transport", None)
        http_client = options.pop("http_client", None)
        if transport is not None and http_client is not None:
            raise ValueError("pass transport or http_client, not both")
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client must be an httpx.AsyncClient")
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(
                "transport must be an httpx.AsyncBaseTransport (both clients run the async core)"
            )
        unknown = set(options) - ClientOptions.__optional_keys__
        if unknown:
            raise TypeError(
                f"{type(self).__name__}() got unexpected option(s) {', '.join(sorted(unknown))}"
            )
        self._configure(
            _Pool(http_client, transport), Settings.resolve(token, options), owns_pool=True
        )
        setup_from_env()

    def _configure(self, pool: _Pool, settings: Settings, *, owns_pool: bool) -> None:
        self._pool = pool
        self._owns_pool = owns_pool
        self._settings = settings
        self._token = settings.token
        self._base_url = settings.base_url
        self._timeout = settings.timeout
        self._retry = settings.retry
        self._on_retry = settings.on_retry
        # Headers are built once: the hot path only picks one of these dicts. They are
        # complete (the SDK's own httpx client adds none), and a default header of the
        # same name (any case) replaces the SDK's.
        base = dict(_SDK_HEADERS)
        for name, value in settings.default_headers.items():
            for same in [k for k in base if k.lower() == name.lower()]:
                del base[same]
            base[name] = value
        self._anon_headers = base
        self._anon_json_headers = {**base, "Content-Type": "application/json"}
        if settings.token is not None:
            auth = {**base, "Authorization": f"Bearer {settings.token.get_secret_value()}"}
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

    def with_options(self, **overrides: Unpack[SiblingOptions]) -> AsyncModelsLab:
        """A sibling with some options changed, sharing the connection pool.

        Takes every option of the constructor but ``transport`` and ``http_client``,
        plus ``token`` (an explicit None means no token, not the environment's).
        Options not given keep this client's values.
        """
        sibling = object.__new__(type(self))
        sibling._configure(self._pool, self._settings.evolve(overrides), owns_pool=False)
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

    async def _request(
        self,
        endpoint: Endpoint[T],
        body: dict[str, Any] | None = None,
        path_params: Mapping[str, object] | None = None,
    ) -> T:
        """Send one route's request, with retries, and decode its answer.

        Args:
            endpoint: The route's descriptor, which holds its path template.
            body: The JSON body, already checked; None for a route without one.
            path_params: The checked values of the path template's parameters.
        """
        call = _Call(
            endpoint,
            self._base_url + endpoint.path_for(path_params),
            body,
            self._headers_for(endpoint, body),
            self._retry.total_timeout,
        )
        while True:
            await self._wait_for_gate(call)
            outcome = await self._attempt(call)
            if not isinstance(outcome, _Failure):
                return outcome  # type: ignore[no-any-return]
            wait = self._retry_wait(outcome, call)
            if wait is None:
                error, cause = self._give_up(call, outcome)
                raise error from cause
            if outcome.delay is not None:
                self._pool.gate.pause(endpoint.rate_limit_group, wait)  # the batch waits too
            self._announce_retry(call, wait, outcome)
            if outcome.delay is None:
                await anyio.sleep(wait)
            call.attempt += 1
            call.headers = {**call.headers, ATTEMPT_HEADER: str(call.attempt)}

    def _headers_for(self, endpoint: Endpoint[Any], body: dict[str, Any] | None) -> dict[str, str]:
        if not endpoint.needs_token:
            return self._anon_headers if body is None else self._anon_json_headers
        headers = self._auth_headers if body is None else self._auth_json_headers
        if headers is None:
            raise MissingTokenError(
                f"{endpoint.operation_id}() needs a bearer token: pass token=... to the "
                f"client, set {TOKEN_ENV[0]}, or use client.with_token(...) after auth.login()"
            )
        return headers

    async def _wait_for_gate(self, call: _Call) -> None:
        """Wait until the route's group may send (see :class:`RateGate`), unless that
        outlasts the call; the attempt then counts as in flight until released."""
        gate = self._pool.gate
        group = call.endpoint.rate_limit_group
        held = gate.remaining(group)
        if held > call.deadline - time.monotonic():
            raise RateLimitError(
                f"{call.endpoint.route} was not sent: the {group} rate limit is used up for "
                f"another {held:.1f} s, past this call's total_timeout",
                status_code=429,
                code="rate_limited",
                retry_after=held,
            )
        await gate.acquire(group)

    async def _attempt(self, call: _Call) -> Any:
        """One attempt: the decoded answer, or a :class:`_Failure` saying whether to
        try again. Raises what must not be retried at all."""
        endpoint = call.endpoint
        sent_at = time.monotonic()
        try:
            # total_timeout is a deadline: an answer arriving a byte at a time must
            # not keep one attempt alive past it. Its deadline is on the event loop's
            # clock (trio's is offset).
            with anyio.CancelScope(
                deadline=anyio.current_time() + max(0.0, call.deadline - sent_at)
            ) as scope:
                answer_headers = None
                try:
                    response = await self._pool.send(
                        endpoint.method,
                        call.url,
                        call.content,
                        call.headers,
                        self._timeout,
                        self._settings.max_response_bytes,
                    )
                    answer_headers = response.headers
                finally:
                    self._pool.gate.release(
                        endpoint.rate_limit_group, answer_headers, self._retry.max_retry_after
                    )
            if scope.cancelled_caught:
                raise TimeoutError
        except TimeoutError:
            error: Exception = APITimeoutError(
                f"{endpoint.route} ran past total_timeout "
                f"({self._retry.total_timeout:g} s); the server may have acted on it"
            )
            raise redact(error, self._secrets(call)) from None
        except UnicodeEncodeError:
            # A header that cannot be encoded; never echo it (it may be the token).
            raise ValueError(
                f"{endpoint.route} was not sent: a header value is not ASCII"
            ) from None
        except ResponseTooLargeError as exc:
            call.may_have_acted = True
            return _Failure(exc, retryable=False)
        except httpx.DecodingError as exc:
            # A body its Content-Encoding cannot decode: an answer came, unreadable.
            error = ResponseDecodeError(
                f"{endpoint.route} answered a body that its Content-Encoding cannot "
                f"decode ({type(exc).__name__})"
            )
            error.__cause__ = exc
            return self._lost(call, error, retryable=endpoint.idempotent)
        except httpx.LocalProtocolError:
            # The request could not be written (a header h11 refuses): nothing was
            # sent, and repeating it cannot help. Its text may hold the header.
            raise APIConnectionError(
                f"{endpoint.route} could not be sent (LocalProtocolError: a header or "
                "the body is not valid HTTP); the server never saw the request"
            ) from None
        except httpx.TransportError as exc:
            error = _connection_error(exc, endpoint)
            if isinstance(exc, NOT_SENT):
                return _Failure(error, retryable=not _certificate_failed(exc))
            retryable = endpoint.idempotent and not _certificate_failed(exc)
            return self._lost(call, error, retryable=retryable)
        return self._judge_answer(call, response, sent_at)

    def _judge_answer(self, call: _Call, response: httpx.Response, sent_at: float) -> Any:
        """The decoded answer, or the failure it carries."""
        endpoint = call.endpoint
        status = response.status_code
        raw_answers = raw.ANSWERS.get()
        if raw_answers is not None:
            raw_answers.append(response)
        if logger.isEnabledFor(logging.DEBUG):
            elapsed_ms = (time.monotonic() - sent_at) * 1000
            logger.debug(
                "%s %s -> %d in %.1f ms (attempt %d)",
                endpoint.method,
                call.url,
                status,
                elapsed_ms,
                call.attempt,
            )
        try:
            return decode(endpoint, response)
        except NotFoundError as exc:
            if call.may_have_acted and endpoint.method == "DELETE":
                # The attempt that got no answer deleted it: the goal is met.
                logger.info("%s %s: gone after a retry; treated as done", endpoint.method, call.url)
                return None
            return _Failure(exc, retryable=False, status=status)
        except APIError as exc:
            retryable, delay = self._classify(exc, endpoint)
            call.may_have_acted = call.may_have_acted or (retryable and delay is None)
            return _Failure(exc, retryable, delay, status)
        except ResponseDecodeError as exc:
            # A 2xx that cannot be read: the server acted; repeating is safe only for
            # an idempotent route.
            return self._lost(call, exc, retryable=endpoint.idempotent, status=status)

    @staticmethod
    def _lost(
        call: _Call, error: ModelsLabError, *, retryable: bool, status: int | None = None
    ) -> _Failure:
        """An attempt that got no usable answer: the server may have acted on it."""
        call.may_have_acted = True
        call.lost = call.lost or error
        return _Failure(error, retryable, None, status)

    def _classify(self, error: APIError, endpoint: Endpoint[Any]) -> tuple[bool, float | None]:
        """(retryable, server-given delay) for an error answer."""
        if isinstance(error, RateLimitError):
            return True, error.retry_after
        if error.status_code == 503 and error.response is not None:
            retry_after = parse_retry_after(error.response.headers)
            if retry_after is not None:
                return True, retry_after  # rejected before processing, like a 429
        if isinstance(error, ServerError):
            return endpoint.idempotent, None
        return False, None

    def _retry_wait(self, failure: _Failure, call: _Call) -> float | None:
        """Seconds to wait before the next attempt, or None to give up now."""
        policy = self._retry
        if not failure.retryable or call.attempt > policy.max_retries:
            return None
        delay = failure.delay
        if delay is not None and delay > policy.max_retry_after:
            return None  # raised at once; RateLimitError.retry_after says how long
        wait = delay if delay is not None else policy.backoff_for(call.attempt)
        if time.monotonic() - call.started + wait > policy.total_timeout:
            return None
        return wait

    def _give_up(self, call: _Call, failure: _Failure) -> tuple[Exception, BaseException | None]:
        """The error to raise, masked, and its cause."""
        secrets = self._secrets(call)
        error = failure.error
        lost = call.lost
        if lost is not None and lost is not error and call.endpoint.method != "GET":
            # The last answer (a 5xx, a 401 for a token the first attempt revoked, ...)
            # must not hide that an earlier attempt may have acted.
            redact(error, secrets)
            wrapped = APIConnectionError(
                f"{call.endpoint.route}: an earlier attempt got no usable answer "
                f"({lost}), so the server may have acted on it; the last "
                f"attempt failed: {error}"
            )
            return redact(wrapped, secrets), error
        return redact(error, secrets), error.__cause__

    def _announce_retry(self, call: _Call, wait: float, failure: _Failure) -> None:
        endpoint, error, status = call.endpoint, failure.error, failure.status
        reason = (
            f"status {status}" if status is not None else type(error.__cause__ or error).__name__
        )
        logger.info(
            "retrying %s %s in %.2f s (attempt %d of %d): %s",
            endpoint.method,
            call.url,
            wait,
            call.attempt + 1,
            self._retry.max_retries + 1,
            reason,
        )
        if self._on_retry is not None:
            self._on_retry(
                RetryEvent(
                    operation_id=endpoint.operation_id,
                    method=endpoint.method,
                    url=call.url,
                    attempt=call.attempt + 1,
                    delay=wait,
                    reason=reason,
                    status_code=status,
                )
            )

    def _secrets(self, call: _Call) -> list[str]:
        """The secret values this request carried, to mask if the server echoes them."""
        secrets = [self._token.get_secret_value()] if self._token is not None else []
        body = call.body
        if body:
            fields = call.endpoint.secret_fields
            secrets += [body[f] for f in fields if isinstance(body.get(f), str)]
        return secrets


def _connection_error(exc: httpx.TransportError, endpoint: Endpoint[Any]) -> APIConnectionError:
    # The transport's own words ("connection refused", ...) say what to fix; they
    # hold no header or body, so they are safe to show.
    detail = " ".join(str(exc).split())[:200]
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    server = "never saw the request" if isinstance(exc, NOT_SENT) else "may have acted on it"
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    verb = "timed out" if cls is APITimeoutError else "failed without an answer"
    error = cls(f"{endpoint.route} {verb} ({what}); the server {server}")
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
