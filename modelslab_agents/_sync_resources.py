# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The typed resources of the blocking client: one method per route, each running
the async method of the same name, so the two clients can never drift."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._raw_resources import RawResources
from ._resource import Runner, SyncResource
from ._resources import (
    AsyncApiKeysResource,
    AsyncAuthResource,
    AsyncProfileResource,
    AsyncResources,
    AsyncTeamsResource,
    AsyncTokensResource,
)
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from collections.abc import Sequence
    from uuid import UUID

    from ._models import (
        AccessToken,
        ApiKey,
        AuthSession,
        CreatedApiKey,
        Profile,
        Scope,
        SignupResult,
        TeamMember,
    )
    from ._secret import Secret
    from ._types import ScopeName, TokenExpiry

__all__ = [
    "ApiKeysResource",
    "AuthResource",
    "ProfileResource",
    "SyncResources",
    "TeamsResource",
    "TokensResource",
]


class AuthResource(SyncResource[AsyncAuthResource]):
    """Sign up, log in and out, and recover an account: ``/auth``. Blocking twin of
    :class:`AsyncAuthResource`.
    """

    __slots__ = ()

    def signup(self, email: str, password: str | Secret, name: str | None = None) -> SignupResult:
        """Create an account.

        ``POST /auth/signup``

        Needs no token. Not retried once the server may have acted on it.

        Args:
            email: The new account's email address.
            password: The new account's password.
            name: The display name. Not sent when ``None``.

        Returns:
            SignupResult: The answer to signup: a token, unless the account must verify its email
                first.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.signup(email, password, name)
        return self._run(coro)

    def login(
        self,
        email: str,
        password: str | Secret,
        *,
        device_name: str = "modelslab-agents",
        token_expiry: TokenExpiry = "1_month",
        scopes: Sequence[ScopeName] | None = None,
    ) -> AuthSession:
        """Log in and receive a bearer token.

        ``POST /auth/login``

        Needs no token. Not retried once the server may have acted on it.

        Args:
            email: The account's email address.
            password: The account's password.
            device_name: The name the new token is listed under in ``tokens.list()``.
            token_expiry: How long the new token lives.
            scopes: The abilities of the new token; left out: every scope (`*`). Not sent when
                ``None``.

        Returns:
            AuthSession: A bearer token and what it grants: the answer of login, refresh and
                switch-account.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            AuthenticationError: The email and password match no account.
            EmailNotVerifiedError: The account must verify its email before it can log in.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.login(
            email,
            password,
            device_name=device_name,
            token_expiry=token_expiry,
            scopes=scopes,
        )
        return self._run(coro)

    def logout(self) -> None:
        """Revoke the token making the call.

        ``POST /auth/logout``

        Not retried once the server may have acted on it.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.logout()
        return self._run(coro)

    def logout_all(self) -> None:
        """Revoke every token of the account.

        ``POST /auth/logout-all``

        Not retried once the server may have acted on it.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``tokens:write`` scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.logout_all()
        return self._run(coro)

    def forgot_password(self, email: str) -> None:
        """Email a password-reset token.

        ``POST /auth/forgot-password``

        Needs no token. Not retried once the server may have acted on it.

        Args:
            email: The account's email address; the server emails it a reset token.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.forgot_password(email)
        return self._run(coro)

    def reset_password(self, email: str, token: str | Secret, password: str | Secret) -> None:
        """Set a new password with a reset token.

        ``POST /auth/reset-password``

        Needs no token. Not retried once the server may have acted on it.

        Args:
            email: The account's email address.
            token: The reset token from the email ``forgot_password`` sent.
            password: The new password. Also sent as ``password_confirmation``.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            ValidationError: The reset token is invalid or expired, or the server rejected a field
                (see ``.details``).
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.reset_password(email, token, password)
        return self._run(coro)

    def resend_verification(self, email: str) -> None:
        """Send the verification email again.

        ``POST /auth/resend-verification``

        Needs no token. Not retried once the server may have acted on it.

        Args:
            email: The address of the account still to verify.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.resend_verification(email)
        return self._run(coro)

    def verify_email(self, verification_code: str | Secret) -> AuthSession:
        """Verify an email address with the emailed code; logs the account in.

        ``POST /auth/verify-email``

        Needs no token. Not retried once the server may have acted on it.

        Args:
            verification_code: The code from the verification email.

        Returns:
            AuthSession: A bearer token and what it grants: the answer of login, refresh and
                switch-account.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            ValidationError: The verification code is invalid or expired.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.verify_email(verification_code)
        return self._run(coro)

    def refresh(
        self,
        *,
        token_expiry: TokenExpiry | None = None,
        device_name: str | None = None,
    ) -> AuthSession:
        """Rotate the calling token: a new token is issued and the calling one is revoked.

        ``POST /auth/refresh``

        Not retried once the server may have acted on it.

        Args:
            token_expiry: Lifetime of the new token; left out: `1_month`. Not sent when ``None``.
            device_name: Name of the new token; left out: the old token's name. Not sent when
                ``None``.

        Returns:
            AuthSession: A bearer token and what it grants: the answer of login, refresh and
                switch-account.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the scope this route needs.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.refresh(token_expiry=token_expiry, device_name=device_name)
        return self._run(coro)

    def scopes(self) -> list[Scope]:
        """List the scopes a token can be given, with what each one grants.

        ``GET /auth/scopes``

        Needs no token.

        Returns:
            list[Scope]: one per item, in the server's order. A scope a token can be given, and what
                it grants.

        Raises:
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.scopes()
        return self._run(coro)


