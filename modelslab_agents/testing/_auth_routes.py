"""Handlers for signup, login, logout, password reset and email verification."""

from __future__ import annotations

import attrs

from ._call import Call, Reply
from ._errors import ApiError, validation_error
from ._model import SCOPE_CATALOGUE, SCOPES, TOKEN_LIFETIMES
from ._validation import MISSING, Body
from ._views import scope_view, session_view, user_view

__all__ = [
    "DEFAULT_DEVICE_NAME",
    "TokenOptions",
    "forgot_password",
    "login",
    "logout",
    "logout_all",
    "read_token_options",
    "refresh",
    "resend_verification",
    "reset_password",
    "scopes",
    "signup",
    "verify_email",
]

DEFAULT_DEVICE_NAME = "agent-control-plane"
MIN_PASSWORD_LENGTH = 8


@attrs.frozen
class TokenOptions:
    """The token-shaping fields shared by login and switch-account."""

    device_name: str
    token_expiry: str
    scopes: list[str] | None


def read_token_options(
    body: Body, *, with_scopes: bool = True, device_name: str = DEFAULT_DEVICE_NAME
) -> TokenOptions:
    """Read ``device_name``, ``token_expiry`` and ``scopes`` (where taken), with defaults.

    An unknown lifetime or scope is a 422 naming the field.
    """
    name = body.optional_text("device_name")
    token_expiry = body.choice("token_expiry", TOKEN_LIFETIMES)
    scopes = body.text_list("scopes", options=SCOPES) if with_scopes else MISSING
    return TokenOptions(
        device_name=name if isinstance(name, str) else device_name,
        token_expiry="1_month" if token_expiry is MISSING else token_expiry,
        scopes=None if scopes is MISSING else scopes,
    )


def signup(call: Call) -> Reply:
    """``POST /auth/signup``: 201; a token unless email verification is required."""
    body, store = call.body, call.store
    email = body.required_email()
    password = body.required_text("password", min_length=MIN_PASSWORD_LENGTH)
    name = body.optional_text("name")
    if email and store.account_by_email(email) is not None:
        body.fail("email", "The email has already been taken.")
    body.check()
    must_verify = store.require_email_verification
    account = store.add_account(
        email, password, name=name if isinstance(name, str) else None, verified=not must_verify
    )
    token = None
    if must_verify:
        store.send_email(account.email, "verification", store.new_verification_code(account))
    else:
        token = store.issue_token(account)
    data = {
        "user": user_view(account),
        "access_token": None if token is None else token.secret,
        "token_type": "Bearer",
        "verification_required": must_verify,
    }
    return Reply(data, status=201)


def login(call: Call) -> Reply:
    """``POST /auth/login``: an AuthSession for valid, verified credentials."""
    body, store = call.body, call.store
    email = body.required_email()
    password = body.required_text("password", max_length=None)
    options = read_token_options(body)
    body.check()
    account = store.account_by_email(email)
    if account is None or not store.password_matches(account, password):
        raise ApiError(401, "invalid_credentials", "These credentials do not match our records.")
    if store.require_email_verification and not account.verified:
        raise ApiError(
            403,
            "email_not_verified",
            "Your email address is not verified.",
            {"verification_required": True},
        )
    token = store.issue_token(
        account,
        device_name=options.device_name,
        token_expiry=options.token_expiry,
        scopes=options.scopes,
    )
    return Reply(session_view(token, account))


def refresh(call: Call) -> Reply:
    """``POST /auth/refresh``: a new token like the calling one; the calling one is revoked.

    The new token keeps the old one's scopes and account; ``device_name`` defaults to the
    old token's name and ``token_expiry`` to ``1_month``.
    """
    old = call.bearer
    options = read_token_options(call.body, with_scopes=False, device_name=old.name)
    call.body.check()
    token = call.store.issue_token(
        call.holder,
        account=call.account,
        device_name=options.device_name,
        token_expiry=options.token_expiry,
        scopes=old.abilities,
    )
    call.store.revoke([old])
    return Reply({**session_view(token, call.account), "message": "Token refreshed."})


def scopes(call: Call) -> Reply:
    """``GET /auth/scopes``: the catalogue of scopes, with what each one grants."""
    return Reply([scope_view(name, text) for name, text in SCOPE_CATALOGUE.items()])


def logout(call: Call) -> Reply:
    """``POST /auth/logout``: revoke the token making the call."""
    call.store.revoke([call.bearer])
    return Reply()


def logout_all(call: Call) -> Reply:
    """``POST /auth/logout-all``: revoke every token the caller holds."""
    call.store.revoke(call.store.tokens_held_by(call.bearer.holder_id))
    return Reply()


def forgot_password(call: Call) -> Reply:
    """``POST /auth/forgot-password``: always 200; emails a reset token if the account exists."""
    email = call.body.required_email()
    call.body.check()
    account = call.store.account_by_email(email)
    if account is not None:
        call.store.send_email(account.email, "password_reset", call.store.new_reset_token(account))
    return Reply()


def reset_password(call: Call) -> Reply:
    """``POST /auth/reset-password``: set a new password with an emailed reset token."""
    body, store = call.body, call.store
    email = body.required_email()
    token = body.required_text("token", max_length=None)
    password = body.required_text("password", min_length=MIN_PASSWORD_LENGTH)
    body.confirmed("password")
    body.check()
    account = store.account_by_email(email)
    if account is None or not store.redeem_reset_token(account, token):
        raise validation_error({"token": ["This password reset token is invalid."]})
    store.set_password(account, password)
    return Reply()


def resend_verification(call: Call) -> Reply:
    """``POST /auth/resend-verification``: always 200; emails a new code if still unverified."""
    email = call.body.required_email()
    call.body.check()
    account = call.store.account_by_email(email)
    if account is not None and not account.verified:
        code = call.store.new_verification_code(account)
        call.store.send_email(account.email, "verification", code)
    return Reply()


def verify_email(call: Call) -> Reply:
    """``POST /auth/verify-email``: mark the account verified and log it in."""
    code = call.body.required_text("verification_code", max_length=None)
    call.body.check()
    account = call.store.redeem_verification_code(code)
    if account is None:
        raise validation_error(
            {"verification_code": ["The verification code is invalid or has expired."]}
        )
    account.verified = True
    token = call.store.issue_token(account)
    return Reply(session_view(token, account))
