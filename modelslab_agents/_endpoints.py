# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""One descriptor per route: what the request pipeline needs to know about it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._endpoint import Endpoint

if TYPE_CHECKING:
    from ._models import AccessToken, ApiKey, AuthSession, Profile, Scope, SignupResult, TeamMember

__all__ = [
    "ALL",
    "API_KEYS_CREATE",
    "API_KEYS_DELETE",
    "API_KEYS_GET",
    "API_KEYS_LIST",
    "API_KEYS_UPDATE",
    "AUTH_FORGOT_PASSWORD",
    "AUTH_LOGIN",
    "AUTH_LOGOUT",
    "AUTH_LOGOUT_ALL",
    "AUTH_REFRESH",
    "AUTH_RESEND_VERIFICATION",
    "AUTH_RESET_PASSWORD",
    "AUTH_SCOPES",
    "AUTH_SIGNUP",
    "AUTH_VERIFY_EMAIL",
    "PROFILE_GET",
    "PROFILE_UPDATE",
    "PROFILE_UPDATE_PASSWORD",
    "PROFILE_UPDATE_PREFERENCES",
    "PROFILE_UPDATE_SOCIALS",
    "TEAMS_ACCEPT_INVITE",
    "TEAMS_GET",
    "TEAMS_INVITE",
    "TEAMS_LIST",
    "TEAMS_REMOVE",
    "TEAMS_RESEND_INVITE",
    "TEAMS_UPDATE",
    "TOKENS_LIST",
    "TOKENS_REVOKE",
    "TOKENS_REVOKE_OTHERS",
    "TOKENS_SWITCH_ACCOUNT",
]

AUTH_SIGNUP: Endpoint[SignupResult] = Endpoint(
    operation_id="auth.signup",
    method="POST",
    path="/auth/signup",
    secret_fields=("password",),
    model="SignupResult",
    many=False,
    needs_token=False,
    idempotent=False,
    rate_limit_group="agent-auth",
)

AUTH_LOGIN: Endpoint[AuthSession] = Endpoint(
    operation_id="auth.login",
    method="POST",
    path="/auth/login",
    secret_fields=("password",),
    model="AuthSession",
    many=False,
    needs_token=False,
    idempotent=False,
    rate_limit_group="agent-auth",
)

