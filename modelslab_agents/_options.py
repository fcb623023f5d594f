"""The client's options: one definition for both constructors and ``with_options``.

:class:`ClientOptions` and :class:`SiblingOptions` type the keyword arguments (a
misspelt option is a type error under ``mypy --strict``); :class:`Settings` is their
checked, resolved form, which a client keeps and its siblings derive theirs from.
Every check runs at construction, before any request, and no message echoes a value
that could be a secret.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, TypedDict

import attrs
import httpx

from ._exceptions import InsecureTransportError
from ._retry import RetryPolicy
from ._secret import Secret
from ._validation import check_bearer_token

if TYPE_CHECKING:
    from ._retry import RetryHook

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV",
    "ClientOptions",
    "Settings",
    "SiblingOptions",
    "is_loopback",
]

DEFAULT_BASE_URL: Final = "https://modelslab.com/api/agents/v1"
#: Finite by default: a stuck server must never hang an agent.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
#: The largest answer read, decoded. The largest real answers (a page of API keys or
#: team members) are a few KiB; 4 MiB leaves ample room and bounds memory.
DEFAULT_MAX_RESPONSE_BYTES: Final = 4 * 1024 * 1024
#: Where a client without ``token=`` looks for one, in this order.
TOKEN_ENV: Final = ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN")
BASE_URL_ENV: Final = "MODELSLAB_BASE_URL"

# RFC 9110 field names, and values h11 will send: visible ASCII, inner spaces/tabs.
_HEADER_NAME: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE: Final = re.compile(r"(?:[\x21-\x7e](?:[ \t]*[\x21-\x7e])*)?")


class _CommonOptions(TypedDict, total=False):
    base_url: str | httpx.URL | None
    timeout: float | httpx.Timeout
    max_retries: int
    default_headers: Mapping[str, str] | None
    allow_insecure_http: bool
    retry_backoff: float
    max_retry_after: float
    total_timeout: float
    on_retry: RetryHook | None
    max_response_bytes: int


class ClientOptions(_CommonOptions, total=False):
    """The keyword options of :class:`AsyncModelsLab` and :class:`ModelsLab`."""

    transport: httpx.AsyncBaseTransport | None
    http_client: httpx.AsyncClient | None


class SiblingOptions(_CommonOptions, total=False):
    """What :meth:`with_options` may change: every option but the connections."""

    token: str | Secret | None


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    host = host.lower()
    if host in ("localhost", "localhost.") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _resolve_token(token: object, *, from_env: bool = True) -> Secret | None:
    """The one place a token enters a client: from ``token=``, ``with_token`` or the
    environment (``TOKEN_ENV``)."""
    if token is None and from_env:
        for name in TOKEN_ENV:
            value = os.environ.get(name, "").strip()
            if value:
                return check_bearer_token(value, name)
    if token is None:
        return None
    if isinstance(token, Secret):
        return check_bearer_token(token) if token else None
    if not isinstance(token, str):
        raise TypeError(f"token must be a str or Secret, not {type(token).__name__}")
    # Checked where it enters: a value that cannot be a header fails here, unsent.
    return check_bearer_token(token) if token else None


def _resolve_base_url(base_url: object, allow_insecure_http: bool) -> str:
    raw = str(base_url) if base_url is not None else os.environ.get(BASE_URL_ENV) or ""
    raw = raw or DEFAULT_BASE_URL
    try:
        url = httpx.URL(raw)
    except Exception:
        raise ValueError("base_url is not a valid URL") from None
    if url.userinfo:
        # Never echo it: the URL carries a password.
        raise ValueError("base_url must not carry credentials (user:password@); use token=")
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError("base_url must be an http:// or https:// URL with a host")
    if url.scheme == "http" and not allow_insecure_http and not is_loopback(url.host):
        raise InsecureTransportError(
            f"base_url is plain http:// to {url.host}, so the bearer token would "
            "travel unencrypted; use https://, or pass allow_insecure_http=True for a "
            "trusted proxy"
        )
    if url.query or url.fragment:
        raise ValueError("base_url must not carry a query or fragment")
    return raw.rstrip("/")


def _seconds(name: str, value: object, *, positive: bool = False) -> float:
    """A finite number of seconds (>= 0, or > 0): inf would let a silent server hang a
    call for ever, and nan compares false with everything."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number of seconds, not {type(value).__name__}")
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        raise ValueError(f"{name} must be a finite number of seconds {'>' if positive else '>='} 0")
    return float(value)


