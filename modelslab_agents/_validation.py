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
    "check_bearer_token",
    "check_bool",
    "check_choice",
    "check_email",
    "check_int_id",
    "check_number",
    "check_secret",
    "check_str",
    "check_str_list",
    "check_uuid",
    "describe_rejected",
]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def _type_name(value: object) -> str:
    return type(value).__name__


def describe_rejected(value: object) -> str:
    """Describe a rejected value without showing it: its type, and a length.

    A string that failed a check may be a token or a password passed in the
    wrong place (``tokens.revoke("<a token>")``, swapped arguments), so no
    message of this module ever contains one.
    """
    if isinstance(value, (str, bytes, bytearray)):
        unit = "character" if isinstance(value, str) else "byte"
        return f"a {_type_name(value)} of {len(value)} {unit}{'' if len(value) == 1 else 's'}"
    if value is None:
        return "None"
    return f"a {_type_name(value)}"


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
        raise ValueError(
            f"{name} must be an email address like name@example.com, got {describe_rejected(text)}"
        )
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


_CONTROL_NAMES: dict[str, str] = {
    "\n": "a line feed (LF)",
    "\r": "a carriage return (CR)",
    "\t": "a tab",
    "\x00": "a NUL character",
    "\x7f": "a DEL character",
}


def _header_problem(text: str) -> str | None:
    """What keeps ``text`` from being an HTTP header value, without quoting it."""
    for position, char in enumerate(text, 1):
        if " " <= char <= "~":
            continue
        if char in _CONTROL_NAMES:
            what = _CONTROL_NAMES[char]
        elif char < " ":
            what = "a control character"
        else:
            what = "a non-ASCII character"
        return f"contains {what} at position {position} of {len(text)}"
    if text != text.strip():
        return f"starts or ends with a space ({len(text)} characters)"
    return None


def check_bearer_token(value: object, name: str = "token") -> Secret:
    """Return ``value`` as a :class:`Secret` if it can travel as a bearer token.

    A token goes into the ``Authorization`` header, so it must be printable ASCII
    with no surrounding whitespace. The usual mistake is a token read from a file
    with its newline (``open(path).read()``): refused here, where it enters,
    rather than failing (or being retried) on every call. The message says what
    is wrong and where, never the value.

    Args:
        value: A non-empty str or :class:`Secret`.
        name: The argument's name, for the message.

    Raises:
        TypeError: ``value`` is neither a str nor a Secret.
        ValueError: it is empty, or cannot be a header value.
    """
    if isinstance(value, Secret):
        text = value.get_secret_value()
    elif isinstance(value, str):
        text = value
    else:
        raise TypeError(f"{name} must be a str or Secret, not {_type_name(value)}")
    if not text:
        raise ValueError(f"{name} must not be empty")
    problem = _header_problem(text)
    if problem is not None:
        hint = (
            "; strip the value read from a file or environment (.strip())"
            if text.strip() != text
            else ""
        )
        raise ValueError(f"{name} cannot be sent as a bearer token: it {problem}{hint}")
    return value if isinstance(value, Secret) else Secret(text)


def check_choice(name: str, value: object, choices: Collection[str]) -> str:
    """Return ``value`` if it is one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {allowed}; got {describe_rejected(value)}")
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
        raise ValueError(f"{name} must be a positive int, got {describe_rejected(value)}")
    # A plain int: a subclass's own __format__ or __str__ must not write the path
    # (nor the message).
    number = int.__index__(value)
    if number < 1:
        raise ValueError(f"{name} must be a positive int, got {number}")
    return number


def check_uuid(name: str, value: object) -> str:
    """Return ``value`` in canonical form if it is a UUID (str or :class:`uuid.UUID`)."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise ValueError(f"{name} must be a UUID, got {describe_rejected(value)}")