AUTH_LOGOUT: Endpoint[None] = Endpoint(
    operation_id="auth.logout",
    method="POST",
    path="/auth/logout",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

AUTH_LOGOUT_ALL: Endpoint[None] = Endpoint(
    operation_id="auth.logout_all",
    method="POST",
    path="/auth/logout-all",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

AUTH_FORGOT_PASSWORD: Endpoint[None] = Endpoint(
    operation_id="auth.forgot_password",
    method="POST",
    path="/auth/forgot-password",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=False,
    idempotent=False,
    rate_limit_group="agent-auth",
)

AUTH_RESET_PASSWORD: Endpoint[None] = Endpoint(
    operation_id="auth.reset_password",
    method="POST",
    path="/auth/reset-password",
    secret_fields=("token", "password", "password_confirmation"),
    model=None,
    many=False,
    needs_token=False,
    idempotent=False,
    rate_limit_group="agent-auth",
)

AUTH_RESEND_VERIFICATION: Endpoint[None] = Endpoint(
    operation_id="auth.resend_verification",
    method="POST",
    path="/auth/resend-verification",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=False,
    idempotent=False,
    rate_limit_group="agent-auth",
)

AUTH_VERIFY_EMAIL: Endpoint[AuthSession] = Endpoint(
    operation_id="auth.verify_email",
    method="POST",
    path="/auth/verify-email",
    secret_fields=("verification_code",),
    model="AuthSession",
    many=False,
    needs_token=False,
    idempotent=False,
    rate_limit_group="agent-auth",
)

AUTH_REFRESH: Endpoint[AuthSession] = Endpoint(
    operation_id="auth.refresh",
    method="POST",
    path="/auth/refresh",
    secret_fields=(),
    model="AuthSession",
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

AUTH_SCOPES: Endpoint[list[Scope]] = Endpoint(
    operation_id="auth.scopes",
    method="GET",
    path="/auth/scopes",
    secret_fields=(),
    model="Scope",
    many=True,
    needs_token=False,
    idempotent=True,
    rate_limit_group="agent-general",
)

TOKENS_LIST: Endpoint[list[AccessToken]] = Endpoint(
    operation_id="tokens.list",
    method="GET",
    path="/auth/tokens",
    secret_fields=(),
    model="AccessToken",
    many=True,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TOKENS_REVOKE: Endpoint[None] = Endpoint(
    operation_id="tokens.revoke",
    method="DELETE",
    path="/auth/tokens/{id}",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TOKENS_REVOKE_OTHERS: Endpoint[None] = Endpoint(
    operation_id="tokens.revoke_others",
    method="POST",
    path="/auth/tokens/revoke-others",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

TOKENS_SWITCH_ACCOUNT: Endpoint[AuthSession] = Endpoint(
    operation_id="tokens.switch_account",
    method="POST",
    path="/auth/switch-account",
    secret_fields=(),
    model="AuthSession",
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

PROFILE_GET: Endpoint[Profile] = Endpoint(
    operation_id="profile.get",
    method="GET",
    path="/me",
    secret_fields=(),
    model="Profile",
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

PROFILE_UPDATE: Endpoint[Profile] = Endpoint(
    operation_id="profile.update",
    method="PATCH",
    path="/me",
    secret_fields=(),
    model="Profile",
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

PROFILE_UPDATE_PASSWORD: Endpoint[None] = Endpoint(
    operation_id="profile.update_password",
    method="PATCH",
    path="/me/password",
    secret_fields=("current_password", "password", "password_confirmation"),
    model=None,
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

PROFILE_UPDATE_SOCIALS: Endpoint[None] = Endpoint(
    operation_id="profile.update_socials",
    method="PATCH",
    path="/me/socials",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

PROFILE_UPDATE_PREFERENCES: Endpoint[None] = Endpoint(
    operation_id="profile.update_preferences",
    method="PATCH",
    path="/me/preferences",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

API_KEYS_LIST: Endpoint[list[ApiKey]] = Endpoint(
    operation_id="api_keys.list",
    method="GET",
    path="/api-keys",
    secret_fields=(),
    model="ApiKey",
    many=True,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

API_KEYS_CREATE: Endpoint[ApiKey] = Endpoint(
    operation_id="api_keys.create",
    method="POST",
    path="/api-keys",
    secret_fields=(),
    model="ApiKey",
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

API_KEYS_GET: Endpoint[ApiKey] = Endpoint(
    operation_id="api_keys.get",
    method="GET",
    path="/api-keys/{id}",
    secret_fields=(),
    model="ApiKey",
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

API_KEYS_UPDATE: Endpoint[ApiKey] = Endpoint(
    operation_id="api_keys.update",
    method="PUT",
    path="/api-keys/{id}",
    secret_fields=(),
    model="ApiKey",
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

API_KEYS_DELETE: Endpoint[None] = Endpoint(
    operation_id="api_keys.delete",
    method="DELETE",
    path="/api-keys/{id}",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TEAMS_LIST: Endpoint[list[TeamMember]] = Endpoint(
    operation_id="teams.list",
    method="GET",
    path="/teams",
    secret_fields=(),
    model="TeamMember",
    many=True,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TEAMS_INVITE: Endpoint[TeamMember] = Endpoint(
    operation_id="teams.invite",
    method="POST",
    path="/teams",
    secret_fields=(),
    model="TeamMember",
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

TEAMS_GET: Endpoint[TeamMember] = Endpoint(
    operation_id="teams.get",
    method="GET",
    path="/teams/{id}",
    secret_fields=(),
    model="TeamMember",
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TEAMS_UPDATE: Endpoint[TeamMember] = Endpoint(
    operation_id="teams.update",
    method="PUT",
    path="/teams/{id}",
    secret_fields=(),
    model="TeamMember",
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TEAMS_REMOVE: Endpoint[None] = Endpoint(
    operation_id="teams.remove",
    method="DELETE",
    path="/teams/{id}",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=True,
    rate_limit_group="agent-general",
)

TEAMS_RESEND_INVITE: Endpoint[None] = Endpoint(
    operation_id="teams.resend_invite",
    method="POST",
    path="/teams/{id}/resend-invite",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

TEAMS_ACCEPT_INVITE: Endpoint[None] = Endpoint(
    operation_id="teams.accept_invite",
    method="POST",
    path="/teams/invitations/{id}/accept",
    secret_fields=(),
    model=None,
    many=False,
    needs_token=True,
    idempotent=False,
    rate_limit_group="agent-general",
)

ALL: tuple[Endpoint[Any], ...] = (
    AUTH_SIGNUP,
    AUTH_LOGIN,
    AUTH_LOGOUT,
    AUTH_LOGOUT_ALL,
    AUTH_FORGOT_PASSWORD,
    AUTH_RESET_PASSWORD,
    AUTH_RESEND_VERIFICATION,
    AUTH_VERIFY_EMAIL,
    AUTH_REFRESH,
    AUTH_SCOPES,
    TOKENS_LIST,
    TOKENS_REVOKE,
    TOKENS_REVOKE_OTHERS,
    TOKENS_SWITCH_ACCOUNT,
    PROFILE_GET,
    PROFILE_UPDATE,
    PROFILE_UPDATE_PASSWORD,
    PROFILE_UPDATE_SOCIALS,
    PROFILE_UPDATE_PREFERENCES,
    API_KEYS_LIST,
    API_KEYS_CREATE,
    API_KEYS_GET,
    API_KEYS_UPDATE,
    API_KEYS_DELETE,
    TEAMS_LIST,
    TEAMS_INVITE,
    TEAMS_GET,
    TEAMS_UPDATE,
    TEAMS_REMOVE,
    TEAMS_RESEND_INVITE,
    TEAMS_ACCEPT_INVITE,
)
