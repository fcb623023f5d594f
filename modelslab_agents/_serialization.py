"""``to_dict()`` and ``to_json()``: every model as plain data, secrets masked.

One base class for every generated model, so the rules live in one place:

* keys are the wire's field names, nested models become dicts and lists stay lists;
* fields the server sent that the model does not know (its ``extra``) follow the
  known ones, as they came, so nothing the server said is dropped;
* a :class:`Secret` is ``"**********"`` (``""`` when empty) unless the caller asks for
  it on purpose with ``reveal_secrets=True``; an unknown field whose name says it holds
  a secret (``token``, ``api_key``, ``password``, ...) is masked the same way;
* ``mode="json"`` (and ``to_json()``) turns datetimes into ISO 8601 strings and enum
  members into their values, so the result always goes through :func:`json.dumps`.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

from ._secret import Secret

__all__ = ["MASK", "Model"]

MASK: Final = "**********"

# Unknown fields are masked by name: a server may add one that holds a secret.
_SECRET_NAME: Final = re.compile(r"(?:^|_)(?:token|secret|password|key)s?$", re.IGNORECASE)

Mode = Literal["python", "json"]


class Model:
    """What every model of the SDK can do besides holding its fields."""

    __slots__ = ()

    def to_dict(self, *, reveal_secrets: bool = False, mode: Mode = "python") -> dict[str, Any]:
        """This model as a plain ``dict`` keyed by the wire's field names.

        Args:
            reveal_secrets: put the real value of every :class:`Secret` (tokens, API
                keys) in the result instead of ``"**********"``. Only for the deliberate
                case, e.g. handing a new API key to a secret manager.
            mode: ``"python"`` keeps ``datetime`` values and enum members as they are;
                ``"json"`` makes them ISO 8601 strings and plain values, so that the
                result can be passed to :func:`json.dumps` as it is.

        Returns:
            A new dict: nested models become dicts, lists are new lists, and the
            unknown fields the server sent (``extra``) follow the known ones.
        """
        return _model_data(self, reveal=reveal_secrets, as_json=mode == "json")

    def to_json(self, *, reveal_secrets: bool = False, indent: int | None = None) -> str:
        """This model as a JSON document: :meth:`to_dict` with ``mode="json"``.

        Args:
            reveal_secrets: as in :meth:`to_dict`; without it, secrets are masked.
            indent: passed to :func:`json.dumps`; ``None`` gives one line.

        Returns:
            The JSON text (non-ASCII characters kept as they are).
        """
        data = self.to_dict(reveal_secrets=reveal_secrets, mode="json")
        return json.dumps(data, indent=indent, ensure_ascii=False)


def _model_data(model: Any, *, reveal: bool, as_json: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(type(model)):
        if field.name != "extra":
            out[field.name] = _value(getattr(model, field.name), reveal=reveal, as_json=as_json)
    extra = getattr(model, "extra", None)
    if isinstance(extra, Mapping):
        for key, item in extra.items():
            # A known field wins over an unknown one of the same name.
            out.setdefault(str(key), _extra_value(str(key), item, reveal=reveal))
    return out


def _value(value: Any, *, reveal: bool, as_json: bool) -> Any:
    if isinstance(value, Model):
        return _model_data(value, reveal=reveal, as_json=as_json)
    if isinstance(value, Secret):
        return value.get_secret_value() if reveal else str(value)
    if isinstance(value, enum.Enum):
        return value.value if as_json else value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat() if as_json else value
    if isinstance(value, Mapping):
        return {str(k): _value(v, reveal=reveal, as_json=as_json) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_value(v, reveal=reveal, as_json=as_json) for v in value]
    return value


def _extra_value(name: str, value: Any, *, reveal: bool) -> Any:
    """An unknown field, as decoded JSON: copied, with secret-named strings masked."""
    if not reveal and _SECRET_NAME.search(name) and isinstance(value, str):
        return MASK if value else ""
    if isinstance(value, Mapping):
        return {str(k): _extra_value(str(k), v, reveal=reveal) for k, v in value.items()}
    if isinstance(value, list):
        return [_extra_value(name, v, reveal=reveal) for v in value]
    return value
