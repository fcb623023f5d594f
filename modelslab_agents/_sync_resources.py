# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The typed resources of the blocking client: one method per route, each running
the async method of the same name, so the two clients can never drift."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

    from ._models import AccessToken, ApiKey, AuthSession, Profile, Scope, SignupResult, TeamMember
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
        """
        coro = self._async.logout()
        return self._run(coro)

    def logout_all(self) -> None:
        """Revoke every token of the account.

        ``POST /auth/logout-all``

        Not retried once the server may have acted on it.
        """
        coro = self._async.logout_all()
        return self._run(coro)

    def forgot_password(self, email: str) -> None:
        """Email a password-reset token.

        ``POST /auth/forgot-password``

        Needs no token. Not retried once the server may have acted on it.
        """
        coro = self._async.forgot_password(email)
        return self._run(coro)

    def reset_password(self, email: str, token: str | Secret, password: str | Secret) -> None:
        """Set a new password with a reset token.

        ``POST /auth/reset-password``

        Needs no token. Not retried once the server may have acted on it.
        """
        coro = self._async.reset_password(email, token, password)
        return self._run(coro)

    def resend_verification(self, email: str) -> None:
        """Send the verification email again.

        ``POST /auth/resend-verification``

        Needs no token. Not retried once the server may have acted on it.
        """
        coro = self._async.resend_verification(email)
        return self._run(coro)

    def verify_email(self, verification_code: str | Secret) -> AuthSession:
        """Verify an email address with the emailed code; logs the account in.

        ``POST /auth/verify-email``

        Needs no token. Not retried once the server may have acted on it.
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
        """
        coro = self._async.refresh(token_expiry=token_expiry, device_name=device_name)
        return self._run(coro)

    def scopes(self) -> list[Scope]:
        """List the scopes a token can be given, with what each one grants.

        ``GET /auth/scopes``

        Needs no token.
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
        """
        coro = self._async.list()
        return self._run(coro)

    def revoke(self, token_id: int) -> None:
        """Revoke one token.

        ``DELETE /auth/tokens/{id}``
        """
        coro = self._async.revoke(token_id)
        return self._run(coro)

    def revoke_others(self) -> None:
        """Revoke every token but the one making the call.

        ``POST /auth/tokens/revoke-others``

        Not retried once the server may have acted on it.
        """
        coro = self._async.revoke_others()
        return self._run(coro)

    def switch_account(
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
        coro = self._async.switch_account(
            account_username,
            device_name=device_name,
            token_expiry=token_expiry,
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
        """
        coro = self._async.update(name=name, username=username, about_me=about_me)
        return self._run(coro)

    def update_password(self, current_password: str | Secret, password: str | Secret) -> None:
        """Change the password.

        ``PATCH /me/password``

        Not retried once the server may have acted on it.
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
        """
        coro = self._async.list()
        return self._run(coro)

    def create(self, name: str, *, notes: str | None = None) -> ApiKey:
        """Create an API key; the answer carries the full key, shown only once.

        ``POST /api-keys``

        Not retried once the server may have acted on it.
        """
        coro = self._async.create(name, notes=notes)
        return self._run(coro)

    def get(self, key_id: int) -> ApiKey:
        """Get one API key (masked).

        ``GET /api-keys/{id}``
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
        """
        coro = self._async.update(key_id, name=name, notes=notes)
        return self._run(coro)

    def delete(self, key_id: int) -> None:
        """Delete an API key.

        ``DELETE /api-keys/{id}``
        """
        coro = self._async.delete(key_id)
        return self._run(coro)


class TeamsResource(SyncResource[AsyncTeamsResource]):
    """Team members and invitations: ``/teams``. Blocking twin of :class:`AsyncTeamsResource`."""

    __slots__ = ()

    def list(self) -> list[TeamMember]:
        """List team members and pending invitations.

        ``GET /teams``
        """
        coro = self._async.list()
        return self._run(coro)

    def invite(self, email: str, *, role: str | None = None) -> TeamMember:
        """Invite someone to the team by email.

        ``POST /teams``

        Not retried once the server may have acted on it.
        """
        coro = self._async.invite(email, role=role)
        return self._run(coro)

    def get(self, member_id: int) -> TeamMember:
        """Get one team member.

        ``GET /teams/{id}``
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
        """
        coro = self._async.update(member_id, role=role, permissions=permissions)
        return self._run(coro)

    def remove(self, member_id: int) -> None:
        """Remove a member from the team.

        ``DELETE /teams/{id}``
        """
        coro = self._async.remove(member_id)
        return self._run(coro)

    def resend_invite(self, member_id: int) -> None:
        """Send a pending invitation again.

        ``POST /teams/{id}/resend-invite``

        Not retried once the server may have acted on it.
        """
        coro = self._async.resend_invite(member_id)
        return self._run(coro)

    def accept_invite(self, invite_id: str | UUID) -> None:
        """Accept an invitation, with the invitee's own token.

        ``POST /teams/invitations/{id}/accept``

        Not retried once the server may have acted on it.
        """
        coro = self._async.accept_invite(invite_id)
        return self._run(coro)


class SyncResources:
    """The resource attributes of a blocking client."""

    auth: AuthResource
    tokens: TokensResource
    profile: ProfileResource
    api_keys: ApiKeysResource
    teams: TeamsResource

    def _bind_resources(self, twin: AsyncResources, runner: Runner) -> None:
        self.auth = AuthResource(twin.auth, runner)
        self.tokens = TokensResource(twin.tokens, runner)
        self.profile = ProfileResource(twin.profile, runner)
        self.api_keys = ApiKeysResource(twin.api_keys, runner)
        self.teams = TeamsResource(twin.teams, runner)
