"""Handlers for listing and revoking tokens, and for switching to a team account."""

from __future__ import annotations

from ._auth_routes import read_token_options
from ._call import Call, Reply
from ._errors import access_denied, insufficient_scope, not_found
from ._views import session_view, token_view

__all__ = ["list_tokens", "revoke_others", "revoke_token", "switch_account"]


def list_tokens(call: Call) -> Reply:
    """``GET /auth/tokens``: the caller's live tokens, the calling one marked ``current``."""
    tokens = call.store.tokens_held_by(call.bearer.holder_id)
    return Reply([token_view(t, current=call.bearer) for t in tokens])


def revoke_token(call: Call) -> Reply:
    """``DELETE /auth/tokens/{id}``: another holder's token id is a 404, as is an unknown one."""
    token = call.store.token(call.int_id)
    if token is None or token.holder_id != call.bearer.holder_id:
        raise not_found("Token not found.")
    call.store.revoke([token])
    return Reply()


def revoke_others(call: Call) -> Reply:
    """``POST /auth/tokens/revoke-others``: keep only the calling token."""
    held = call.store.tokens_held_by(call.bearer.holder_id)
    call.store.revoke([t for t in held if t.id != call.bearer.id])
    return Reply()


def switch_account(call: Call) -> Reply:
    """``POST /auth/switch-account``: a token acting as a team owner's account.

    The holder must be an accepted member of that owner's team, or be the account itself
    (switching back). Unknown usernames are refused exactly like foreign ones, so the route
    does not reveal which usernames exist. Scopes never widen: the new token gets the
    ``scopes`` asked for (default: the calling token's), and asking for one the calling
    token lacks is a 403 ``insufficient_scope``.
    """
    body, store = call.body, call.store
    username = body.required_text("account_username")
    options = read_token_options(body)
    body.check()
    held = call.bearer
    granted = held.abilities if options.scopes is None else tuple(options.scopes)
    for scope in granted:
        if not held.grants(scope):
            raise insufficient_scope(scope, held.abilities)
    holder = call.holder
    target = store.account_by_username(username)
    if target is None or (
        target.id != holder.id and not store.is_accepted_member(target.id, holder.id)
    ):
        raise access_denied("You are not a member of this account's team.")
    token = store.issue_token(
        holder,
        account=target,
        device_name=options.device_name,
        token_expiry=options.token_expiry,
        scopes=granted,
    )
    return Reply(session_view(token, target))