class TokensResource(SyncResource[AsyncTokensResource]):
    """The account's bearer tokens, and switching into a team account. Blocking twin of
    :class:`AsyncTokensResource`.
    """

    __slots__ = ()

    def list(self) -> list[AccessToken]:
        """List the account's active tokens.

        ``GET /auth/tokens``

        Returns:
            list[AccessToken]: one per item, in the server's order. One of the account's personal
                access tokens, as listed (the token itself is never listed).

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``tokens:read`` scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.list()
        return self._run(coro)

    def revoke(self, token_id: int) -> None:
        """Revoke one token.

        ``DELETE /auth/tokens/{id}``

        Args:
            token_id: The id of the token, as ``tokens.list()`` shows it. Must be a positive int, so
                it cannot change the route.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``tokens:write`` scope this route needs.
            NotFoundError: No ``token_id`` of the account has this value.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.revoke(token_id)
        return self._run(coro)

    def revoke_others(self) -> None:
        """Revoke every token but the one making the call.

        ``POST /auth/tokens/revoke-others``

        Not retried once the server may have acted on it.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``tokens:write`` scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.revoke_others()
        return self._run(coro)

    def switch_account(
        self,
        account_username: str,
        *,
        device_name: str | None = None,
        token_expiry: TokenExpiry | None = None,
        scopes: Sequence[ScopeName] | None = None,
    ) -> AuthSession:
        """Get a token acting as a team account the caller belongs to.

        ``POST /auth/switch-account``

        Not retried once the server may have acted on it.

        Args:
            account_username: The username of the team account to act as.
            device_name: The name the new token is listed under. Not sent when ``None``.
            token_expiry: How long the new token lives. Not sent when ``None``.
            scopes: The abilities of the new token, within the calling token's; left out: the
                calling token's. Not sent when ``None``.

        Returns:
            AuthSession: A bearer token and what it grants: the answer of login, refresh and
                switch-account.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            PermissionDeniedError: The account is not a member of that team account, or asked for
                scopes its token does not hold.
            InsufficientScopeError: The token lacks the scope this route needs.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.switch_account(
            account_username,
            device_name=device_name,
            token_expiry=token_expiry,
            scopes=scopes,
        )
        return self._run(coro)


