"""How results are shown: rich tables for people, stable JSON for scripts.

``--json`` output (stdout) is one JSON document per command:

- a model (profile, API key, team member, session, ...) is an object of the model's
  fields, followed by any further fields the server sent; datetimes are ISO 8601
  strings, enums their string value, and secrets ``"**********"`` (only the key in
  the answer to ``keys create`` is shown in full);
- a list command prints a list of such objects;
- a batch command (ids or emails as arguments) prints a list with one object per
  argument, in order: ``{"item", "ok", "result", "error"}``, where ``error`` is
  ``{"type", "message", "status_code", "code", "request_id", "exit_code"}`` or null;
- a command with nothing to return prints ``{"ok": true, ...}`` with a few named facts.

Without ``--json``, a terminal gets rich tables; output into a pipe or a file gets
plain text instead, for ``grep``, ``cut`` and ``awk``: one line per row, cells separated
by tabs, no header, no box drawing and no wrapping (a record is ``field<TAB>value``
lines with the wire's field names).

Messages for people (notes, warnings, errors) go to stderr, so stdout stays parseable.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs
from rich.console import Console
from rich.table import Table
from rich.text import Text

from modelslab_agents._secret import Secret
from modelslab_agents._serialization import Model

__all__ = ["MASK", "Column", "Output", "to_json"]

MASK: Final = "**********"


def to_json(value: Any, *, reveal: Sequence[str] = ()) -> Any:
    """``value`` as plain JSON data, secrets masked.

    ``reveal`` names the top-level fields whose secret is shown in full.
    """
    if isinstance(value, Model):
        out = value.to_dict(mode="json")
        for name in reveal:
            item = getattr(value, name, None)
            if isinstance(item, Secret):
                out[name] = item.get_secret_value()
        return out
    if isinstance(value, Secret):
        return MASK if value else None
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def human(value: Any) -> str:
    """A short readable rendering of one field."""
    if value is None:
        return "-"
    if isinstance(value, Secret):
        return MASK if value else "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M %Z").strip()
    if isinstance(value, (list, tuple)):
        return ", ".join(human(v) for v in value) if value else "-"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={human(v)}" for k, v in value.items()) if value else "-"
    return str(value)


def _cell(text: str) -> str:
    """One cell of plain output: tabs and line breaks inside it would split it."""
    return " ".join(text.replace("\t", " ").splitlines())


@attrs.frozen
class Column:
    """One column of a table: a header and how to get the cell from a row."""

    header: str
    get: Callable[[Any], Any]

    @classmethod
    def attr(cls, name: str, header: str | None = None) -> Column:
        """A column showing the attribute ``name`` (or, failing that, ``extra[name]``)."""

        def get(row: Any) -> Any:
            if hasattr(row, name):
                return getattr(row, name)
            extra = getattr(row, "extra", None)
            return extra.get(name) if isinstance(extra, Mapping) else None

        return cls(header or name.replace("_", " "), get)


class Output:
    """Writes results to stdout (table or JSON) and messages to stderr."""

    def __init__(self, *, as_json: bool) -> None:
        self.as_json = as_json
        self._plain: bool | None = None
        # Server data is shown as given: no markup, emoji codes or highlighting.
        self.out = Console(highlight=False, soft_wrap=False, markup=False, emoji=False)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)

    @property
    def plain(self) -> bool:
        """Whether stdout is a pipe or a file (plain text), not a terminal (rich tables)."""
        if self._plain is None:
            self._plain = not self.out.is_terminal
        return self._plain

    def _tsv(self, cells: Iterable[str]) -> None:
        sys.stdout.write("\t".join(_cell(cell) for cell in cells) + "\n")

    # -- data -------------------------------------------------------------------------

    def json(self, data: Any) -> None:
        """Print one JSON document on stdout."""
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def record(
        self,
        value: Any,
        *,
        title: str | None = None,
        reveal: Sequence[str] = (),
        facts: Mapping[str, Any] | None = None,
    ) -> None:
        """One model: a two-column table, or its JSON object (plus ``facts``)."""
        data = to_json(value, reveal=reveal)
        if facts:
            data.update(to_json(dict(facts)))
        if self.as_json:
            self.json(data)
            return
        if self.plain:
            for name in (f.name for f in attrs.fields(type(value))):
                if name != "extra" and name not in reveal:
                    self._tsv([name, human(getattr(value, name))])
            extra = getattr(value, "extra", None)
            for key, item in extra.items() if isinstance(extra, Mapping) else ():
                self._tsv([str(key), human(item)])
            sys.stdout.flush()
            return
        table = Table(title=title, show_header=False, title_justify="left", box=None)
        table.add_column("field", style="bold")
        table.add_column("value", overflow="fold")
        for field in attrs.fields(type(value)):
            if field.name == "extra" or field.name in reveal:
                continue
            table.add_row(field.name.replace("_", " "), Text(human(getattr(value, field.name))))
        extra = getattr(value, "extra", None)
        if isinstance(extra, Mapping):
            for key, item in extra.items():
                table.add_row(Text(str(key).replace("_", " ")), Text(human(item)))
        self.out.print(table)

    def table(
        self,
        rows: Iterable[Any],
        columns: Sequence[Column],
        *,
        empty: str,
        json_row: Callable[[Any], dict[str, Any]] = to_json,
    ) -> None:
        """A list of models: a table with ``columns``, or a JSON list of objects."""
        rows = list(rows)
        if self.as_json:
            self.json([json_row(row) for row in rows])
            return
        if not rows:
            self.note(empty)
            return
        if self.plain:
            for row in rows:
                self._tsv(human(column.get(row)) for column in columns)
            sys.stdout.flush()
            return
        table = Table(show_lines=False)
        for column in columns:
            table.add_column(column.header, overflow="fold")
        for row in rows:
            table.add_row(*(Text(human(column.get(row))) for column in columns))
        self.out.print(table)

    def facts(self, facts: Mapping[str, Any]) -> None:
        """Named facts (``auth status``): aligned lines, ``name<TAB>value``, or JSON."""
        if self.as_json:
            self.json(to_json(dict(facts)))
        elif self.plain:
            for key, value in facts.items():
                self._tsv([key, human(value)])
            sys.stdout.flush()
        else:
            for key, value in facts.items():
                self.line(f"{key.replace('_', ' ') + ':':<18}{human(value)}")

    def done(self, message: str, **facts: Any) -> None:
        """A command with nothing to return: a line for people, ``{"ok": true}`` for JSON."""
        if self.as_json:
            self.json({"ok": True, **to_json(facts)})
        else:
            self.line(message)

    # -- text -------------------------------------------------------------------------

    def line(self, text: str, *, style: str | None = None) -> None:
        """A plain line on stdout (people only), never wrapped nor marked up; ``style``
        (a colour) only on a terminal."""
        if self.plain:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        else:
            self.out.print(text, markup=False, highlight=False, soft_wrap=True, style=style)

    def note(self, text: str) -> None:
        """A message for people on stderr."""
        self.err.print(text, markup=False, highlight=False)

    def warn(self, text: str) -> None:
        """A warning on stderr."""
        self.err.print(f"warning: {text}", markup=False, highlight=False, style="yellow")
