"""Handlers for the caller's profile: ``/me`` and its password, socials and preferences."""

from __future__ import annotations

import re

from ._auth_routes import MIN_PASSWORD_LENGTH
from ._call import Call, Reply
from ._errors import validation_error
from ._validation import Missing
from ._views import profile_view

__all__ = [
    "SOCIAL_FIELDS",
    "get_profile",
    "update_password",
    "update_preferences",
    "update_profile",
    "update_socials",
]

SOCIAL_FIELDS = ("github", "twitter", "discord", "facebook", "instagram")
_USERNAME = re.compile(r"[A-Za-z0-9_-]+")
_USERNAME_MESSAGE = "The {label} field must only contain letters, numbers, dashes, and underscores."


def get_profile(call: Call) -> Reply:
    """``GET /me``."""
    return Reply(profile_view(call.account))


def update_profile(call: Call) -> Reply:
    """``PATCH /me``: change the fields present; ``null`` clears ``name`` and ``about_me``."""
    body, store, account = call.body, call.store, call.account
    name = body.optional_text("name")
    about_me = body.optional_text("about_me", max_length=1000)
    username = body.optional_text(
        "username",
        nullable=False,
        min_length=3,
        pattern=_USERNAME,
        pattern_message=_USERNAME_MESSAGE,
    )
    if isinstance(username, str):
        owner = store.account_by_username(username)
        if owner is not None and owner.id != account.id:
            body.fail("username", "The username has already been taken.")
    body.check()
    if not isinstance(name, Missing):
        account.name = name
    if not isinstance(about_me, Missing):
        account.about_me = about_me
    if isinstance(username, str):
        account.username = username
    return Reply(profile_view(account))


def update_password(call: Call) -> Reply:
    """``PATCH /me/password``: needs the current password; ``data`` is null."""
    body, account = call.body, call.account
    current = body.required_text("current_password", max_length=None)
    password = body.required_text("password", min_length=MIN_PASSWORD_LENGTH)
    body.confirmed("password")
    body.check()
    if not call.store.password_matches(account, current):
        raise validation_error({"current_password": ["The password is incorrect."]})
    call.store.set_password(account, password)
    return Reply()


def update_socials(call: Call) -> Reply:
    """``PATCH /me/socials``: answers with all the social links."""
    body, account = call.body, call.account
    changes = {field: body.optional_text(field) for field in SOCIAL_FIELDS}
    body.check()
    for field, value in changes.items():
        if not isinstance(value, Missing):
            account.socials[field] = value
    return Reply(dict(account.socials))


def update_preferences(call: Call) -> Reply:
    """``PATCH /me/preferences``: answers with all the preferences."""
    body, account = call.body, call.account
    changes: dict[str, bool | float | Missing] = {
        "nsfw_content": body.flag("nsfw_content"),
        "wallet_notification_enabled": body.flag("wallet_notification_enabled"),
        "wallet_notification_threshold": body.number("wallet_notification_threshold", minimum=0),
    }
    body.check()
    for field, value in changes.items():
        if not isinstance(value, Missing):
            account.preferences[field] = value
    return Reply(dict(account.preferences))
