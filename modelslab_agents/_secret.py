"""`Secret`: a string that never shows itself by accident."""

from __future__ import annotations

import hmac
from typing import Final

__all__ = ["Secret", "reveal"]

_MASK: Final = "**********"


class Secret:
    """Wraps an access token, an API key, a reset token or a password.

    ``repr()`` and ``str()`` are masked, so a secret can be logged, printed or
    put in an exception message without leaking. Call :meth:`get_secret_value`
    where the real value is needed.

    Two secrets are equal when their values are (compared in constant time);
    a secret never equals a plain string, so ``secret == "..."`` cannot leak
    by timing nor pass by accident.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if isinstance(value, Secret):
            value = value.get_secret_value()
        if not isinstance(value, str):
            raise TypeError(f"Secret wraps a str, not {type(value).__name__}")
        self._value = value

    def get_secret_value(self) -> str:
        """Return the wrapped value. Keep it out of logs."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')" if self._value else "Secret('')"

    def __str__(self) -> str:
        return _MASK if self._value else ""

    def __format__(self, format_spec: str) -> str:
        return format(str(self), format_spec)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        # Pickling must round-trip (multiprocessing, caches); the masking is
        # about text shown to people, not about serialisation.
        return (Secret, (self._value,))


def reveal(value: str | Secret) -> str:
    """Return the plain text of a ``str`` or a :class:`Secret`."""
    return value.get_secret_value() if isinstance(value, Secret) else value