class ProfileResource(SyncResource[AsyncProfileResource]):
    """The account's profile, password, social links and preferences: ``/me``. Blocking twin of
    :class:`AsyncProfileResource`.
    """

    __slots__ = ()

    def get(self) -> Profile:
        """Get the account's profile.

        ``GET /me``

        Returns:
            Profile: The account's profile (``/me``).

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``profile:read`` scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.get()
        return self._run(coro)

    def update(
        self,
        *,
        name: str | NotGiven | None = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        about_me: str | NotGiven | None = NOT_GIVEN,
    ) -> Profile:
        """Change profile fields; only the fields passed are sent.

        ``PATCH /me``

        Args:
            name: The display name. Sent only when given; ``None`` sends ``null``.
            username: The account's unique username. Sent only when given; ``None`` sends ``null``.
            about_me: A short free-text description of the account. Sent only when given; ``None``
                sends ``null``.

        Returns:
            Profile: The account's profile (``/me``).

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``profile:write`` scope this route needs.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.update(name=name, username=username, about_me=about_me)
        return self._run(coro)

    def update_password(self, current_password: str | Secret, password: str | Secret) -> None:
        """Change the password.

        ``PATCH /me/password``

        Not retried once the server may have acted on it.

        Args:
            current_password: The password in use now.
            password: The new password. Also sent as ``password_confirmation``.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``profile:write`` scope this route needs.
            ValidationError: ``current_password`` is wrong, or the server rejected the new password
                (see ``.details``).
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.update_password(current_password, password)
        return self._run(coro)

    def update_socials(
        self,
        *,
        github: str | NotGiven | None = NOT_GIVEN,
        twitter: str | NotGiven | None = NOT_GIVEN,
        discord: str | NotGiven | None = NOT_GIVEN,
        facebook: str | NotGiven | None = NOT_GIVEN,
        instagram: str | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Change social links; only the fields passed are sent.

        ``PATCH /me/socials``

        Args:
            github: The GitHub profile. Sent only when given; ``None`` sends ``null``.
            twitter: The Twitter (X) profile. Sent only when given; ``None`` sends ``null``.
            discord: The Discord handle. Sent only when given; ``None`` sends ``null``.
            facebook: The Facebook profile. Sent only when given; ``None`` sends ``null``.
            instagram: The Instagram profile. Sent only when given; ``None`` sends ``null``.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``profile:write`` scope this route needs.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.update_socials(
            github=github,
            twitter=twitter,
            discord=discord,
            facebook=facebook,
            instagram=instagram,
        )
        return self._run(coro)

    def update_preferences(
        self,
        *,
        nsfw_content: bool | NotGiven | None = NOT_GIVEN,
        wallet_notification_enabled: bool | NotGiven | None = NOT_GIVEN,
        wallet_notification_threshold: float | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Change preferences; only the fields passed are sent.

        ``PATCH /me/preferences``

        Args:
            nsfw_content: Whether NSFW content is shown. Sent only when given; ``None`` sends
                ``null``.
            wallet_notification_enabled: Whether to notify when the wallet balance runs low. Sent
                only when given; ``None`` sends ``null``.
            wallet_notification_threshold: The balance below which the wallet notification is sent.
                Sent only when given; ``None`` sends ``null``.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``profile:write`` scope this route needs.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.update_preferences(
            nsfw_content=nsfw_content,
            wallet_notification_enabled=wallet_notification_enabled,
            wallet_notification_threshold=wallet_notification_threshold,
        )
        return self._run(coro)


class ApiKeysResource(SyncResource[AsyncApiKeysResource]):
    """API keys for the generation endpoints: ``/api-keys``. Blocking twin of
    :class:`AsyncApiKeysResource`.
    """

    __slots__ = ()

    def list(self) -> list[ApiKey]:
        """List API keys (masked).

        ``GET /api-keys``

        Returns:
            list[ApiKey]: one per item, in the server's order. An API key for the generation
                endpoints. ``key`` is complete only in the answer to create; later answers mask it.

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``api-keys:read`` scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.list()
        return self._run(coro)

    def create(self, name: str, *, notes: str | None = None) -> CreatedApiKey:
        """Create an API key; the answer carries the full key, shown only once.

        ``POST /api-keys``

        Not retried once the server may have acted on it.

        Args:
            name: A name to tell the key apart.
            notes: Free-text notes kept with the key. Not sent when ``None``.

        Returns:
            CreatedApiKey: The answer to creating an API key: the only answer that carries the full
                ``key``, so it is never ``None`` here. Store it then; later answers mask it.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``api-keys:write`` scope this route needs.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.create(name, notes=notes)
        return self._run(coro)

    def get(self, key_id: int) -> ApiKey:
        """Get one API key (masked).

        ``GET /api-keys/{id}``

        Args:
            key_id: The id of the API key. Must be a positive int, so it cannot change the route.

        Returns:
            ApiKey: An API key for the generation endpoints. ``key`` is complete only in the answer
                to create; later answers mask it.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``api-keys:read`` scope this route needs.
            NotFoundError: No ``key_id`` of the account has this value.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.get(key_id)
        return self._run(coro)

    def update(
        self,
        key_id: int,
        *,
        name: str | NotGiven | None = NOT_GIVEN,
        notes: str | NotGiven | None = NOT_GIVEN,
    ) -> ApiKey:
        """Change an API key's name or notes; only the fields passed are sent.

        ``PUT /api-keys/{id}``

        Args:
            key_id: The id of the API key. Must be a positive int, so it cannot change the route.
            name: The key's new name. Sent only when given; ``None`` sends ``null``.
            notes: The key's new notes. Sent only when given; ``None`` sends ``null``.

        Returns:
            ApiKey: An API key for the generation endpoints. ``key`` is complete only in the answer
                to create; later answers mask it.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``api-keys:write`` scope this route needs.
            NotFoundError: No ``key_id`` of the account has this value.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.update(key_id, name=name, notes=notes)
        return self._run(coro)

    def delete(self, key_id: int) -> None:
        """Delete an API key.

        ``DELETE /api-keys/{id}``

        Args:
            key_id: The id of the API key. Must be a positive int, so it cannot change the route.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``api-keys:write`` scope this route needs.
            NotFoundError: No ``key_id`` of the account has this value.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.delete(key_id)
        return self._run(coro)


