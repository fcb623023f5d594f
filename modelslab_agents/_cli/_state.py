"""What every command shares: the global options, the output, the credentials and
the client, built on first use from the profile, the options and the environment.

Precedence, highest first:

- base URL: ``--base-url``, ``MODELSLAB_BASE_URL``, the profile's stored base URL,
  the public service;
- token: ``MODELSLAB_AGENT_TOKEN``, ``MODELSLAB_TOKEN``, the profile's stored token.
  A stored token is only sent to the base URL it was issued by, so pointing a
  profile at another server never leaks its token there.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

import click

from modelslab_agents._client import DEFAULT_BASE_URL
from modelslab_agents._secret import Secret

from ._credentials import CredentialStore, StoredProfile
from ._errors import NotLoggedInError
from ._output import Output

if TYPE_CHECKING:
    from modelslab_agents._models import AuthSession, SignupResult
    from modelslab_agents._sync import ModelsLab

__all__ = ["AppState", "TOKEN_ENV", "pass_state"]

TOKEN_ENV: Final = ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN")
BASE_URL_ENV: Final = "MODELSLAB_BASE_URL"


def _same_url(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


class AppState:
    """The state of one command invocation (``ctx.obj``)."""

    def __init__(
        self,
        *,
        profile: str,
        base_url: str | None,
        as_json: bool,
        timeout: float | None,
        max_retries: int | None,
        allow_insecure_http: bool,
    ) -> None:
        self.profile_name = profile
        self._base_url_option = base_url
        self.output = Output(as_json=as_json)
        self.timeout = timeout
        self.max_retries = max_retries
        self.allow_insecure_http = allow_insecure_http
        self._store: CredentialStore | None = None
        self._clients: list[ModelsLab] = []
        self.sent_token = False  # a client with a token was made: a 401 means it was refused

    # -- credentials ------------------------------------------------------------------

    @property
    def store(self) -> CredentialStore:
        if self._store is None:
            self._store = CredentialStore(warn=self.output.warn)
        return self._store

    def stored_profile(self) -> StoredProfile | None:
        return self.store.profile(self.profile_name)

    def base_url(self) -> str:
        """The base URL this invocation talks to."""
        if self._base_url_option:
            return self._base_url_option.rstrip("/")
        from_env = os.environ.get(BASE_URL_ENV, "").strip()
        if from_env:
            return from_env.rstrip("/")
        stored = self.stored_profile()
        if stored is not None and stored.base_url:
            return stored.base_url
        return DEFAULT_BASE_URL

    def token(self) -> tuple[Secret | None, str]:
        """The token to send and where it came from (an env variable, ``"profile"``,
        or ``"none"``)."""
        for name in TOKEN_ENV:
            value = os.environ.get(name, "").strip()
            if value:
                return Secret(value), name
        stored = self.stored_profile()
        if stored is None or not stored.logged_in:
            return None, "none"
        if stored.base_url and not _same_url(stored.base_url, self.base_url()):
            return None, "other-url"
        token = self.store.token_of(stored)
        return (token, "profile") if token else (None, "none")

    def require_token(self) -> tuple[Secret, str]:
        """The token, or a :class:`NotLoggedInError` saying how to get one."""
        token, source = self.token()
        if token is not None:
            return token, source
        if source == "other-url":
            stored = self.stored_profile()
            where = stored.base_url if stored is not None else "another URL"
            raise NotLoggedInError(
                f"profile {self.profile_name!r} is logged in to {where}, not "
                f"{self.base_url()}: run `modelslab-agents auth login` for this URL, "
                "or choose another --profile"
            )
        raise NotLoggedInError(
            f"not logged in (profile {self.profile_name!r}, {self.base_url()}): run "
            "`modelslab-agents auth login EMAIL`, or set MODELSLAB_AGENT_TOKEN"
        )

    def save_session(
        self,
        session: AuthSession | SignupResult | None,
        token: Secret,
        email: str | None,
        *,
        profile: str | None = None,
    ) -> str:
        """Store a new login, issued by this invocation's base URL, in ``profile``
        (default: the current one); returns where the token went."""
        if email is None and session is not None and session.user is not None:
            email = session.user.email
        for name in TOKEN_ENV:
            if os.environ.get(name, "").strip():
                self.output.warn(f"{name} is set, so it is used instead of the stored token")
                break
        return self.store.save_token(
            profile or self.profile_name, base_url=self.base_url(), token=token, email=email
        )

    def token_store_kind(self, stored_in: str | None) -> str | None:
        """``"keyring"`` or ``"file"`` for ``--json``, after a token was stored."""
        if stored_in is None:
            return None
        return "keyring" if self.store.keyring_available else "file"

    # -- the client -------------------------------------------------------------------

    def client(self, *, auth: bool = True, token: Secret | None = None) -> ModelsLab:
        """A blocking client for this invocation, closed when the command ends.

        ``auth=False`` makes a client that sends no token (signup, login, ...).
        """
        from modelslab_agents._sync import ModelsLab

        if token is None and auth:
            token, _ = self.require_token()
        self.sent_token = self.sent_token or bool(token)
        options: dict[str, object] = {}
        if self.timeout is not None:
            options["timeout"] = self.timeout
        if self.max_retries is not None:
            options["max_retries"] = self.max_retries
        client = ModelsLab(
            # An empty Secret (not None) keeps the SDK from reading the env token.
            token if token is not None else Secret(""),
            base_url=self.base_url(),
            allow_insecure_http=self.allow_insecure_http,
            **options,  # type: ignore[arg-type]
        )
        self._clients.append(client)
        return client

    def close(self) -> None:
        for client in self._clients:
            client.close()
        self._clients.clear()


pass_state = click.make_pass_decorator(AppState)
