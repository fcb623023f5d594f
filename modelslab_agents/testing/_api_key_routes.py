"""Handlers for the generation API keys of the caller's account."""

from __future__ import annotations

from ._call import Call, Reply
from ._errors import not_found
from ._model import ApiKey
from ._validation import Missing
from ._views import api_key_view

__all__ = ["create_key", "delete_key", "get_key", "list_keys", "update_key"]

NOTES_MAX_LENGTH = 1000


def _own_key(call: Call) -> ApiKey:
    key = call.store.api_key(call.account.id, call.int_id)
    if key is None:
        raise not_found("API key not found.")
    return key


def list_keys(call: Call) -> Reply:
    """``GET /api-keys``: keys masked."""
    return Reply([api_key_view(k) for k in call.store.api_keys_of(call.account.id)])


def create_key(call: Call) -> Reply:
    """``POST /api-keys``: 201 with the full key, the only time it is shown."""
    name = call.body.required_text("name")
    notes = call.body.optional_text("notes", max_length=NOTES_MAX_LENGTH)
    call.body.check()
    key = call.store.add_api_key(call.account, name, None if isinstance(notes, Missing) else notes)
    return Reply(api_key_view(key, reveal=True), status=201)


def get_key(call: Call) -> Reply:
    """``GET /api-keys/{id}``: masked."""
    return Reply(api_key_view(_own_key(call)))


def update_key(call: Call) -> Reply:
    """``PUT /api-keys/{id}``: change ``name`` and/or ``notes`` (``null`` clears notes)."""
    key = _own_key(call)
    name = call.body.optional_text("name", nullable=False)
    notes = call.body.optional_text("notes", max_length=NOTES_MAX_LENGTH)
    call.body.check()
    if isinstance(name, str):
        key.name = name
    if not isinstance(notes, Missing):
        key.notes = notes
    return Reply(api_key_view(key))


def delete_key(call: Call) -> Reply:
    """``DELETE /api-keys/{id}``."""
    call.store.delete_api_key(_own_key(call))
    return Reply()
