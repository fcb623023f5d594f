# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The typed resources of the async client: one method per route."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _endpoints as endpoints
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

    from ._models import AccessToken, ApiKey, AuthSession, Profile, Scope, SignupResult, TeamMember
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
        """
        return await self._client._request(endpoints.AUTH_LOGOUT)

    async def logout_all(self) -> None:
        """Revoke every token of the account.

        ``POST /auth/logout-all``

        Not retried once the server may have acted on it.
        """
        return await self._client._request(endpoints.AUTH_LOGOUT_ALL)

    async def forgot_password(self, email: str) -> None:
        """Email a password-reset token.

        ``POST /auth/forgot-password``

        Needs no token. Not retried once the server may have acted on it.
        """
        body: dict[str, Any] = {
            "email": check_email("email", email),
        }
        return await self._client._request(endpoints.AUTH_FORGOT_PASSWORD, body)

    async def reset_password(self, email: str, token: str | Secret, password: str | Secret) -> None:
        """Set a new password with a reset token.

        ``POST /auth/reset-password``

        Needs no token. Not retried once the server may have acted on it.
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
        """
        body: dict[str, Any] = {
            "email": check_email("email", email),
        }
        return await self._client._request(endpoints.AUTH_RESEND_VERIFICATION, body)

    async def verify_email(self, verification_code: str | Secret) -> AuthSession:
        """Verify an email address with the emailed code; logs the account in.

        ``POST /auth/verify-email``

        Needs no token. Not retried once the server may have acted on it.
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
        """
        return await self._client._request(endpoints.AUTH_SCOPES)


class AsyncTokensResource(AsyncResource):
    """The account's bearer tokens, and switching into a team account."""

    __slots__ = ()

    async def list(self) -> list[AccessToken]:
        """List the account's active tokens.

        ``GET /auth/tokens``
        """
        return await self._client._request(endpoints.TOKENS_LIST)

    async def revoke(self, token_id: int) -> None:
        """Revoke one token.

        ``DELETE /auth/tokens/{id}``
        """
        path_params = {"id": check_int_id("token_id", token_id)}
        return await self._client._request(endpoints.TOKENS_REVOKE, None, path_params)

    async def revoke_others(self) -> None:
        """Revoke every token but the one making the call.

        ``POST /auth/tokens/revoke-others``

        Not retried once the server may have acted on it.
        """
        return await self._client._request(endpoints.TOKENS_REVOKE_OTHERS)

    async def switch_account(
        self,
        account_username: str,
        *,
        device_name: str | None = None,
        token_expiry: TokenExpiry | None = None,
    ) -> AuthSession:
        """Get a token acting as a team account the caller belongs to.

        ``POST /auth/switch-account``

        Not retried once the server may have acted on it.
        """
        body: dict[str, Any] = {
            "account_username": check_str("account_username", account_username, min_length=1),
        }
        if device_name is not None:
            body["device_name"] = check_str("device_name", device_name, min_length=1)
        if token_expiry is not None:
            body["token_expiry"] = check_str("token_expiry", token_expiry)
        return await self._client._request(endpoints.TOKENS_SWITCH_ACCOUNT, body)


class AsyncProfileResource(AsyncResource):
    """The account's profile, password, social links and preferences: ``/me``."""

    __slots__ = ()

    async def get(self) -> Profile:
        """Get the account's profile.

        ``GET /me``
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
        """
        return await self._client._request(endpoints.API_KEYS_LIST)

    async def create(self, name: str, *, notes: str | None = None) -> ApiKey:
        """Create an API key; the answer carries the full key, shown only once.

        ``POST /api-keys``

        Not retried once the server may have acted on it.
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
        """
        path_params = {"id": check_int_id("key_id", key_id)}
        return await self._client._request(endpoints.API_KEYS_DELETE, None, path_params)


class AsyncTeamsResource(AsyncResource):
    """Team members and invitations: ``/teams``."""

    __slots__ = ()

    async def list(self) -> list[TeamMember]:
        """List team members and pending invitations.

        ``GET /teams``
        """
        return await self._client._request(endpoints.TEAMS_LIST)

    async def invite(self, email: str, *, role: str | None = None) -> TeamMember:
        """Invite someone to the team by email.

        ``POST /teams``

        Not retried once the server may have acted on it.
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
        """
        path_params = {"id": check_int_id("member_id", member_id)}
        return await self._client._request(endpoints.TEAMS_REMOVE, None, path_params)

    async def resend_invite(self, member_id: int) -> None:
        """Send a pending invitation again.

        ``POST /teams/{id}/resend-invite``

        Not retried once the server may have acted on it.
        """
        path_params = {"id": check_int_id("member_id", member_id)}
        return await self._client._request(endpoints.TEAMS_RESEND_INVITE, None, path_params)

    async def accept_invite(self, invite_id: str | UUID) -> None:
        """Accept an invitation, with the invitee's own token.

        ``POST /teams/invitations/{id}/accept``

        Not retried once the server may have acted on it.
        """
        path_params = {"id": check_uuid("invite_id", invite_id)}
        return await self._client._request(endpoints.TEAMS_ACCEPT_INVITE, None, path_params)


class AsyncResources:
    """The resource attributes of an async client."""

    auth: AsyncAuthResource
    tokens: AsyncTokensResource
    profile: AsyncProfileResource
    api_keys: AsyncApiKeysResource
    teams: AsyncTeamsResource

    def _bind_resources(self) -> None:
        self.auth = AsyncAuthResource(self)  # type: ignore[arg-type]
        self.tokens = AsyncTokensResource(self)  # type: ignore[arg-type]
        self.profile = AsyncProfileResource(self)  # type: ignore[arg-type]
        self.api_keys = AsyncApiKeysResource(self)  # type: ignore[arg-type]
        self.teams = AsyncTeamsResource(self)  # type: ignore[arg-type]
