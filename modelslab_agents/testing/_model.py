"""The emulator's records, and the one public record: :class:`Email`.

Records are plain mutable attrs classes owned by the store; only code holding the store's
lock touches them. Secrets (password hashes, tokens, keys) are left out of their reprs.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Final, Literal

import attrs

__all__ = [
    "ALL_SCOPES",
    "ROLES",
    "SCOPES",
    "SCOPE_CATALOGUE",
    "TOKEN_LIFETIMES",
    "Account",
    "ApiKey",
    "Email",
    "EmailKind",
    "Membership",
    "OneTimeCode",
    "Token",
]

DAY: Final = 86_400.0

SCOPE_CATALOGUE: Final[Mapping[str, str]] = {
    "*": "Everything the account can do.",
    "profile:read": "Read the profile.",
    "profile:write": "Change the profile, password, social links and preferences.",
    "tokens:read": "List the account's tokens.",
    "tokens:write": "Revoke tokens (one, the others, or all).",
    "api-keys:read": "List and read API keys.",
    "api-keys:write": "Create, change and delete API keys.",
    "usage:read": "Read usage.",
    "models:read": "List models.",
    "files:write": "Upload files.",
    "billing:read": "Read billing details.",
    "billing:write": "Change billing details and pay.",
    "wallet:read": "Read the wallet.",
    "wallet:write": "Fund the wallet.",
    "subscriptions:read": "Read subscriptions.",
    "subscriptions:write": "Change subscriptions.",
    "teams:read": "List and read team members.",
    "teams:write": "Invite, change and remove team members, and accept invitations.",
}
"""The documented scopes and what each grants, as ``GET /auth/scopes`` lists them."""

SCOPES: Final = tuple(SCOPE_CATALOGUE)
"""Every ability a token can carry; ``*`` (every scope) unless login names some."""

ALL_SCOPES: Final = "*"

TOKEN_LIFETIMES: Final[Mapping[str, float | None]] = {
    "1_week": 7 * DAY,
    "1_month": 30 * DAY,
    "3_months": 90 * DAY,
    "6_months": 180 * DAY,
    "1_year": 365 * DAY,
    "never": None,
}
"""The accepted ``token_expiry`` values and their lifetimes in seconds (None: no expiry)."""

ROLES: Final = ("admin", "member", "viewer")
"""Team roles the emulator accepts; ``member`` is the default."""

EmailKind = Literal["verification", "password_reset", "team_invitation"]


@attrs.frozen
class Email:
    """An email the emulator "sent", as read from ``FakeControlPlane.outbox``.

    ``token`` is what the recipient would copy out of it: the verification code that
    ``POST /auth/verify-email`` takes, the password-reset token, or the invitation id
    (a UUID string) that ``POST /teams/invitations/{id}/accept`` takes. Only the most
    recent verification code or reset token of an account is valid.
    """

    to: str
    kind: EmailKind
    token: str
    subject: str
    sent_at: datetime


@attrs.define
class Account:
    """A user account (also a team: its members are :class:`Membership` records)."""

    id: int
    email: str
    username: str
    name: str | None
    password_hash: str = attrs.field(repr=False)
    verified: bool
    created_at: float
    about_me: str | None = None
    wallet_balance: float = 0.0
    socials: dict[str, str | None] = attrs.Factory(
        lambda: dict.fromkeys(("github", "twitter", "discord", "facebook", "instagram"))
    )
    preferences: dict[str, bool | float] = attrs.Factory(
        lambda: {
            "nsfw_content": False,
            "wallet_notification_enabled": False,
            "wallet_notification_threshold": 0.0,
        }
    )


@attrs.define
class Token:
    """A personal access token.

    ``holder_id`` is the user who holds it (whose token list shows it, whose logout
    revokes it); ``account_id`` is the account it acts as, which differs from the holder
    only for a token made by switch-account.
    """

    id: int
    secret: str = attrs.field(repr=False)
    holder_id: int
    account_id: int
    name: str
    abilities: tuple[str, ...]
    token_expiry: str
    created_at: float
    expires_at: float | None
    last_used_at: float | None = None
    lifetime_capped: bool = False

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def grants(self, scope: str) -> bool:
        """Whether the token carries ``scope`` (``*`` carries every one)."""
        return ALL_SCOPES in self.abilities or scope in self.abilities


@attrs.define
class ApiKey:
    """A generation API key owned by an account."""

    id: int
    account_id: int
    name: str
    key: str = attrs.field(repr=False)
    notes: str | None
    created_at: float


@attrs.define
class Membership:
    """A team seat: an invitation to ``email`` into ``owner_id``'s team, maybe accepted."""

    id: int
    owner_id: int
    email: str
    role: str
    permissions: list[str]
    invitation_id: uuid.UUID
    created_at: float
    status: Literal["pending", "accepted"] = "pending"
    member_id: int | None = None


@attrs.define
class OneTimeCode:
    """An emailed verification code or password-reset token."""

    value: str = attrs.field(repr=False)
    account_id: int
    expires_at: float
