"""``FakeControlPlane``: the offline emulator of the Agent Control Plane."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from typing import Any, ClassVar

import httpx

from ._asgi import AsgiApp
from ._clock import Clock
from ._core import Core, HandledRequest
from ._faults import Fault, FaultBook, FaultKind, Latency
from ._model import SCOPES, TOKEN_LIFETIMES, Account, Email
from ._ratelimit import RateLimiter, RateLimits
from ._routes import CONTRACT_ROUTES, ROUTES
from ._server import serve as _serve
from ._store import Store
from ._transport import FakeTransport
from ._validation import is_email
from ._views import api_key_view, member_view, token_view

__all__ = ["FakeControlPlane"]


class FakeControlPlane:
    """An in-memory Agent Control Plane that speaks the real wire format.

    Reach it in-process with :meth:`transport` (no sockets), over real HTTP with
    :meth:`serve`, or from any ASGI server with :attr:`asgi_app`; all three share one
    state, safe under concurrent requests from many threads and event loops.

    Args:
        require_email_verification: when true, signup returns no token and emails a
            verification code, and login answers 403 ``email_not_verified`` until
            ``POST /auth/verify-email`` is called with that code.
        rate_limits: the published limits by default (``True``): ``"agent-auth"`` 20
            requests a minute per client address and email (signup, login, verify,
            forgot/reset password, resend verification), ``"agent-general"`` 120 a minute
            per client address and user (every other route), in fixed windows, with
            ``X-RateLimit-Limit``/``-Remaining``/``-Reset`` on every answer and 429
            ``rate_limited`` with ``Retry-After`` past them. ``False`` turns them off (no
            counting, no headers); ``{group: (limit, per_seconds)}`` replaces the given
            groups' limits (``None`` for a group: unlimited).
        max_token_lifetime: account policy, in seconds: a token asked for longer (or
            ``never``) gets this lifetime, and the answer says ``token_lifetime_capped:
            true``. A lifetime name (``"3_months"``) works too. Default: no cap.
        latency: seconds added to every answer (see :meth:`set_latency`).
        seed: makes tokens, keys, codes, invitation ids and request ids reproducible.
    """

    routes: ClassVar[tuple[str, ...]] = tuple(route.key for route in (*ROUTES, *CONTRACT_ROUTES))
    """Every route as fault injection and latency name it, e.g. ``"DELETE /api-keys/{id}"``."""

    def __init__(
        self,
        *,
        require_email_verification: bool = False,
        rate_limits: RateLimits = True,
        max_token_lifetime: float | str | None = None,
        latency: float = 0.0,
        seed: int | None = None,
    ) -> None:
        rng = random.Random(seed)
        self._clock = Clock()
        self._store = Store(
            clock=self._clock,
            rng=rng,
            require_email_verification=require_email_verification,
            max_token_lifetime=_lifetime(max_token_lifetime),
        )
        self._core = Core(
            store=self._store,
            limiter=RateLimiter(rate_limits),
            faults=FaultBook(),
            latency=Latency(latency),
            clock=self._clock,
            rng=random.Random(rng.getrandbits(64)),
        )
        self._asgi_app = AsgiApp(self._core)

    # -- ways in --------------------------------------------------------------------

    def transport(self) -> httpx.AsyncBaseTransport:
        """An in-process transport for ``httpx.AsyncClient`` or the SDK's clients."""
        return FakeTransport(self._core)

    @property
    def asgi_app(self) -> AsgiApp:
        """The emulator as an ASGI 3 application (paths under ``/api/agents/v1``)."""
        return self._asgi_app

    def serve(
        self, host: str = "127.0.0.1", port: int = 0
    ) -> contextlib.AbstractContextManager[str]:
        """Serve over HTTP with uvicorn (the ``emulator`` extra) in a background thread.

        Use as ``with fake.serve() as base_url:``; ``base_url`` is
        ``http://127.0.0.1:<port>/api/agents/v1``.
        """
        return _serve(self._asgi_app, host, port)

    # -- what happened --------------------------------------------------------------

    @property
    def outbox(self) -> list[Email]:
        """The emails sent so far, oldest first (a copy)."""
        with self._store.lock:
            return list(self._store.outbox)

    @property
    def requests(self) -> list[HandledRequest]:
        """``(method, path, status)`` of every request handled so far, in order (a copy)."""
        return self._core.log

    def api_keys_of(self, email: str) -> list[dict[str, Any]]:
        """The account's API keys as the API shows them, but with the full ``key``."""
        with self._store.lock:
            account = self._account(email)
            return [api_key_view(k, reveal=True) for k in self._store.api_keys_of(account.id)]

    def team_members_of(self, email: str) -> list[dict[str, Any]]:
        """The seats of the account's team, as ``GET /teams`` shows them."""
        with self._store.lock:
            account = self._account(email)
            return [member_view(s, self._store) for s in self._store.memberships_of(account.id)]

    def tokens_of(self, email: str) -> list[dict[str, Any]]:
        """The account's live tokens, as ``GET /auth/tokens`` shows them, plus ``account``:
        the username of the account each one acts as."""
        with self._store.lock:
            account = self._account(email)
            return [
                {
                    **token_view(t, current=None),
                    "account": self._store.account(t.account_id).username,
                }
                for t in self._store.tokens_held_by(account.id)
            ]

    # -- shaping conditions ---------------------------------------------------------

    def advance_time(self, seconds: float) -> None:
        """Move the emulator's clock forward: tokens expire, rate-limit windows reset."""
        self._clock.advance(seconds)

    def set_latency(self, seconds: float, route: str | None = None) -> None:
        """Delay answers by ``seconds``: of one route (e.g. ``"POST /api-keys"``), or of every
        route without a setting of its own. The wait happens before the request is acted
        on; a client that gives up meanwhile leaves the state unchanged."""
        self._core.latency.set(seconds, route)

    def set_rate_limit(self, group: str, limit: int | None, per_seconds: float = 60.0) -> None:
        """Allow ``limit`` requests per caller per ``per_seconds`` window in ``group``
        (``"agent-auth"`` or ``"agent-general"``; ``limit=None``: unlimited); current
        windows restart."""
        self._core.limiter.configure(group, limit, per_seconds)

    def inject_fault(
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
        """Make matching requests fail in a chosen way; deterministic.

        Kinds (state is unchanged unless said otherwise):

        - ``"server_error"``: a 5xx (``status``) JSON error envelope, code ``server_error``.
        - ``"html_error"``: a 5xx ``text/html`` page, as from a proxy, with a ``<title>``.
        - ``"rate_limit"``: 429 ``rate_limited`` with ``Retry-After: retry_after``.
        - ``"drop_before"``: the connection drops before the request is acted on.
        - ``"drop_after"``: the request is acted on, then the connection drops.
        - ``"slow"``: the answer waits ``delay`` seconds before the request is acted on.
        - ``"truncated"``: acted on; the body is cut in half mid-JSON.
        - ``"malformed"``: acted on; a 200 whose body is not JSON.

        A 503 (``server_error``/``html_error``) carries ``Retry-After`` unless
        ``retry_after`` is None. ``delay`` also postpones any other kind's answer.

        ``route`` limits the fault to one route (``"POST /api-keys"``; see :attr:`routes`).
        It hits the next ``count`` matching requests (default 1), or with ``every=N``
        every N-th one (without end, unless ``count`` caps the hits). Faults apply in the
        order injected, one per request. Returns the :class:`Fault`; ``.remove()`` it or
        call :meth:`clear_faults`.
        """
        return self._core.faults.add(
            kind,
            route=route,
            count=count,
            every=every,
            status=status,
            retry_after=retry_after,
            delay=delay,
        )

    def clear_faults(self) -> None:
        """Withdraw every injected fault."""
        self._core.faults.clear()

    # -- seeding --------------------------------------------------------------------

    def create_account(
        self,
        email: str,
        password: str,
        *,
        name: str | None = None,
        username: str | None = None,
        verified: bool = True,
    ) -> int:
        """Create an account directly (no email is sent); returns its id."""
        if not is_email(email):
            raise ValueError(f"not an email address: {email!r}")
        with self._store.lock:
            if self._store.account_by_email(email) is not None:
                raise ValueError(f"an account with email {email!r} exists already")
            if username is not None and self._store.account_by_username(username) is not None:
                raise ValueError(f"the username {username!r} is taken")
            account = self._store.add_account(
                email, password, name=name, username=username, verified=verified
            )
            return account.id

    def issue_token(
        self,
        email: str,
        *,
        scopes: Sequence[str] | None = None,
        token_expiry: str = "1_month",
        device_name: str = "seed",
    ) -> str:
        """Issue a bearer token for an existing account directly; returns the token."""
        if token_expiry not in TOKEN_LIFETIMES:
            raise ValueError(
                f"token_expiry must be one of {tuple(TOKEN_LIFETIMES)}; got {token_expiry!r}"
            )
        unknown = [s for s in scopes or () if s not in SCOPES]
        if unknown:
            raise ValueError(f"unknown scopes {unknown}; expected some of {SCOPES}")
        with self._store.lock:
            token = self._store.issue_token(
                self._account(email),
                device_name=device_name,
                token_expiry=token_expiry,
                scopes=None if scopes is None else list(dict.fromkeys(scopes)),
            )
            return token.secret

    def set_max_token_lifetime(self, lifetime: float | str | None) -> None:
        """Change the account policy's cap on token lifetimes (see the constructor)."""
        cap = _lifetime(lifetime)
        with self._store.lock:
            self._store.max_token_lifetime = cap

    def _account(self, email: str) -> Account:
        account = self._store.account_by_email(email)
        if account is None:
            raise KeyError(f"no account with email {email!r}")
        return account

    def __repr__(self) -> str:
        return f"<FakeControlPlane requests={len(self.requests)} emails={len(self.outbox)}>"


def _lifetime(value: float | str | None) -> float | None:
    """Seconds from a number of seconds or a lifetime name (``"3_months"``)."""
    if value is None:
        return None
    if isinstance(value, str):
        seconds = TOKEN_LIFETIMES.get(value, 0.0)
        if not seconds:
            raise ValueError(
                f"max_token_lifetime must be seconds or one of "
                f"{tuple(k for k, v in TOKEN_LIFETIMES.items() if v)}"
            )
        return seconds
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError("max_token_lifetime must be a positive number of seconds")
    return float(value)
