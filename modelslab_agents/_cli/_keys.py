"""``modelslab-agents keys``: API keys for the generation endpoints."""

from __future__ import annotations

import click

from ._batch import run_batch
from ._options import CHECK_ID, json_option
from ._output import Column
from ._state import AppState, pass_state

__all__ = ["keys"]

_COLUMNS = (
    Column.attr("id"),
    Column.attr("name"),
    Column.attr("key"),
    Column.attr("notes"),
    Column.attr("created_at", "created"),
)


@click.group(short_help="API keys: create, list, get, update, delete.")
def keys() -> None:
    """API keys for the generation endpoints: create, list, show, rename, delete.

    \b
    Examples:
      modelslab-agents keys create my-agent --notes "CI runner"
      modelslab-agents keys list
      modelslab-agents keys delete 3 4 5
    A key is shown in full only once, when created; store it then.
    """


@keys.command("list")
@json_option
@pass_state
def list_keys(state: AppState) -> None:
    """List your API keys (masked)."""
    state.output.table(state.client().api_keys.list(), _COLUMNS, empty="No API keys.")


@keys.command()
@click.argument("name")
@click.option("--notes", help="Free text stored with the key.")
@json_option
@pass_state
def create(state: AppState, name: str, notes: str | None) -> None:
    """Create an API key called NAME and print it in full, once.

    The full key is printed only now (in --json too: field "key"); the service
    will not show it again, so store it, e.g. in a secret manager.
    """
    key = state.client().api_keys.create(name, notes=notes)
    out = state.output
    warning = "store this API key now: it is shown only once"
    if out.as_json:
        out.warn(warning)
        out.record(key, reveal=("key",))
        return
    out.line(f"Created API key {key.id} ({key.name}).")
    out.line(key.key.get_secret_value())
    out.warn(warning)


@keys.command()
@click.argument("key_id", metavar="ID", callback=CHECK_ID)
@json_option
@pass_state
def get(state: AppState, key_id: int) -> None:
    """Show the API key with this ID (masked)."""
    state.output.record(state.client().api_keys.get(key_id))


@keys.command()
@click.argument("key_id", metavar="ID", callback=CHECK_ID)
@click.option("--name", help="New name.")
@click.option("--notes", help='New notes ("" clears them).')
@json_option
@pass_state
def update(state: AppState, key_id: int, name: str | None, notes: str | None) -> None:
    """Rename the API key with this ID, or change its notes."""
    fields = {k: v for k, v in {"name": name, "notes": notes}.items() if v is not None}
    if not fields:
        raise click.UsageError("nothing to change: pass --name and/or --notes")
    state.output.record(state.client().api_keys.update(key_id, **fields))


@keys.command()
@click.argument("key_ids", metavar="ID...", nargs=-1, required=True, callback=CHECK_ID)
@json_option
@pass_state
def delete(state: AppState, key_ids: tuple[int, ...]) -> None:
    """Delete the API keys with these ids, concurrently.

    Prints one line per id; exits non-zero if any failed (see the exit codes
    in `modelslab-agents --help`).
    """
    client = state.client()
    run_batch(
        state,
        client,
        client.api_keys.delete,
        list(dict.fromkeys(key_ids)),
        label=lambda i: f"key {i}",
        success=lambda i, _: f"deleted key {i}",
    )
