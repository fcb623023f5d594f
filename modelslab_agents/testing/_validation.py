"""Request-body validation with Laravel's rules and messages.

The real control plane is a Laravel application: empty strings arrive as ``null``
(its ``ConvertEmptyStringsToNull`` middleware), messages name the field with spaces for
underscores, and every invalid field of a body is reported at once in one 422 answer.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Mapping

from ._errors import validation_error

__all__ = ["MISSING", "Body", "Missing", "is_email"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Missing(enum.Enum):
    """Marks a field the body left out (distinct from an explicit ``null``)."""

    MISSING = enum.auto()

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing.MISSING


def is_email(value: str) -> bool:
    """A loose email check: something@domain.tld, no spaces."""
    return _EMAIL.match(value) is not None


def _label(field: str) -> str:
    return field.replace("_", " ")


class Body:
    """Reads and checks the fields of one JSON request body.

    Each reader validates one field; an invalid value records a message and yields a
    placeholder (``""`` or :data:`MISSING`). Handlers read every field first and then call
    :meth:`check`, which raises the 422 holding the whole bag, so that nothing is acted on
    unless every field is valid. Unknown fields are ignored, as the real server does.
    """

    def __init__(self, data: Mapping[str, object]) -> None:
        self._data = {
            key: (None if isinstance(value, str) and value == "" else value)
            for key, value in data.items()
        }
        self.errors: dict[str, list[str]] = {}

    def fail(self, field: str, message: str) -> None:
        """Record a message against ``field``."""
        self.errors.setdefault(field, []).append(message)

    def check(self) -> None:
        """Raise the 422 ``validation_error`` if any field was invalid."""
        if self.errors:
            raise validation_error(self.errors)

    # -- strings --------------------------------------------------------------------

    def required_text(
        self, field: str, *, min_length: int | None = None, max_length: int | None = 255
    ) -> str:
        """A required string; ``""`` when missing or invalid."""
        value = self._data.get(field)
        if value is None:
            self.fail(field, f"The {_label(field)} field is required.")
            return ""
        if not isinstance(value, str):
            self.fail(field, f"The {_label(field)} field must be a string.")
            return ""
        return value if self._length_ok(field, value, min_length, max_length) else ""

    def optional_text(
        self,
        field: str,
        *,
        nullable: bool = True,
        min_length: int | None = None,
        max_length: int | None = 255,
        pattern: re.Pattern[str] | None = None,
        pattern_message: str = "",
    ) -> str | Missing | None:
        """A string that may be left out; ``None`` for an explicit null if ``nullable``."""
        if field not in self._data:
            return MISSING
        value = self._data[field]
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            self.fail(field, f"The {_label(field)} field must be a string.")
            return MISSING
        if not self._length_ok(field, value, min_length, max_length):
            return MISSING
        if pattern is not None and pattern.fullmatch(value) is None:
            self.fail(field, pattern_message.format(label=_label(field)))
            return MISSING
        return value

    def required_email(self, field: str = "email") -> str:
        """A required, well-formed email address; ``""`` when missing or invalid."""
        value = self.required_text(field)
        if value and not is_email(value):
            self.fail(field, f"The {_label(field)} field must be a valid email address.")
            return ""
        return value

    def confirmed(self, field: str) -> None:
        """Laravel's ``confirmed`` rule: ``<field>_confirmation`` must equal ``<field>``."""
        if self._data.get(f"{field}_confirmation") != self._data.get(field):
            self.fail(field, f"The {_label(field)} field confirmation does not match.")

    def _length_ok(
        self, field: str, value: str, min_length: int | None, max_length: int | None
    ) -> bool:
        if min_length is not None and len(value) < min_length:
            self.fail(field, f"The {_label(field)} field must be at least {min_length} characters.")
            return False
        if max_length is not None and len(value) > max_length:
            self.fail(
                field,
                f"The {_label(field)} field must not be greater than {max_length} characters.",
            )
            return False
        return True

    # -- other types ----------------------------------------------------------------

    def choice(self, field: str, options: Collection[str]) -> str | Missing:
        """One of ``options``; left out or ``null`` means "use the default" (:data:`MISSING`)."""
        value = self._data.get(field)
        if value is None:
            return MISSING
        if not isinstance(value, str) or value not in options:
            self.fail(field, f"The selected {_label(field)} is invalid.")
            return MISSING
        return value

    def flag(self, field: str) -> bool | Missing:
        """A JSON boolean that may be left out (``null`` is not a boolean)."""
        if field not in self._data:
            return MISSING
        value = self._data[field]
        if not isinstance(value, bool):
            self.fail(field, f"The {_label(field)} field must be true or false.")
            return MISSING
        return value

    def number(self, field: str, *, minimum: float | None = None) -> float | Missing:
        """A JSON number that may be left out (booleans and ``null`` are not numbers)."""
        if field not in self._data:
            return MISSING
        value = self._data[field]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(field, f"The {_label(field)} field must be a number.")
            return MISSING
        if minimum is not None and value < minimum:
            self.fail(field, f"The {_label(field)} field must be at least {minimum:g}.")
            return MISSING
        return float(value)

    def text_list(
        self,
        field: str,
        *,
        options: Collection[str] | None = None,
        max_length: int = 255,
    ) -> list[str] | Missing:
        """A list of strings (each one of ``options`` if given); left out or null: MISSING.

        Messages for items use Laravel's dotted keys (``scopes.1``). Duplicates are dropped,
        first occurrence kept.
        """
        value = self._data.get(field)
        if value is None:
            return MISSING
        if not isinstance(value, list):
            self.fail(field, f"The {_label(field)} field must be an array.")
            return MISSING
        items: list[str] = []
        valid = True
        for index, item in enumerate(value):
            key = f"{field}.{index}"
            if not isinstance(item, str):
                self.fail(key, f"The {key} field must be a string.")
                valid = False
            elif options is not None and item not in options:
                self.fail(key, f"The selected {key} is invalid.")
                valid = False
            elif not item or len(item) > max_length:
                self.fail(key, f"The {key} field must be between 1 and {max_length} characters.")
                valid = False
            elif item not in items:
                items.append(item)
        return items if valid else MISSING