class TeamsResource(SyncResource[AsyncTeamsResource]):
    """Team members and invitations: ``/teams``. Blocking twin of :class:`AsyncTeamsResource`."""

    __slots__ = ()

    def list(self) -> list[TeamMember]:
        """List team members and pending invitations.

        ``GET /teams``

        Returns:
            list[TeamMember]: one per item, in the server's order. A team member or a pending
                invitation.

        Raises:
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``teams:read`` scope this route needs.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.list()
        return self._run(coro)

    def invite(self, email: str, *, role: str | None = None) -> TeamMember:
        """Invite someone to the team by email.

        ``POST /teams``

        Not retried once the server may have acted on it.

        Args:
            email: The address to invite.
            role: The member's role. Not sent when ``None``.

        Returns:
            TeamMember: A team member or a pending invitation.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``teams:write`` scope this route needs.
            ConflictError: That email address was already invited.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.invite(email, role=role)
        return self._run(coro)

    def get(self, member_id: int) -> TeamMember:
        """Get one team member.

        ``GET /teams/{id}``

        Args:
            member_id: The id of the team member. Must be a positive int, so it cannot change the
                route.

        Returns:
            TeamMember: A team member or a pending invitation.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``teams:read`` scope this route needs.
            NotFoundError: No ``member_id`` of the account has this value.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.get(member_id)
        return self._run(coro)

    def update(
        self,
        member_id: int,
        *,
        role: str | NotGiven | None = NOT_GIVEN,
        permissions: Sequence[str] | NotGiven | None = NOT_GIVEN,
    ) -> TeamMember:
        """Change a member's role or permissions; only the fields passed are sent.

        ``PUT /teams/{id}``

        Args:
            member_id: The id of the team member. Must be a positive int, so it cannot change the
                route.
            role: The member's new role. Sent only when given; ``None`` sends ``null``.
            permissions: The member's new permission names. Sent only when given; ``None`` sends
                ``null``.

        Returns:
            TeamMember: A team member or a pending invitation.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``teams:write`` scope this route needs.
            NotFoundError: No ``member_id`` of the account has this value.
            ValidationError: The server rejected a field; ``.details`` maps each field to its
                messages.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.update(member_id, role=role, permissions=permissions)
        return self._run(coro)

    def remove(self, member_id: int) -> None:
        """Remove a member from the team.

        ``DELETE /teams/{id}``

        Args:
            member_id: The id of the team member. Must be a positive int, so it cannot change the
                route.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``teams:write`` scope this route needs.
            NotFoundError: No ``member_id`` of the account has this value.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer, even after the retries (``APITimeoutError`` when it timed
                out).
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.remove(member_id)
        return self._run(coro)

    def resend_invite(self, member_id: int) -> None:
        """Send a pending invitation again.

        ``POST /teams/{id}/resend-invite``

        Not retried once the server may have acted on it.

        Args:
            member_id: The id of the invited team member. Must be a positive int, so it cannot
                change the route.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            InsufficientScopeError: The token lacks the ``teams:write`` scope this route needs.
            NotFoundError: No ``member_id`` of the account has this value.
            ConflictError: The invitation was already accepted.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.resend_invite(member_id)
        return self._run(coro)

    def accept_invite(self, invite_id: str | UUID) -> None:
        """Accept an invitation, with the invitee's own token.

        ``POST /teams/invitations/{id}/accept``

        Not retried once the server may have acted on it.

        Args:
            invite_id: The invitation id (a UUID) from the invitation email. Must be a UUID, so it
                cannot change the route.

        Returns:
            None: the answer carries nothing to keep.

        Raises:
            ValueError: An argument has a value the SDK refuses; raised before anything is sent.
            TypeError: An argument has the wrong type; raised before anything is sent.
            MissingTokenError: The client has no token; raised before anything is sent.
            AuthenticationError: The token was refused: expired, revoked or unknown.
            PermissionDeniedError: The invitation was sent to another email address.
            InsufficientScopeError: The token lacks the ``teams:write`` scope this route needs.
            NotFoundError: No ``invite_id`` of the account has this value.
            RateLimitError: Still rate limited after the retries, or asked to wait longer than
                ``max_retry_after``.
            APIConnectionError: No answer (``APITimeoutError`` when it timed out). Once the server
                may have acted, the call is not repeated and the error says so.
            ServerError: The server failed (5xx).
            ResponseDecodeError: The answer could not be read.
        """
        coro = self._async.accept_invite(invite_id)
        return self._run(coro)


