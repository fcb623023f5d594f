# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The typed resources of the async client: one method per route."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _endpoints as endpoints
from ._raw_resources import AsyncRawResources
from ._resource import AsyncResource
from ._types import NOT_GIVEN, NotGiven
from ._validation import (
    check_bool,
    check_email,
    check_int_id,
    check_number,
    check_secret,
    check_str,
    check_str_list,
    check_uuid,
)

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
    "AsyncApiKeysResource",
    "AsyncAuthResource",
    "AsyncProfileResource",
    "AsyncResources",
    "AsyncTeamsResource",
    "AsyncTokensResource",
]


class AsyncAuthResource(AsyncResource):
    """Sign up, log in and out, and recover an account: ``/auth``."""

    __slots__ = ()

    async def signup(
        self,
        email: str,
        password: str | Secret,
        name: str | None = None,
    ) -> SignupResult:
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
        body: dict[str, Any] = {
            "email": check_email("email", email),
            "password": check_secret("password", password),
        }
        if name is not None:
            body["name"] = check_str("name", name)
        return await self._client._request(endpoints.AUTH_SIGNUP, body)

    async def login(
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
        body: dict[str, Any] = {
            "email": check_email("email", email),
            "password": check_secret("password", password),
            "device_name": check_str("device_name", device_name, min_length=1),
            "token_expiry": check_str("token_expiry", token_expiry),
        }
        if scopes is not None:
            body["scopes"] = check_str_list("scopes", scopes)
        return await self._client._request(endpoints.AUTH_LOGIN, body)

    async def logout(self) -> None:
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
        return await self._client._request(endpoints.AUTH_LOGOUT)

    async def logout_all(self) -> None:
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
        return await self._client._request(endpoints.AUTH_LOGOUT_ALL)

    async def forgot_password(self, email: str) -> None:
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
        body: dict[str, Any] = {
            "email": check_email("email", email),
        }
        return await self._client._request(endpoints.AUTH_FORGOT_PASSWORD, body)

    async def reset_password(self, email: str, token: str | Secret, password: str | Secret) -> None:
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
        body: dict[str, Any] = {
            "email": check_email("email", email),
            "token": check_secret("token", token),
            "password": check_secret("password", password),
        }
        body["password_confirmation"] = body["password"]
        return await self._client._request(endpoints.AUTH_RESET_PASSWORD, body)

    async def resend_verification(self, email: str) -> None:
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
        body: dict[str, Any] = {
            "email": check_email("email", email),
        }
        return await self._client._request(endpoints.AUTH_RESEND_VERIFICATION, body)

    async def verify_email(self, verification_code: str | Secret) -> AuthSession:
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
        body: dict[str, Any] = {
            "verification_code": check_secret("verification_code", verification_code),
        }
        return await self._client._request(endpoints.AUTH_VERIFY_EMAIL, body)

    async def refresh(
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
        body: dict[str, Any] = {}
        if token_expiry is not None:
            body["token_expiry"] = check_str("token_expiry", token_expiry)
        if device_name is not None:
            body["device_name"] = check_str("device_name", device_name, min_length=1)
        return await self._client._request(endpoints.AUTH_REFRESH, body)

    async def scopes(self) -> list[Scope]:
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
        return await self._client._request(endpoints.AUTH_SCOPES)


class AsyncTokensResource(AsyncResource):
    """The account's bearer tokens, and switching into a team account."""

    __slots__ = ()

    async def list(self) -> list[AccessToken]:
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
        return await self._client._request(endpoints.TOKENS_LIST)

    async def revoke(self, token_id: int) -> None:
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
        path_params = {"id": check_int_id("token_id", token_id)}
        return await self._client._request(endpoints.TOKENS_REVOKE, None, path_params)

    async def revoke_others(self) -> None:
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
        return await self._client._request(endpoints.TOKENS_REVOKE_OTHERS)

    async def switch_account(
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
        body: dict[str, Any] = {
            "account_username": check_str("account_username", account_username, min_length=1),
        }
        if device_name is not None:
            body["device_name"] = check_str("device_name", device_name, min_length=1)
        if token_expiry is not None:
            body["token_expiry"] = check_str("token_expiry", token_expiry)
        if scopes is not None:
            body["scopes"] = check_str_list("scopes", scopes)
        return await self._client._request(endpoints.TOKENS_SWITCH_ACCOUNT, body)


class AsyncProfileResource(AsyncResource):
    """The account's profile, password, social links and preferences: ``/me``."""

    __slots__ = ()

    async def get(self) -> Profile:
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
        return await self._client._request(endpoints.PROFILE_GET)

    async def update(
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
        body: dict[str, Any] = {}
        if name is not NOT_GIVEN:
            body["name"] = None if name is None else check_str("name", name)
        if username is not NOT_GIVEN:
            body["username"] = None if username is None else check_str("username", username)
        if about_me is not NOT_GIVEN:
            body["about_me"] = None if about_me is None else check_str("about_me", about_me)
        return await self._client._request(endpoints.PROFILE_UPDATE, body)

    async def update_password(self, current_password: str | Secret, password: str | Secret) -> None:
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
        body: dict[str, Any] = {
            "current_password": check_secret("current_password", current_password),
            "password": check_secret("password", password),
        }
        body["password_confirmation"] = body["password"]
        return await self._client._request(endpoints.PROFILE_UPDATE_PASSWORD, body)

    async def update_socials(
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
        body: dict[str, Any] = {}
        if github is not NOT_GIVEN:
            body["github"] = None if github is None else check_str("github", github)
        if twitter is not NOT_GIVEN:
            body["twitter"] = None if twitter is None else check_str("twitter", twitter)
        if discord is not NOT_GIVEN:
            body["discord"] = None if discord is None else check_str("discord", discord)
        if facebook is not NOT_GIVEN:
            body["facebook"] = None if facebook is None else check_str("facebook", facebook)
        if instagram is not NOT_GIVEN:
            body["instagram"] = None if instagram is None else check_str("instagram", instagram)
        return await self._client._request(endpoints.PROFILE_UPDATE_SOCIALS, body)

    async def update_preferences(
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
        body: dict[str, Any] = {}
        if nsfw_content is not NOT_GIVEN:
            if nsfw_content is None:
                body["nsfw_content"] = None
            else:
                body["nsfw_content"] = check_bool("nsfw_content", nsfw_content)
        if wallet_notification_enabled is not NOT_GIVEN:
            if wallet_notification_enabled is None:
                body["wallet_notification_enabled"] = None
            else:
                body["wallet_notification_enabled"] = check_bool(
                    "wallet_notification_enabled",
                    wallet_notification_enabled,
                )
        if wallet_notification_threshold is not NOT_GIVEN:
            if wallet_notification_threshold is None:
                body["wallet_notification_threshold"] = None
            else:
                body["wallet_notification_threshold"] = check_number(
                    "wallet_notification_threshold",
                    wallet_notification_threshold,
                )
        return await self._client._request(endpoints.PROFILE_UPDATE_PREFERENCES, body)


class AsyncApiKeysResource(AsyncResource):
    """API keys for the generation endpoints: ``/api-keys``."""

    __slots__ = ()

    async def list(self) -> list[ApiKey]:
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
        return await self._client._request(endpoints.API_KEYS_LIST)

    async def create(self, name: str, *, notes: str | None = None) -> CreatedApiKey:
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
        body: dict[str, Any] = {
            "name": check_str("name", name, min_length=1, max_length=255),
        }
        if notes is not None:
            body["notes"] = check_str("notes", notes)
        return await self._client._request(endpoints.API_KEYS_CREATE, body)

    async def get(self, key_id: int) -> ApiKey:
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
        path_params = {"id": check_int_id("key_id", key_id)}
        return await self._client._request(endpoints.API_KEYS_GET, None, path_params)

    async def update(
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
        body: dict[str, Any] = {}
        if name is not NOT_GIVEN:
            if name is None:
                body["name"] = None
            else:
                body["name"] = check_str("name", name, min_length=1, max_length=255)
        if notes is not NOT_GIVEN:
            body["notes"] = None if notes is None else check_str("notes", notes)
        path_params = {"id": check_int_id("key_id", key_id)}
        return await self._client._request(endpoints.API_KEYS_UPDATE, body, path_params)

    async def delete(self, key_id: int) -> None:
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
        path_params = {"id": check_int_id("key_id", key_id)}
        return await self._client._request(endpoints.API_KEYS_DELETE, None, path_params)


class AsyncTeamsResource(AsyncResource):
    """Team members and invitations: ``/teams``."""

    __slots__ = ()

    async def list(self) -> list[TeamMember]:
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
        return await self._client._request(endpoints.TEAMS_LIST)

    async def invite(self, email: str, *, role: str | None = None) -> TeamMember:
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
        body: dict[str, Any] = {
            "email": check_email("email", email),
        }
        if role is not None:
            body["role"] = check_str("role", role)
        return await self._client._request(endpoints.TEAMS_INVITE, body)

    async def get(self, member_id: int) -> TeamMember:
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
        path_params = {"id": check_int_id("member_id", member_id)}
        return await self._client._request(endpoints.TEAMS_GET, None, path_params)

    async def update(
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
        body: dict[str, Any] = {}
        if role is not NOT_GIVEN:
            body["role"] = None if role is None else check_str("role", role)
        if permissions is not NOT_GIVEN:
            if permissions is None:
                body["permissions"] = None
            else:
                body["permissions"] = check_str_list("permissions", permissions)
        path_params = {"id": check_int_id("member_id", member_id)}
        return await self._client._request(endpoints.TEAMS_UPDATE, body, path_params)

    async def remove(self, member_id: int) -> None:
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
        path_params = {"id": check_int_id("member_id", member_id)}
        return await self._client._request(endpoints.TEAMS_REMOVE, None, path_params)

    async def resend_invite(self, member_id: int) -> None:
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
        path_params = {"id": check_int_id("member_id", member_id)}
        return await self._client._request(endpoints.TEAMS_RESEND_INVITE, None, path_params)

    async def accept_invite(self, invite_id: str | UUID) -> None:
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
        path_params = {"id": check_uuid("invite_id", invite_id)}
        return await self._client._request(endpoints.TEAMS_ACCEPT_INVITE, None, path_params)


class AsyncResources:
    """The resources of the async client."""

    _auth: AsyncAuthResource
    _tokens: AsyncTokensResource
    _profile: AsyncProfileResource
    _api_keys: AsyncApiKeysResource
    _teams: AsyncTeamsResource

    @property
    def auth(self) -> AsyncAuthResource:
        """Sign up, log in and out, and recover an account: ``/auth``.

        Of type :class:`AsyncAuthResource`, with ``signup``, ``login``, ``logout``,
        ``logout_all``, ``forgot_password``, ``reset_password``, ``resend_verification``,
        ``verify_email``, ``refresh``, ``scopes``.
        """
        return self._auth

    @property
    def tokens(self) -> AsyncTokensResource:
        """The account's bearer tokens, and switching into a team account.

        Of type :class:`AsyncTokensResource`, with ``list``, ``revoke``, ``revoke_others``,
        ``switch_account``.
        """
        return self._tokens

    @property
    def profile(self) -> AsyncProfileResource:
        """The account's profile, password, social links and preferences: ``/me``.

        Of type :class:`AsyncProfileResource`, with ``get``, ``update``, ``update_password``,
        ``update_socials``, ``update_preferences``.
        """
        return self._profile

    @property
    def api_keys(self) -> AsyncApiKeysResource:
        """API keys for the generation endpoints: ``/api-keys``.

        Of type :class:`AsyncApiKeysResource`, with ``list``, ``create``, ``get``, ``update``,
        ``delete``.
        """
        return self._api_keys

    @property
    def teams(self) -> AsyncTeamsResource:
        """Team members and invitations: ``/teams``.

        Of type :class:`AsyncTeamsResource`, with ``list``, ``invite``, ``get``, ``update``,
        ``remove``, ``resend_invite``, ``accept_invite``.
        """
        return self._teams

    @property
    def with_raw_response(self) -> AsyncRawResources:
        """The same calls, answering :class:`~modelslab_agents.RawResponse`: status,
        headers (request id, rate limits) and ``elapsed``; ``.parse()`` gives the
        model."""
        return AsyncRawResources(self)

    def _bind_resources(self) -> None:
        self._auth = AsyncAuthResource(self)  # type: ignore[arg-type]
        self._tokens = AsyncTokensResource(self)  # type: ignore[arg-type]
        self._profile = AsyncProfileResource(self)  # type: ignore[arg-type]
        self._api_keys = AsyncApiKeysResource(self)  # type: ignore[arg-type]
        self._teams = AsyncTeamsResource(self)  # type: ignore[arg-type]
