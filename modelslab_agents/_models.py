# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The answers of the API, as frozen attrs models.

Fields the server adds that a model does not know are kept in its ``extra``
mapping; an enum value the SDK does not know is kept as its plain string.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import attrs

from ._secret import Secret

__all__ = [
    "AccessToken",
    "ApiKey",
    "AuthSession",
    "MODELS",
    "MemberStatus",
    "Preferences",
    "Profile",
    "Scope",
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
class User:
    """The account a token belongs to, as embedded in sessions and signups."""

    id: int
    name: str | None = None
    email: str | None = None
    username: str | None = None
    verified: bool | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class AuthSession:
    """A bearer token and what it grants: the answer of login, refresh and switch-account."""

    access_token: Secret = attrs.field(metadata={"aliases": ("token",)})
    token_type: str = "Bearer"
    token_expiry: str | None = None
    expires_at: datetime | None = None
    token_lifetime_capped: bool | None = None
    user: User | None = None
    scopes: list[str] = attrs.field(factory=list)
    api_key: Secret | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class SignupResult:
    """The answer to signup: a token, unless the account must verify its email first."""

    access_token: Secret | None = attrs.field(default=None, metadata={"aliases": ("token",)})
    user: User | None = None
    verification_required: bool = attrs.field()
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @verification_required.default
    def _default_verification_required(self) -> bool:
        return self.access_token is None


@attrs.frozen(kw_only=True)
class AccessToken:
    """One of the account's personal access tokens, as listed (the token itself is never listed)."""

    id: int
    name: str | None = None
    abilities: list[str] = attrs.field(factory=list)
    last_used_at: datetime | None = None
    created_at: datetime | None = None
    expires_at: datetime | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Profile:
    """The account's profile (``/me``)."""

    id: int
    name: str | None = None
    email: str | None = None
    username: str | None = None
    verified: bool | None = None
    about_me: str | None = None
    wallet_balance: float | None = None
    created_at: datetime | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Socials:
    """The account's social links."""

    github: str | None = None
    twitter: str | None = None
    discord: str | None = None
    facebook: str | None = None
    instagram: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Preferences:
    """The account's preferences."""

    nsfw_content: bool | None = None
    wallet_notification_enabled: bool | None = None
    wallet_notification_threshold: float | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class ApiKey:
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
class TeamMember:
    """A team member or a pending invitation."""

    id: int
    email: str | None = None
    name: str | None = None
    role: str | None = None
    status: MemberStatus | str | None = None
    permissions: list[str] = attrs.field(factory=list)
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Scope:
    """A scope a token can be given, and what it grants."""

    name: str = attrs.field(metadata={"aliases": ("scope",)})
    description: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _keyed_by: ClassVar[tuple[str, str]] = ("name", "description")


MODELS: tuple[type[Any], ...] = (
    User,
    AuthSession,
    SignupResult,
    AccessToken,
    Profile,
    Socials,
    Preferences,
    ApiKey,
    TeamMember,
    Scope,
)