class SyncResources:
    """The resources of the blocking client."""

    _auth: AuthResource
    _tokens: TokensResource
    _profile: ProfileResource
    _api_keys: ApiKeysResource
    _teams: TeamsResource

    @property
    def auth(self) -> AuthResource:
        """Sign up, log in and out, and recover an account: ``/auth``.

        Of type :class:`AuthResource`, with ``signup``, ``login``, ``logout``, ``logout_all``,
        ``forgot_password``, ``reset_password``, ``resend_verification``, ``verify_email``,
        ``refresh``, ``scopes``.
        """
        return self._auth

    @property
    def tokens(self) -> TokensResource:
        """The account's bearer tokens, and switching into a team account.

        Of type :class:`TokensResource`, with ``list``, ``revoke``, ``revoke_others``,
        ``switch_account``.
        """
        return self._tokens

    @property
    def profile(self) -> ProfileResource:
        """The account's profile, password, social links and preferences: ``/me``.

        Of type :class:`ProfileResource`, with ``get``, ``update``, ``update_password``,
        ``update_socials``, ``update_preferences``.
        """
        return self._profile

    @property
    def api_keys(self) -> ApiKeysResource:
        """API keys for the generation endpoints: ``/api-keys``.

        Of type :class:`ApiKeysResource`, with ``list``, ``create``, ``get``, ``update``,
        ``delete``.
        """
        return self._api_keys

    @property
    def teams(self) -> TeamsResource:
        """Team members and invitations: ``/teams``.

        Of type :class:`TeamsResource`, with ``list``, ``invite``, ``get``, ``update``,
        ``remove``, ``resend_invite``, ``accept_invite``.
        """
        return self._teams

    @property
    def with_raw_response(self) -> RawResources:
        """The same calls, answering :class:`~modelslab_agents.RawResponse`: status,
        headers (request id, rate limits) and ``elapsed``; ``.parse()`` gives the
        model."""
        return RawResources(self)

    def _bind_resources(self, twin: AsyncResources, runner: Runner) -> None:
        self._auth = AuthResource(twin.auth, runner)
        self._tokens = TokensResource(twin.tokens, runner)
        self._profile = ProfileResource(twin.profile, runner)
        self._api_keys = ApiKeysResource(twin.api_keys, runner)
        self._teams = TeamsResource(twin.teams, runner)
