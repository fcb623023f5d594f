"""``modelslab-agents spec diff``: does the live contract still match the SDK's?"""

from __future__ import annotations

import click

from modelslab_agents._spec_diff import (
    DEFAULT_CONTRACT_URL,
    ContractFetchError,
    bundled_contract,
    compare,
    fetch_contract,
)

from ._errors import CliError, ExitCode
from ._options import json_option
from ._state import AppState, pass_state

__all__ = ["spec"]


@click.group(short_help="The API contract the SDK was generated from.")
def spec() -> None:
    """The OpenAPI contract the SDK was generated from, and the live one."""


@spec.command(short_help="Compare the live contract with the SDK's.")
@click.argument("url", required=False, default=DEFAULT_CONTRACT_URL, metavar="[URL]")
@json_option
@pass_state
def diff(state: AppState, url: str) -> None:
    """Fetch the live OpenAPI contract at URL and compare it with the SDK's own.

    Lists operations added and removed, and per operation the request and
    response fields, types, enum values, required scope and authentication that
    differ. No credentials are sent. URL defaults to the production contract,
    https://modelslab.com/api/agents/v1/openapi.json.

    \b
    Exit codes (of this command):
      0  the contracts match
      1  they differ (each difference is printed)
      2  bad URL, or the contract could not be fetched or read

    \b
    Example, against the emulator:
      modelslab-agents spec diff http://127.0.0.1:8787/api/agents/v1/openapi.json
    """
    try:
        live = fetch_contract(url)
    except (ContractFetchError, ValueError) as exc:
        raise CliError(str(exc), ExitCode.USAGE) from None
    bundled = bundled_contract()
    differences = compare(bundled, live)
    out = state.output
    versions = {
        "bundled_version": str(bundled.get("info", {}).get("version")),
        "live_version": str((live.get("info") or {}).get("version")),
    }
    if out.as_json:
        out.json(
            {
                "same": not differences,
                **versions,
                "differences": [d.to_dict() for d in differences],
            }
        )
    elif not differences:
        out.line(f"The live contract matches the SDK's (version {versions['bundled_version']}).")
    else:
        count = f"{len(differences)} difference{'s' if len(differences) > 1 else ''}"
        out.line(
            f"The live contract (version {versions['live_version']}) differs from the SDK's "
            f"(version {versions['bundled_version']}): {count} "
            "(+ only in the live one, - only in the SDK's, ~ changed):"
        )
        for difference in differences:
            out.line(f"  {difference}")
    if differences:
        raise click.exceptions.Exit(1)
