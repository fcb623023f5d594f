"""Small shared types: the "argument not given" sentinel and literal aliases."""

from __future__ import annotations

import enum
from typing import Final, Literal, TypeAlias

__all__ = ["NOT_GIVEN", "NotGiven", "TokenExpiry", "TOKEN_EXPIRIES"]


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

TokenExpiry: TypeAlias = Literal["1_week", "1_month", "3_months", "never"]
TOKEN_EXPIRIES: Final = ("1_week", "1_month", "3_months", "never")
