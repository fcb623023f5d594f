"""How records look on the wire: one function per response object of the API.

Every function builds fresh dicts and lists, so an answer can be encoded after the
store's lock is released without racing later changes.
"""

from __future__ import annotations

from typing import Any

from ._clock import isoformat
from ._model import Account, ApiKey, Membership, Token
from ._store import Store

__all__ = [
    "api_key_view",
    "member_view",
    "profile_view",
    "scope_view",
    "session_view",
    "token_view",
    "user_view",
]

JSON = dict[str, Any]


def _iso(timestamp: float | None) -> str | None:
    return None if timestamp is None else isoformat(timestamp)


def user_view(account: Account) -> JSON:
    """The ``User`` embedded in sessions and signups."""
    return {
        "id": account.id,
        "name": account.name,
        "email": account.email,
        "username": account.username,
        "verified": account.verified,
    }


def profile_view(account: Account) -> JSON:
    """``GET /me``."""
    return {
        **user_view(account),
        "about_me": account.about_me,
        "wallet_balance": account.wallet_balance,
        "created_at": isoformat(account.created_at),
        "socials": dict(account.socials),
        "preferences": dict(account.preferences),
    }


def session_view(token: Token, account: Account) -> JSON:
    """``AuthSession``: the answer of login, verify-email, refresh and switch-account."""
    return {
        "access_token": token.secret,
        "token_type": "Bearer",
        "token_expiry": token.token_expiry,
        "expires_at": _iso(token.expires_at),
        "token_lifetime_capped": token.lifetime_capped,
        "user": user_view(account),
        "scopes": list(token.abilities),
    }


def scope_view(name: str, description: str) -> JSON:
    """An item of ``GET /auth/scopes``."""
    return {"name": name, "description": description}


def token_view(token: Token, *, current: Token | None) -> JSON:
    """An item of ``GET /auth/tokens`` (never the secret itself)."""
    return {
        "id": token.id,
        "name": token.name,
        "abilities": list(token.abilities),
        "last_used_at": _iso(token.last_used_at),
        "created_at": isoformat(token.created_at),
        "expires_at": _iso(token.expires_at),
        "current": current is not None and token.id == current.id,
    }


def api_key_view(key: ApiKey, *, reveal: bool = False) -> JSON:
    """An API key; the full ``key`` only when ``reveal`` (the answer to create)."""
    return {
        "id": key.id,
        "name": key.name,
        "key": key.key if reveal else f"{key.key[:4]}{'*' * 12}{key.key[-4:]}",
        "notes": key.notes,
        "created_at": isoformat(key.created_at),
    }


def member_view(seat: Membership, store: Store) -> JSON:
    """A ``TeamMember``: ``name`` is the member account's, once the invitation is accepted."""
    member = None if seat.member_id is None else store.account(seat.member_id)
    return {
        "id": seat.id,
        "email": seat.email,
        "name": None if member is None else member.name,
        "role": seat.role,
        "status": seat.status,
        "permissions": list(seat.permissions),
        "invitation_id": str(seat.invitation_id),
        "created_at": isoformat(seat.created_at),
    }