def _resolve_timeout(timeout: object) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            value = getattr(timeout, part)
            if value is None:
                raise ValueError(
                    f"timeout.{part} must be finite: a stuck server would hang the call"
                )
            _seconds(f"timeout.{part}", value, positive=True)
        return timeout
    return httpx.Timeout(_seconds("timeout", timeout, positive=True))


def _resolve_headers(headers: object) -> dict[str, str]:
    """Check ``default_headers``: a value that cannot be sent as a header is refused
    here (it may be a secret, so the message names the header, never the value)."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise TypeError(f"default_headers must be a mapping, not {type(headers).__name__}")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValueError("default_headers has a name that is not a valid header name")
        if not isinstance(value, str):
            raise TypeError(f"default_headers[{name!r}] must be a str, not {type(value).__name__}")
        if not _HEADER_VALUE.fullmatch(value):
            raise ValueError(
                f"default_headers[{name!r}] cannot be sent as a header value ({len(value)} "
                "characters): only visible ASCII with inner spaces is allowed, no line breaks"
            )
        checked[name] = value
    return checked


@attrs.frozen
class Settings:
    """A client's options, checked and resolved (``with_options`` evolves them)."""

    token: Secret | None
    base_url: str
    timeout: httpx.Timeout
    retry: RetryPolicy
    default_headers: Mapping[str, str]
    allow_insecure_http: bool
    on_retry: RetryHook | None
    max_response_bytes: int

    @classmethod
    def resolve(cls, token: object, options: Mapping[str, Any]) -> Settings:
        """Check a constructor's options (without ``transport``/``http_client``)."""
        return cls._build(_resolve_token(token), options)

    def evolve(self, overrides: Mapping[str, Any]) -> Settings:
        """These settings with ``overrides`` applied (an explicit ``token=None`` means no
        token, not the environment's)."""
        unknown = set(overrides) - SiblingOptions.__optional_keys__
        if unknown:
            raise TypeError(
                f"with_options() got unexpected option(s) {', '.join(sorted(unknown))}; "
                f"allowed: {', '.join(sorted(SiblingOptions.__optional_keys__))}"
            )
        current = {
            "base_url": self.base_url,
            "timeout": self.timeout,
            "max_retries": self.retry.max_retries,
            "default_headers": self.default_headers,
            "allow_insecure_http": self.allow_insecure_http,
            "retry_backoff": self.retry.backoff,
            "max_retry_after": self.retry.max_retry_after,
            "total_timeout": self.retry.total_timeout,
            "on_retry": self.on_retry,
            "max_response_bytes": self.max_response_bytes,
        }
        token = self.token
        if "token" in overrides:
            token = _resolve_token(overrides["token"], from_env=False)
        return self._build(
            token, {**current, **{k: v for k, v in overrides.items() if k != "token"}}
        )

    @classmethod
    def _build(cls, token: Secret | None, options: Mapping[str, Any]) -> Settings:
        get = options.get
        max_retries = get("max_retries", 2)
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        cap = get("max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES)
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
            raise ValueError("max_response_bytes must be an int >= 1")
        on_retry = get("on_retry")
        if on_retry is not None and not callable(on_retry):
            raise TypeError("on_retry must be callable")
        allow_insecure = bool(get("allow_insecure_http", False))
        return cls(
            token=token,
            base_url=_resolve_base_url(get("base_url"), allow_insecure),
            timeout=_resolve_timeout(get("timeout", DEFAULT_TIMEOUT)),
            retry=RetryPolicy(
                max_retries=max_retries,
                backoff=_seconds("retry_backoff", get("retry_backoff", 0.5)),
                max_retry_after=_seconds("max_retry_after", get("max_retry_after", 60.0)),
                total_timeout=_seconds("total_timeout", get("total_timeout", 120.0)),
            ),
            default_headers=_resolve_headers(get("default_headers")),
            allow_insecure_http=allow_insecure,
            on_retry=on_retry,
            max_response_bytes=cap,
        )
