"""Commands that act on many ids or emails at once, concurrently.

The items run through the client's ``map`` (bounded concurrency, one outcome per
item, nothing cancelled by another's failure). People get a progress bar on a
terminal and one line per item; ``--json`` gets a list with one
``{"item", "ok", "result", "error"}`` object per item, in argument order.

Exit code: 0 when every item succeeded. Otherwise every item's result is printed
first; then, when all the failures are of one class and none succeeded, the exit
code is that class's, else 1. A single item fails exactly like a single command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ._errors import CliError, ExitCode, describe, error_json, exit_code_for
from ._output import to_json
from ._state import AppState

if TYPE_CHECKING:
    from modelslab_agents._batch import BatchResult
    from modelslab_agents._sync import ModelsLab

__all__ = ["run_batch"]

I = TypeVar("I")  # noqa: E741
T = TypeVar("T")


def run_batch(
    state: AppState,
    client: ModelsLab,
    fn: Callable[[I], T],
    items: Sequence[I],
    *,
    label: Callable[[I], str],
    success: Callable[[I, T], str],
    result_json: Callable[[T], Any] = to_json,
) -> None:
    """Run ``fn`` over ``items`` with ``client.map`` and report every item."""
    results = _map_with_progress(state, client, fn, items)
    out = state.output
    if out.as_json:
        out.json(
            [
                {
                    "item": to_json(o.item),
                    "ok": o.ok,
                    "result": result_json(o.value) if o.ok and o.value is not None else None,
                    "error": error_json(o.error) if o.error is not None else None,
                }
                for o in results
            ]
        )
    failed = results.failed
    if len(results) == 1 and failed and failed[0].error is not None:
        raise failed[0].error
    if not out.as_json:
        for outcome in results:
            if outcome.ok:
                out.line(success(outcome.item, outcome.value))  # type: ignore[arg-type]
            else:
                assert outcome.error is not None
                out.line(f"failed: {label(outcome.item)}: {describe(outcome.error)}", style="red")
    if failed:
        codes = {exit_code_for(o.error) for o in failed if o.error is not None}
        code = codes.pop() if len(codes) == 1 and not results.succeeded else ExitCode.FAILURE
        raise CliError(f"{len(failed)} of {len(results)} failed", code)


def _map_with_progress(
    state: AppState, client: ModelsLab, fn: Callable[[I], T], items: Sequence[I]
) -> BatchResult[I, T]:
    if len(items) < 2 or not sys.stderr.isatty():
        return client.map(fn, items)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=state.output.err,
        transient=True,
    ) as progress:
        task = progress.add_task("working", total=len(items))
        return client.map(
            fn,
            items,
            on_progress=lambda done, total: progress.update(task, completed=done),
        )
