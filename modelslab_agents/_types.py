"""Small shared types: the "argument not given" sentinel and literal aliases."""

from __future__ import annotations

import enum
from typing import Final, Literal, TypeAlias, get_args

__all__ = ["NOT_GIVEN", "SCOPE_NAMES", "TOKEN_EXPIRIES", "NotGiven", "ScopeName", "TokenExpiry"]


class NotGiven(enum.Enum):
    """Marks an argument the caller left out, as opposed to one set to ``None``.

    PATCH/PUT methods send only the fields that are not ``NOT_GIVEN``; an
    explicit ``None`` is sent as JSON ``null``.
    """

    NOT_GIVEN = enum.auto()

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False


NOT_GIVEN: Final = NotGiven.NOT_GIVEN

# Literal aliases of enum-like arguments: they guide IDEs and type checkers, but any
# string is sent at run time, because the server owns the set (and it grows).
TokenExpiry: TypeAlias = Literal["1_week", "1_month", "3_months", "6_months", "1_year", "never"]
"""The documented token lifetimes."""
TOKEN_EXPIRIES: Final = ("1_week", "1_month", "3_months", "6_months", "1_year", "never")

ScopeName: TypeAlias = Literal[
    "*",
    "profile:read",
    "profile:write",
    "tokens:read",
    "tokens:write",
    "api-keys:read",
    "api-keys:write",
    "usage:read",
    "models:read",
    "files:write",
    "billing:read",
    "billing:write",
    "wallet:read",
    "wallet:write",
    "subscriptions:read",
    "subscriptions:write",
    "teams:read",
    "teams:write",
]
"""The documented scope names (``auth.scopes()`` lists the server's own catalogue)."""
SCOPE_NAMES: Final = get_args(ScopeName)
