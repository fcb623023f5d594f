"""The emulated server: one request in, one answer out (or a dropped connection).

The pipeline, in order: resolve the route; pick the injected fault, if any; wait out
latency and slow faults (without holding any lock, so other requests proceed); answer a
refusing fault; otherwise, under the store's lock, count the request against its rate
limit (unless limits are off), authenticate, check the scope, parse the body and run the
handler; finally apply a fault that mangles the answer. Every request is recorded in the
request log.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Awaitable, Callable
from typing import NamedTuple

import anyio

from ._call import Call, Reply
from ._clock import Clock
from ._errors import ApiError, insufficient_scope, not_found
from ._faults import ACTING_KINDS, Fault, FaultBook, Latency
from ._model import Token
from ._ratelimit import DEFAULT_LIMITS, RateLimiter
from ._routes import AUTH_GROUP, GENERAL_GROUP, Resolution, resolve
from ._store import Store
from ._validation import Body
from ._wire import (
    API_ROOT,
    ConnectionDropped,
    WireRequest,
    WireResponse,
    document_answer,
    error_answer,
    html_answer,
    new_request_id,
    parse_body,
    status_phrase,
    success_answer,
)

__all__ = ["Core", "HandledRequest", "Pause"]

Pause = Callable[[float], Awaitable[None]]
"""How the core waits: ``anyio.sleep``, or a front end's version that notices a client
hanging up (it raises ``ClientGone``)."""

_MALFORMED_BODY = b"OK"


class HandledRequest(NamedTuple):
    """One entry of ``FakeControlPlane.requests``.

    ``path`` is relative to ``/api/agents/v1`` (the full path for requests outside it);
    ``status`` is None when no answer reached the client (a dropped connection, or a
    client that gave up while the request waited).
    """

    method: str
    path: str
    status: int | None


class Core:
    """Answers requests from the shared state; safe to call from many threads and loops."""

    def __init__(
        self,
        *,
        store: Store,
        limiter: RateLimiter,
        faults: FaultBook,
        latency: Latency,
        clock: Clock,
        rng: random.Random,
    ) -> None:
        self.store = store
        self.limiter = limiter
        self.faults = faults
        self.latency = latency
        self.clock = clock
        self._rng = rng
        self._log_lock = threading.Lock()
        self._log: list[HandledRequest] = []

    @property
    def log(self) -> list[HandledRequest]:
        with self._log_lock:
            return list(self._log)

    async def handle(self, request: WireRequest, pause: Pause = anyio.sleep) -> WireResponse:
        """Answer ``request``; raises :class:`ConnectionDropped` for a dropped connection.

        Cancelling the call while it waits abandons the request before it is acted on.
        """
        path = _api_path(request.path)
        resolution = resolve(request.method, path)
        route_key = resolution.route.key if resolution.route else f"{request.method} {request.path}"
        fault = self.faults.pick(route_key)
        status: int | None = None
        try:
            delay = self.latency.of(route_key) + ((fault.delay or 0.0) if fault else 0.0)
            if delay > 0:
                await pause(delay)
            response = self._respond(request, resolution, fault)
            status = response.status
            return response
        finally:
            with self._log_lock:
                self._log.append(HandledRequest(request.method, path or request.path, status))

    def _respond(
        self, request: WireRequest, resolution: Resolution, fault: Fault | None
    ) -> WireResponse:
        request_id = new_request_id(self._rng)
        group = resolution.route.group if resolution.route else GENERAL_GROUP
        if fault is not None and fault.kind not in ACTING_KINDS:
            return self._refuse(fault, group, request_id)
        response = self._act(request, resolution, group, request_id)
        return response if fault is None else _mangle(fault, response)

    def _refuse(self, fault: Fault, group: str, request_id: str) -> WireResponse:
        """The answer of a fault that stops the request before it is acted on."""
        if fault.kind == "drop_before":
            raise ConnectionDropped
        if fault.kind == "rate_limit":
            limit, _ = self.limiter.limit_of(group) or DEFAULT_LIMITS[group]
            reset = int(self.clock.now()) + (fault.retry_after or 1)
            headers = [
                ("X-RateLimit-Limit", str(limit)),
                ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset", str(reset)),
            ]
            if fault.retry_after is not None:
                headers.append(("Retry-After", str(fault.retry_after)))
            return error_answer(_too_many(), request_id, headers)
        # "server_error" and "html_error"
        headers = []
        if fault.status == 503 and fault.retry_after is not None:
            headers.append(("Retry-After", str(fault.retry_after)))
        if fault.kind == "html_error":
            return html_answer(fault.status, request_id, headers)
        error = ApiError(fault.status, "server_error", f"{status_phrase(fault.status)}.")
        return error_answer(error, request_id, headers)

    def _act(
        self, request: WireRequest, resolution: Resolution, group: str, request_id: str
    ) -> WireResponse:
        """Run the request against the state, under the store's lock."""
        body = parse_body(request.body)
        with self.store.lock:
            now = self.clock.now()
            quota = self.limiter.hit(group, self._caller_key(request, group, body), now)
            headers = [] if quota is None else quota.headers(now)
            if quota is not None and quota.exceeded:
                return error_answer(_too_many(), request_id, headers)
            try:
                reply = self._dispatch(request, resolution, body)
            except ApiError as error:
                return error_answer(error, request_id, headers)
        if reply.document is not None:
            return document_answer(reply.status, reply.document, request_id, headers)
        return success_answer(reply.status, reply.data, request_id, headers)

    def _caller_key(
        self, request: WireRequest, group: str, body: dict[str, object] | ApiError
    ) -> str:
        """Who a rate limit counts, as published: ``agent-auth`` per client address and
        email, ``agent-general`` per client address and user (the token's holder, so every
        token of one user shares the budget). Without either, the client address alone."""
        if group == AUTH_GROUP:
            email = body.get("email") if isinstance(body, dict) else None
            if isinstance(email, str):
                return f"client:{request.client}|{email.casefold()}"
            return f"client:{request.client}"
        scheme, _, secret = request.headers.get("authorization", "").partition(" ")
        token = self.store.peek(secret.strip()) if scheme.lower() == "bearer" else None
        if token is not None:
            return f"client:{request.client}|user:{token.holder_id}"
        return f"client:{request.client}"

    def _dispatch(
        self, request: WireRequest, resolution: Resolution, body: dict[str, object] | ApiError
    ) -> Reply:
        route = resolution.route
        if route is None:
            if resolution.allowed:
                allowed = ", ".join(resolution.allowed)
                raise ApiError(
                    405,
                    "method_not_allowed",
                    f"The {request.method} method is not supported for this route. "
                    f"Supported methods: {allowed}.",
                    headers=[("Allow", allowed)],
                )
            raise not_found(f"The route {request.path} could not be found.")
        token = self._authenticate(request) if route.authenticated else None
        if token is not None and route.scope is not None and not token.grants(route.scope):
            raise insufficient_scope(route.scope, token.abilities)
        if isinstance(body, ApiError):
            raise body
        return route.handler(Call(self.store, Body(body), resolution.path_id, token))

    def _authenticate(self, request: WireRequest) -> Token:
        scheme, _, secret = request.headers.get("authorization", "").partition(" ")
        token = self.store.authenticate(secret.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise ApiError(
                401,
                "unauthenticated",
                "Unauthenticated.",
                headers=[("WWW-Authenticate", "Bearer")],
            )
        return token


def _api_path(path: str) -> str | None:
    """``path`` relative to the API root (trailing slash ignored), or None outside it."""
    if path != API_ROOT and not path.startswith(f"{API_ROOT}/"):
        return None
    return path[len(API_ROOT) :].rstrip("/") or "/"


def _mangle(fault: Fault, response: WireResponse) -> WireResponse:
    """Apply a fault that strikes after the request was acted on."""
    if fault.kind == "drop_after":
        raise ConnectionDropped
    if fault.kind == "truncated":
        return WireResponse(
            response.status, response.headers, response.body[: len(response.body) // 2]
        )
    if fault.kind == "malformed":  # a 200 that claims to be JSON and is not
        return WireResponse(200, response.headers, _MALFORMED_BODY)
    return response  # "slow": its delay was the whole effect


def _too_many() -> ApiError:
    return ApiError(429, "rate_limited", "Too Many Attempts.")
