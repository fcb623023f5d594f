# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The answers of the API, as frozen attrs models.

Fields the server adds that a model does not know are kept in its ``extra``
mapping; an enum value the SDK does not know is kept as its plain string.
Every model has ``to_dict()`` and ``to_json()``, secrets masked (see ``Model``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._secret import Secret
from ._serialization import Model

__all__ = [
    "AccessToken",
    "ApiKey",
    "AuthSession",
    "CreatedApiKey",
    "MODELS",
    "MemberStatus",
    "Preferences",
    "Profile",
    "SignupResult",
    "Socials",
    "TeamMember",
    "User",
]


class MemberStatus(str, enum.Enum):
    """Known values of a ``MemberStatus`` field."""

    PENDING = "pending"
    ACCEPTED = "accepted"

    def __str__(self) -> str:
        return str(self.value)


@attrs.frozen(kw_only=True)
class User(Model):
    """The account a token belongs to, as embedded in sessions and signups."""

    id: int
    name: str | None = None
    email: str | None = None
    username: str | None = None
    verified: bool | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class AuthSession(Model):
    """A bearer token and what it grants: the answer of login, switch-account and verify-email."""

    access_token: Secret = attrs.field(metadata={"aliases": ("token",)})
    token_type: str = "Bearer"
    token_expiry: str | None = None
    expires_at: datetime | None = None
    user: User | None = None
    scopes: list[str] = attrs.field(factory=list)
    api_key: Secret | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class SignupResult(Model):
    """The answer to signup: a token, unless the account must verify its email first."""

    access_token: Secret | None = attrs.field(default=None, metadata={"aliases": ("token",)})
    user: User | None = None
    verification_required: bool = attrs.field()
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @verification_required.default
    def _default_verification_required(self) -> bool:
        return self.access_token is None


@attrs.frozen(kw_only=True)
class AccessToken(Model):
    """One of the account's personal access tokens, as listed (the token itself is never listed)."""

    id: int
    name: str | None = None
    abilities: list[str] = attrs.field(factory=list)
    last_used_at: datetime | None = None
    created_at: datetime | None = None
    expires_at: datetime | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Profile(Model):
    """The account's profile (``/me``)."""

    id: int
    name: str | None = None
    email: str | None = None
    username: str | None = None
    verified: bool | None = None
    about_me: str | None = None
    wallet_balance: float | None = None
    created_at: datetime | None = None
    socials: Socials | None = None
    preferences: Preferences | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Socials(Model):
    """The account's social links."""

    github: str | None = None
    twitter: str | None = None
    discord: str | None = None
    facebook: str | None = None
    instagram: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Preferences(Model):
    """The account's preferences."""

    nsfw_content: bool | None = None
    wallet_notification_enabled: bool | None = None
    wallet_notification_threshold: float | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class ApiKey(Model):
    """An API key for the generation endpoints. ``key`` is complete only in the answer to create;
    later answers mask it.
    """

    id: int
    name: str | None = None
    key: Secret | None = None
    notes: str | None = None
    created_at: datetime | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class CreatedApiKey(ApiKey):
    """The answer to creating an API key: the only answer that carries the full ``key``, so it is
    never ``None`` here. Store it then; later answers mask it.
    """

    key: Secret


@attrs.frozen(kw_only=True)
class TeamMember(Model):
    """A team member or a pending invitation."""

    id: int
    email: str | None = None
    name: str | None = None
    role: str | None = None
    status: MemberStatus | str | None = None
    permissions: list[str] = attrs.field(factory=list)
    invitation_id: str | None = None
    created_at: datetime | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


MODELS: tuple[type[Any], ...] = (
    User,
    AuthSession,
    SignupResult,
    AccessToken,
    Profile,
    Socials,
    Preferences,
    ApiKey,
    CreatedApiKey,
    TeamMember,
)
