"""Checks run on arguments before a request is built.

What can be known wrong locally is reported at once with the argument's name,
and no request goes out. Wrong types raise :class:`TypeError`, wrong values
:class:`ValueError`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Sequence
from typing import Any

from ._secret import Secret

__all__ = [
    "check_bool",
    "check_choice",
    "check_email",
    "check_int_id",
    "check_number",
    "check_secret",
    "check_str",
    "check_str_list",
    "check_uuid",
]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def _type_name(value: object) -> str:
    return type(value).__name__


def check_str(
    name: str, value: object, *, min_length: int = 0, max_length: int | None = None
) -> str:
    """Return ``value`` if it is a str of an acceptable length."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_type_name(value)}")
    if len(value) < min_length:
        raise ValueError(
            f"{name} must not be empty"
            if min_length == 1
            else f"{name} must be at least {min_length} characters"
        )
    if max_length is not None and len(value) > max_length:
        raise ValueError(f"{name} must be at most {max_length} characters, got {len(value)}")
    return value


def check_email(name: str, value: object) -> str:
    """Return ``value`` if it looks like an email address (``local@domain``)."""
    text = check_str(name, value, min_length=1)
    if not _EMAIL.match(text):
        raise ValueError(f"{name} must be an email address like name@example.com, got {text!r}")
    return text


def check_secret(name: str, value: object) -> str:
    """Return the plain text of a non-empty ``str`` or :class:`Secret`.

    The value itself never appears in the error message.
    """
    if isinstance(value, Secret):
        value = value.get_secret_value()
    elif not isinstance(value, str):
        raise TypeError(f"{name} must be a str or Secret, not {_type_name(value)}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    return value


def check_choice(name: str, value: object, choices: Collection[str]) -> str:
    """Return ``value`` if it is one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}")
    return value


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is a bool."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {_type_name(value)}")
    return value


def check_number(name: str, value: object) -> float | int:
    """Return ``value`` if it is an int or float (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {_type_name(value)}")
    return value


def check_str_list(name: str, value: object) -> list[str]:
    """Return ``value`` as a list if it is a sequence of str (a bare str is refused)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a list of str, not {_type_name(value)}")
    items: list[Any] = list(value)
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"{name}[{index}] must be a str, not {_type_name(item)}")
    return items


def check_int_id(name: str, value: object) -> int:
    """Return ``value`` if it is a positive int (a bool is refused).

    Ids go into the URL path, so anything else could change the route.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be a positive int, got {value}")
    # A plain int: a subclass's own __format__ or __str__ must not write the path.
    return int.__index__(value)


def check_uuid(name: str, value: object) -> str:
    """Return ``value`` in canonical form if it is a UUID (str or :class:`uuid.UUID`)."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise ValueError(f"{name} must be a UUID, got {value!r}")
