"""``modelslab-agents tokens``: list and revoke tokens, switch into a team account."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from ._auth import default_device_name, store_session
from ._batch import run_batch
from ._credentials import check_profile_name
from ._options import CHECK_ID, expiry_option, json_option, scopes_option
from ._output import Column, to_json
from ._state import AppState, pass_state

if TYPE_CHECKING:
    from modelslab_agents._models import AccessToken

__all__ = ["tokens"]

_COLUMNS = (
    Column.attr("id"),
    Column.attr("name"),
    Column("current", lambda t: t.extra.get("current")),
    Column.attr("created_at", "created"),
    Column.attr("last_used_at", "last used"),
    Column.attr("expires_at", "expires"),
    Column("scopes", lambda t: t.abilities),
)


def _token_json(token: AccessToken) -> dict[str, Any]:
    """A listed token: the wire's fields (the server calls its scopes ``abilities``),
    plus ``scopes``, the name the rest of the command line and the API use for them."""
    return {**to_json(token), "scopes": list(token.abilities)}


@click.group(short_help="Your tokens: list, revoke, switch into a team.")
def tokens() -> None:
    """Your account's bearer tokens: list, revoke, switch into a team account.

    \b
    Examples:
      modelslab-agents tokens list
      modelslab-agents tokens revoke 3 4
      modelslab-agents tokens revoke-others
      modelslab-agents tokens switch-account acme --save-as acme
    """


@tokens.command("list", short_help="List your active tokens.")
@json_option
@pass_state
def list_tokens(state: AppState) -> None:
    """List your active tokens; `current` marks the one this command used.

    Tokens themselves are never listed, only their ids, names, dates and scopes
    (in --json both as `scopes` and as the server's field `abilities`).
    """
    state.output.table(
        state.client().tokens.list(), _COLUMNS, empty="No active tokens.", json_row=_token_json
    )


@tokens.command()
@click.argument("token_ids", metavar="ID...", nargs=-1, required=True, callback=CHECK_ID)
@json_option
@pass_state
def revoke(state: AppState, token_ids: tuple[int, ...]) -> None:
    """Revoke the tokens with these ids (see `tokens list`), concurrently.

    Prints one line per id; exits non-zero if any failed.
    """
    client = state.client()
    run_batch(
        state,
        client,
        client.tokens.revoke,
        list(token_ids),
        label=lambda i: f"token {i}",
        success=lambda i, _: f"revoked token {i}",
    )


@tokens.command("revoke-others")
@json_option
@pass_state
def revoke_others(state: AppState) -> None:
    """Revoke every token of yours except the one this command uses."""
    state.client().tokens.revoke_others()
    state.output.done("Revoked every other token; this one stays valid.")


@tokens.command("switch-account", short_help="Act as a team account you belong to.")
@click.argument("username")
@click.option(
    "--save-as",
    metavar="PROFILE",
    help="Store the new token in this profile [default: the current profile].",
)
@expiry_option()
@click.option("--device-name", metavar="NAME", help="Name of the new token.")
@scopes_option("the scopes of the token this command uses")
@json_option
@pass_state
def switch_account(
    state: AppState,
    username: str,
    save_as: str | None,
    expiry: str | None,
    device_name: str | None,
    scopes: tuple[str, ...],
) -> None:
    """Get a token acting as the team account USERNAME, and store it.

    You must have accepted an invitation to that team (`teams accept`). Later
    commands with that profile act as the team account. Your previous token
    stays valid: keep it in its own profile with --save-as, or find it in
    `tokens list` to revoke it. Switch back with your own username.
    """
    target = check_profile_name(save_as) if save_as else state.profile_name
    session = state.client().tokens.switch_account(
        username,
        device_name=device_name or default_device_name(),
        token_expiry=expiry,  # type: ignore[arg-type]
        scopes=list(scopes) or None,  # type: ignore[arg-type]
    )
    stored_in = store_session(state, session, session.access_token, None, profile=target)
    out = state.output
    if out.as_json:
        out.record(
            session, facts={"profile": target, "token_store": state.token_store_kind(stored_in)}
        )
        return
    out.line(f"Now acting as {username}: token stored in {stored_in} (profile {target!r}).")
    if target != state.profile_name:
        out.line(f"Use it with: modelslab-agents --profile {target} ...")
