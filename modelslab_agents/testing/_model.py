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
    "ROLES",
    "SCOPES",
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

SCOPES: Final = (
    "profile:read",
    "profile:write",
    "tokens:read",
    "tokens:write",
    "api-keys:read",
    "api-keys:write",
    "teams:read",
    "teams:write",
)
"""Every ability a token can carry; a token gets all of them unless login names some."""

TOKEN_LIFETIMES: Final[Mapping[str, float | None]] = {
    "1_week": 7 * DAY,
    "1_month": 30 * DAY,
    "3_months": 90 * DAY,
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

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at


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
