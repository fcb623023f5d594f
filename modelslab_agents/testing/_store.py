"""All emulated state, and the operations that change it.

The store is not thread-safe by itself: every caller holds :attr:`Store.lock` around its
calls (the core does for each request; the seeding and inspection methods of
``FakeControlPlane`` do too). Operations assume their inputs were validated already, so a
request either changes state as a whole or not at all.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import string
import threading
import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone

from ._clock import Clock
from ._model import (
    ALL_SCOPES,
    TOKEN_LIFETIMES,
    Account,
    ApiKey,
    Email,
    EmailKind,
    Membership,
    OneTimeCode,
    Token,
)

__all__ = ["CODE_LIFETIME", "Store"]

CODE_LIFETIME = 3600.0
"""How long an emailed verification code or reset token stays valid, in seconds."""

_ALPHANUMERIC = string.ascii_letters + string.digits
_SUBJECTS: dict[EmailKind, str] = {
    "verification": "Verify your ModelsLab email address",
    "password_reset": "Reset your ModelsLab password",
    "team_invitation": "You have been invited to a ModelsLab team",
}


def _hash_password(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


class Store:
    """Accounts, tokens, API keys, team seats, one-time codes and the outbox."""

    def __init__(
        self,
        *,
        clock: Clock,
        rng: random.Random,
        require_email_verification: bool,
        max_token_lifetime: float | None = None,
    ):
        self.lock = threading.Lock()
        self.clock = clock
        self.rng = rng
        self.require_email_verification = require_email_verification
        self.max_token_lifetime = max_token_lifetime
        self.outbox: list[Email] = []
        self._ids: dict[str, Iterator[int]] = {
            kind: itertools.count(1) for kind in ("account", "token", "api_key", "membership")
        }
        self._accounts: dict[int, Account] = {}
        self._tokens: dict[int, Token] = {}
        self._tokens_by_secret: dict[str, Token] = {}
        self._api_keys: dict[int, ApiKey] = {}
        self._memberships: dict[int, Membership] = {}
        self._verification_codes: dict[int, OneTimeCode] = {}
        self._reset_tokens: dict[int, OneTimeCode] = {}

    def _random_text(self, length: int, alphabet: str = _ALPHANUMERIC) -> str:
        return "".join(self.rng.choices(alphabet, k=length))

    # -- accounts -------------------------------------------------------------------

    def add_account(
        self,
        email: str,
        password: str,
        *,
        name: str | None = None,
        username: str | None = None,
        verified: bool = True,
    ) -> Account:
        """Create an account; ``username`` defaults to one derived from the email."""
        account = Account(
            id=next(self._ids["account"]),
            email=email,
            username=username or self.derive_username(email),
            name=name,
            password_hash=_hash_password(password),
            verified=verified,
            created_at=self.clock.now(),
        )
        self._accounts[account.id] = account
        return account

    def account(self, account_id: int) -> Account:
        return self._accounts[account_id]

    def account_by_email(self, email: str) -> Account | None:
        """Emails compare case-insensitively."""
        wanted = email.casefold()
        return next((a for a in self._accounts.values() if a.email.casefold() == wanted), None)

    def account_by_username(self, username: str) -> Account | None:
        """Usernames compare case-insensitively."""
        wanted = username.casefold()
        return next((a for a in self._accounts.values() if a.username.casefold() == wanted), None)

    def derive_username(self, email: str) -> str:
        """The email's local part made username-safe, with a number appended if taken."""
        local = email.split("@", 1)[0].lower()
        base = re.sub(r"[^a-z0-9_-]+", "_", local).strip("_") or "user"
        candidates = itertools.chain([base], (f"{base}{n}" for n in itertools.count(1)))
        return next(c for c in candidates if self.account_by_username(c) is None)

    @staticmethod
    def password_matches(account: Account, password: str) -> bool:
        return account.password_hash == _hash_password(password)

    @staticmethod
    def set_password(account: Account, password: str) -> None:
        account.password_hash = _hash_password(password)

    # -- tokens ---------------------------------------------------------------------

    def issue_token(
        self,
        holder: Account,
        *,
        account: Account | None = None,
        device_name: str = "agent-control-plane",
        token_expiry: str = "1_month",
        scopes: Sequence[str] | None = None,
    ) -> Token:
        """A new token held by ``holder`` and acting as ``account`` (default: the holder).

        Account policy (``max_token_lifetime``) may shorten the lifetime asked for; the
        token then says so (``lifetime_capped``), as the answer's ``token_lifetime_capped``.
        """
        now = self.clock.now()
        lifetime = TOKEN_LIFETIMES[token_expiry]
        cap = self.max_token_lifetime
        capped = cap is not None and (lifetime is None or lifetime > cap)
        if capped:
            lifetime = cap
        token_id = next(self._ids["token"])
        token = Token(
            id=token_id,
            secret=f"{token_id}|{self._random_text(40)}",
            holder_id=holder.id,
            account_id=(account or holder).id,
            name=device_name,
            abilities=(ALL_SCOPES,) if scopes is None else tuple(scopes),
            token_expiry=token_expiry,
            created_at=now,
            expires_at=None if lifetime is None else now + lifetime,
            lifetime_capped=capped,
        )
        self._tokens[token.id] = token
        self._tokens_by_secret[token.secret] = token
        return token

    def authenticate(self, secret: str) -> Token | None:
        """The live token with this secret (marking it used now), or None."""
        token = self._tokens_by_secret.get(secret)
        now = self.clock.now()
        if token is None or token.expired(now):
            return None
        token.last_used_at = now
        return token

    def peek(self, secret: str) -> Token | None:
        """The live token with this secret, without marking it used (for rate limiting)."""
        token = self._tokens_by_secret.get(secret)
        return None if token is None or token.expired(self.clock.now()) else token

    def tokens_held_by(self, holder_id: int) -> list[Token]:
        """The holder's unexpired tokens, oldest first."""
        now = self.clock.now()
        return [t for t in self._tokens.values() if t.holder_id == holder_id and not t.expired(now)]

    def revoke(self, tokens: Sequence[Token]) -> None:
        for token in tokens:
            self._tokens.pop(token.id, None)
            self._tokens_by_secret.pop(token.secret, None)

    def token(self, token_id: int) -> Token | None:
        return self._tokens.get(token_id)

    # -- one-time codes -------------------------------------------------------------

    def new_verification_code(self, account: Account) -> str:
        """A fresh six-digit code for ``account``; it replaces any earlier one."""
        taken = {code.value for code in self._verification_codes.values()}
        value = self._random_text(6, string.digits)
        while value in taken:  # codes alone identify the account, so they must be unique
            value = self._random_text(6, string.digits)
        self._verification_codes[account.id] = OneTimeCode(
            value, account.id, self.clock.now() + CODE_LIFETIME
        )
        return value

    def redeem_verification_code(self, value: str) -> Account | None:
        """The account whose latest, unexpired code is ``value`` (consuming it), or None."""
        now = self.clock.now()
        for account_id, code in self._verification_codes.items():
            if code.value == value and now < code.expires_at:
                del self._verification_codes[account_id]
                return self._accounts[account_id]
        return None

    def new_reset_token(self, account: Account) -> str:
        """A fresh password-reset token for ``account``; it replaces any earlier one."""
        value = self._random_text(64, string.hexdigits[:16])
        self._reset_tokens[account.id] = OneTimeCode(
            value, account.id, self.clock.now() + CODE_LIFETIME
        )
        return value

    def redeem_reset_token(self, account: Account, value: str) -> bool:
        """Whether ``value`` is the account's latest unexpired reset token (consuming it)."""
        code = self._reset_tokens.get(account.id)
        if code is None or code.value != value or self.clock.now() >= code.expires_at:
            return False
        del self._reset_tokens[account.id]
        return True

    # -- api keys -------------------------------------------------------------------

    def add_api_key(self, owner: Account, name: str, notes: str | None) -> ApiKey:
        key = ApiKey(
            id=next(self._ids["api_key"]),
            account_id=owner.id,
            name=name,
            key=f"mlk_{self._random_text(48)}",
            notes=notes,
            created_at=self.clock.now(),
        )
        self._api_keys[key.id] = key
        return key

    def api_keys_of(self, account_id: int) -> list[ApiKey]:
        return [k for k in self._api_keys.values() if k.account_id == account_id]

    def api_key(self, account_id: int, key_id: int) -> ApiKey | None:
        """The key, if it exists and belongs to ``account_id``."""
        key = self._api_keys.get(key_id)
        return key if key is not None and key.account_id == account_id else None

    def delete_api_key(self, key: ApiKey) -> None:
        self._api_keys.pop(key.id, None)

    # -- teams ----------------------------------------------------------------------

    def add_membership(
        self, owner: Account, email: str, role: str, permissions: list[str]
    ) -> Membership:
        membership = Membership(
            id=next(self._ids["membership"]),
            owner_id=owner.id,
            email=email,
            role=role,
            permissions=permissions,
            invitation_id=uuid.UUID(int=self.rng.getrandbits(128), version=4),
            created_at=self.clock.now(),
        )
        self._memberships[membership.id] = membership
        return membership

    def memberships_of(self, owner_id: int) -> list[Membership]:
        return [m for m in self._memberships.values() if m.owner_id == owner_id]

    def membership(self, owner_id: int, membership_id: int) -> Membership | None:
        """The seat, if it exists in ``owner_id``'s team."""
        seat = self._memberships.get(membership_id)
        return seat if seat is not None and seat.owner_id == owner_id else None

    def membership_by_email(self, owner_id: int, email: str) -> Membership | None:
        wanted = email.casefold()
        return next(
            (m for m in self.memberships_of(owner_id) if m.email.casefold() == wanted), None
        )

    def membership_by_invitation(self, invitation_id: uuid.UUID) -> Membership | None:
        return next(
            (m for m in self._memberships.values() if m.invitation_id == invitation_id), None
        )

    def is_accepted_member(self, owner_id: int, member_id: int) -> bool:
        return any(
            m.status == "accepted" and m.member_id == member_id
            for m in self.memberships_of(owner_id)
        )

    def remove_membership(self, membership: Membership) -> None:
        """Remove the seat and revoke the tokens its member made to act as the team."""
        self._memberships.pop(membership.id, None)
        if membership.member_id is not None:
            self.revoke(
                [
                    t
                    for t in self._tokens.values()
                    if t.holder_id == membership.member_id and t.account_id == membership.owner_id
                ]
            )

    # -- mail -----------------------------------------------------------------------

    def send_email(self, to: str, kind: EmailKind, token: str) -> None:
        sent_at = datetime.fromtimestamp(self.clock.now(), timezone.utc)
        self.outbox.append(Email(to, kind, token, _SUBJECTS[kind], sent_at))
