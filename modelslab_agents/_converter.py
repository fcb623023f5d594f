"""Turning decoded JSON into the SDK's attrs models, with cattrs.

One module-level converter, with hooks for what the wire sends loosely:

* ``Secret`` fields wrap the string the server sent;
* timestamps are ISO 8601, with a trailing ``Z`` accepted on every Python;
* an enum value the SDK does not know stays a plain string;
* a list sent as ``null`` is an empty list;
* fields a model does not know are kept in its ``extra`` mapping;
* a catalogue may arrive as a list of objects or as a mapping of name to value.

A missing required field, or a value of the wrong type, is a
:class:`ResponseDecodeError` naming the field, never a half-built object.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from . import _models
from ._exceptions import ResponseDecodeError
from ._models import MODELS
from ._secret import Secret

__all__ = ["model_class", "structure", "structure_list"]

T = TypeVar("T")


def _structure_secret(value: Any, _: type) -> Secret:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return Secret(value)


def _structure_datetime(value: Any, _: type) -> datetime:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 timestamp, got {type(value).__name__}")
    if value.endswith(("Z", "z")):  # Python 3.10's fromisoformat rejects "Z"
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("expected an ISO 8601 timestamp") from None  # no echo of the value
    # The service keeps time in UTC; one without an offset is UTC too, so that every
    # timestamp compares with every other (naive and aware ones raise TypeError).
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise TypeError(f"expected an integer, got {type(value).__name__}")


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)  # some services send money as "12.50"
        except ValueError:
            pass
    raise TypeError(f"expected a number, got {type(value).__name__}")


_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})


def _structure_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    # bool("false") is True: refuse rather than guess.
    raise TypeError(f"expected a boolean, got {type(value).__name__}")


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"expected a string, got {type(value).__name__}")


def _structure_str_list(value: Any, _: type) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    # Items are read like str fields: a null or an object is no string ("None").
    return [_structure_str(item, str) for item in value]


def _optional(hook: Callable[[Any, Any], T], tp: type[T]) -> Callable[[Any, Any], T | None]:
    """``X | None`` read by ``X``'s hook: generated model code calls it directly,
    instead of cattrs' generic Optional hook dispatching on every field
    (~2 us less per model; benchmarks/PERF.md)."""

    def structure(value: Any, _: Any) -> T | None:
        return None if value is None else hook(value, tp)

    return structure


def _is_open_enum(tp: Any) -> bool:
    """``SomeEnum | str`` (optionally ``| None``): a closed set that may grow."""
    if get_origin(tp) is not Union and type(tp).__name__ != "UnionType":
        return False
    args = get_args(tp)
    return str in args and any(isinstance(a, type) and issubclass(a, enum.Enum) for a in args)


def _structure_open_enum(tp: Any) -> Callable[[Any, Any], Any]:
    enum_type = next(a for a in get_args(tp) if isinstance(a, type) and issubclass(a, enum.Enum))
    nullable = type(None) in get_args(tp)

    def structure(value: Any, _: Any) -> Any:
        if value is None and nullable:
            return None
        try:
            return enum_type(value)
        except ValueError:
            return _structure_str(value, str)  # a new value, not a list or an object

    return structure


def _model_hook(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any, Any], Any]:
    """Structure ``cls`` from a dict, keeping unknown keys in ``extra``."""
    fields = attrs.fields(cls)
    aliases = {f.name: f.metadata["aliases"] for f in fields if "aliases" in f.metadata}
    known = frozenset(f.name for f in fields) | {a for names in aliases.values() for a in names}
    base = make_dict_structure_fn(cls, converter, extra=override(omit=True))

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        for name, alternatives in aliases.items():
            if name not in value:
                for alternative in alternatives:
                    if alternative in value:
                        value = {**value, name: value[alternative]}
                        break
        model = base(value, cls)
        unknown = {k: v for k, v in value.items() if k not in known}
        if unknown:
            object.__setattr__(model, "extra", unknown)
        return model

    return structure


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=detailed)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(Secret, _structure_secret)
    converter.register_structure_hook(datetime, _structure_datetime)
    for tp, hook in (
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
        (str, _structure_str),
        (Secret, _structure_secret),
        (datetime, _structure_datetime),
    ):
        converter.register_structure_hook(tp | None, _optional(hook, tp))
    converter.register_structure_hook_func(lambda tp: tp == list[str], _structure_str_list)
    converter.register_structure_hook_factory(_is_open_enum, _structure_open_enum)
    for model in MODELS:
        converter.register_structure_hook(model, _model_hook(converter, model))
    return converter


@functools.cache
def _converter(*, detailed: bool) -> cattrs.Converter:
    """The fast converter runs on every answer; the detailed one only re-reads an
    answer that failed, to say which field was wrong (it costs ~2x as much).
    Both are built on first use, not at import."""
    return _make_converter(detailed=detailed)


def _describe(data: Any, model: type[Any]) -> str:
    try:
        _converter(detailed=True).structure(data, model)
    except cattrs.BaseValidationError as exc:
        return "; ".join(cattrs.transform_error(exc, path="$.data"))
    except Exception as exc:
        return str(exc)
    return "unreadable value"


_fast_hooks: dict[type[Any], Callable[[Any, Any], Any]] = {}


def _fast_hook(model: type[Any]) -> Callable[[Any, Any], Any]:
    """The fast converter's hook for ``model``, looked up once rather than per answer."""
    hook = _fast_hooks.get(model)
    if hook is None:
        hook = _fast_hooks[model] = _converter(detailed=False).get_structure_hook(model)
    return hook


@functools.cache
def model_class(name: str) -> type[Any]:
    """The model class an endpoint descriptor names."""
    cls: type[Any] = getattr(_models, name)
    return cls


def structure(data: Any, model: type[T], *, status_code: int | None = None) -> T:
    """Build ``model`` from ``data``, or raise :class:`ResponseDecodeError` saying why."""
    try:
        return _fast_hook(model)(data, model)  # type: ignore[no-any-return]
    except Exception:
        raise ResponseDecodeError(
            f"the server's {model.__name__} could not be read: {_describe(data, model)}",
            status_code=status_code,
        ) from None


def _keyed_items(data: Mapping[str, Any], keyed: tuple[str, str]) -> Any:
    """The items of a list sent as a mapping: ``{"profile:read": "Read the profile"}`` or
    ``{"profile:read": {"description": ...}}`` (a lone ``{"scopes": [...]}`` wrapper too)."""
    if len(data) == 1 and isinstance(next(iter(data.values())), list):
        return next(iter(data.values()))
    key, value_field = keyed
    return [
        {**value, key: name} if isinstance(value, Mapping) else {key: name, value_field: value}
        for name, value in data.items()
    ]


def structure_list(data: Any, model: type[T], *, status_code: int | None = None) -> list[T]:
    """Build a list of ``model``; accepts ``[...]`` and ``{"items": [...]}``, and for a
    model with ``_keyed_by`` (a catalogue such as the scopes) a mapping of key to value."""
    if isinstance(data, Mapping) and isinstance(data.get("items"), list):
        data = data["items"]
    elif isinstance(data, Mapping) and (keyed := getattr(model, "_keyed_by", None)):
        data = _keyed_items(data, keyed)
    if not isinstance(data, list):
        raise ResponseDecodeError(
            f"expected a list of {model.__name__}, got {type(data).__name__}",
            status_code=status_code,
        )
    return [structure(item, model, status_code=status_code) for item in data]
