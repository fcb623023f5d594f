"""``modelslab-agents auth``: sign up, log in and out, verify, reset a password, rotate
the token, list the scopes."""

from __future__ import annotations

import socket
from typing import Any

import click

from modelslab_agents._exceptions import (
    AuthenticationError,
    ModelsLabError,
    PermissionDeniedError,
)
from modelslab_agents._models import AuthSession, SignupResult
from modelslab_agents._secret import Secret

from ._errors import CliError, ExitCode, NotLoggedInError
from ._options import (
    CHECK_EMAIL,
    check_email_input,
    expiry_option,
    json_option,
    password_stdin_option,
    prompt_text,
    read_secret,
    scopes_option,
)
from ._output import Column, human
from ._state import AppState, pass_state

__all__ = ["auth", "default_device_name", "store_session"]


def default_device_name() -> str:
    """How the CLI's tokens are named in ``tokens list``: the tool and the machine."""
    try:
        host = socket.gethostname().split(".")[0]
    except OSError:  # pragma: no cover - no hostname
        host = ""
    return f"modelslab-agents-cli@{host}" if host else "modelslab-agents-cli"


def store_session(
    state: AppState,
    session: AuthSession | SignupResult,
    token: Secret,
    email: str | None,
    *,
    profile: str | None = None,
) -> str:
    """Store a new token in ``profile`` (default: the current one); if that fails,
    revoke it on the server (no orphan token stays valid) and fail loudly."""
    try:
        return state.save_session(session, token, email, profile=profile)
    except CliError as exc:
        revoked = _revoke_quietly(state, token)
        what = "it has been revoked" if revoked else "it could not be revoked either"
        raise CliError(f"logged in, but the token was not stored ({what}): {exc}") from None


def _report_login(state: AppState, session: AuthSession, stored_in: str, *lines: str) -> None:
    """Print a new login: the session as JSON (with where the token went), or ``lines``."""
    out = state.output
    if out.as_json:
        out.record(
            session,
            facts={"profile": state.profile_name, "token_store": state.token_store_kind(stored_in)},
        )
        return
    for line in lines:
        out.line(line)


def _revoke_quietly(state: AppState, token: Secret) -> bool:
    try:
        state.client(token=token).auth.logout()
    except ModelsLabError:
        return False
    return True


@click.group(short_help="Sign up, log in and out, verify, reset a password.")
def auth() -> None:
    """Sign up, log in and out, verify an email, reset a password.

    \b
    Typical first steps:
      modelslab-agents auth signup me@example.com     # or: auth login me@example.com
      modelslab-agents auth status
    Passwords are asked for without echo, or read from stdin with --password-stdin
    (e.g. `printf '%s\\n' "$PW" | modelslab-agents auth login me@example.com
    --password-stdin`); they are never command-line arguments.
    """


@auth.command()
@click.argument("email", callback=CHECK_EMAIL)
@click.option("--name", help="Your display name.")
@password_stdin_option
@json_option
@pass_state
def signup(state: AppState, email: str, name: str | None, password_stdin: bool) -> None:
    """Create an account for EMAIL and log in to it.

    Asks for the password twice (at least 8 characters), or reads one line from
    stdin with --password-stdin. The token is stored in the current profile.
    If the service requires email verification, no token is issued yet: run
    `auth verify-email CODE` with the code from the verification email.
    """
    state.store.check_writable()
    password = read_secret("password", from_stdin=password_stdin, confirm=True)
    result = state.client(auth=False).auth.signup(email, password, name=name)
    stored_in = None
    if result.access_token:
        stored_in = store_session(state, result, result.access_token, email)
    out = state.output
    if out.as_json:
        out.record(
            result,
            facts={"profile": state.profile_name, "token_store": state.token_store_kind(stored_in)},
        )
        return
    user_id = result.user.id if result.user is not None else "?"
    out.line(f"Signed up {email} (user id {user_id}).")
    if stored_in is not None:
        out.line(f"Logged in: profile {state.profile_name!r}, token stored in {stored_in}.")
    else:
        out.line(
            "Verify your email before logging in: run `modelslab-agents auth verify-email "
            "CODE` with the code from the verification email."
        )


@auth.command(short_help="Log in and store the token.")
@click.argument("email", required=False, callback=CHECK_EMAIL)
@password_stdin_option
@expiry_option(default="1_month")
@click.option(
    "--device-name",
    metavar="NAME",
    help="Name of the token, as `tokens list` shows it [default: modelslab-agents-cli@HOST].",
)
@scopes_option("every scope, *")
@json_option
@pass_state
def login(
    state: AppState,
    email: str | None,
    password_stdin: bool,
    expiry: str,
    device_name: str | None,
    scopes: tuple[str, ...],
) -> None:
    """Log in as EMAIL and store the token in the current profile.

    Asks for the password (or reads one line from stdin with --password-stdin),
    then stores the token in the OS keyring, or in the credentials file when no
    keyring is available; `auth status` shows which. Later commands use it.
    Fails, and keeps nothing, if the token cannot be stored.

    \b
    Example, against the emulator:
      modelslab-agents --base-url http://127.0.0.1:8787/api/agents/v1 \\
          auth login me@example.com
    """
    email = email or check_email_input(prompt_text("email", email))
    state.store.check_writable()
    password = read_secret("password", from_stdin=password_stdin)
    session = state.client(auth=False).auth.login(
        email,
        password,
        device_name=device_name or default_device_name(),
        token_expiry=expiry,  # type: ignore[arg-type]
        scopes=list(scopes) or None,  # type: ignore[arg-type]
    )
    stored_in = store_session(state, session, session.access_token, email)
    _report_login(
        state,
        session,
        stored_in,
        f"Logged in as {email} to {state.base_url()} (profile {state.profile_name!r}).",
        f"Token stored in {stored_in}; it expires {human(session.expires_at)}.",
    )


@auth.command(short_help="Revoke the token and forget it.")
@click.option(
    "--local-only",
    is_flag=True,
    help="Only forget the stored token, without revoking it on the server "
    "(it stays valid until it expires).",
)
@json_option
@pass_state
def logout(state: AppState, local_only: bool) -> None:
    """Revoke the current token on the server and forget it locally.

    If the server cannot be reached, the token is kept so you can retry (or use
    --local-only). If the server says the token is no longer valid, it is
    forgotten locally and the command succeeds with a warning.
    """
    out = state.output
    token, source = state.require_token()
    stored = source == "profile"
    if local_only:
        removed = stored and state.store.forget_token(state.profile_name)
        out.done(
            f"Forgot the token of profile {state.profile_name!r} (not revoked on the server)."
            if removed
            else "No stored token to forget.",
            profile=state.profile_name,
            revoked=False,
            removed=removed,
        )
        return
    try:
        state.client(token=token).auth.logout()
    except AuthenticationError as exc:
        removed = stored and state.store.forget_token(state.profile_name)
        out.warn(f"the server refused the token, so it was already invalid: {exc}")
        out.done(
            f"Removed the token of profile {state.profile_name!r}."
            if removed
            else "Nothing stored to remove.",
            profile=state.profile_name,
            revoked=False,
            removed=removed,
        )
        return
    except ModelsLabError:
        if stored:
            out.note(
                f"The token is still stored in profile {state.profile_name!r}: retry, or "
                "run `modelslab-agents auth logout --local-only` to forget it anyway."
            )
        raise
    removed = stored and state.store.forget_token(state.profile_name)
    if not stored:
        out.note(f"The token came from {source}; unset it, it no longer works.")
    suffix = f" and removed from profile {state.profile_name!r}" if removed else ""
    out.done(
        f"Logged out: token revoked{suffix}.",
        profile=state.profile_name,
        revoked=True,
        removed=removed,
    )


@auth.command("logout-all", short_help="Revoke every token of the account.")
@json_option
@pass_state
def logout_all(state: AppState) -> None:
    """Revoke every token of your account, on every device, including this one."""
    token, source = state.require_token()
    state.client(token=token).auth.logout_all()
    removed = source == "profile" and state.store.forget_token(state.profile_name)
    state.output.done(
        "Logged out everywhere: every token of the account is revoked.",
        profile=state.profile_name,
        revoked=True,
        removed=removed,
    )


@auth.command("forgot-password")
@click.argument("email", callback=CHECK_EMAIL)
@json_option
@pass_state
def forgot_password(state: AppState, email: str) -> None:
    """Email a password-reset token to EMAIL.

    Then run `auth reset-password EMAIL` with the token from the email. The
    answer is the same whether or not an account exists for EMAIL.
    """
    state.client(auth=False).auth.forgot_password(email)
    state.output.done(
        f"If an account exists for {email}, a password-reset email is on its way.",
        email=email,
    )


@auth.command("reset-password", short_help="Set a new password with a reset token.")
@click.argument("email", callback=CHECK_EMAIL)
@click.option(
    "--token",
    "reset_token",
    metavar="TOKEN",
    help="The reset token from the email [default: asked for, hidden].",
)
@password_stdin_option
@json_option
@pass_state
def reset_password(
    state: AppState, email: str, reset_token: str | None, password_stdin: bool
) -> None:
    """Set a new password for EMAIL with the token from the reset email.

    Asks for the reset token (unless --token) and the new password twice, or
    reads the new password from stdin with --password-stdin. Log in afterwards.
    """
    token = Secret(reset_token) if reset_token else None
    if token is None:
        if password_stdin:
            raise click.UsageError("--password-stdin needs the reset token as --token")
        token = read_secret("reset token", from_stdin=False)
    password = read_secret("new password", from_stdin=password_stdin, confirm=True)
    state.client(auth=False).auth.reset_password(email, token, password)
    state.output.done(
        f"Password changed for {email}; log in with `modelslab-agents auth login {email}`.",
        email=email,
    )


@auth.command("resend-verification")
@click.argument("email", callback=CHECK_EMAIL)
@json_option
@pass_state
def resend_verification(state: AppState, email: str) -> None:
    """Send the verification email for EMAIL again."""
    state.client(auth=False).auth.resend_verification(email)
    state.output.done(
        f"If {email} still needs verifying, a new verification email is on its way.",
        email=email,
    )


@auth.command("verify-email", short_help="Verify the email with its code; log in.")
@click.argument("code")
@json_option
@pass_state
def verify_email(state: AppState, code: str) -> None:
    """Verify your email with CODE from the verification email, and log in.

    The token is stored in the current profile, as `auth login` does.
    """
    state.store.check_writable()
    session = state.client(auth=False).auth.verify_email(Secret(code))
    email = session.user.email if session.user is not None else None
    stored_in = store_session(state, session, session.access_token, email)
    _report_login(
        state,
        session,
        stored_in,
        f"Email verified; logged in as {email or '?'} (profile {state.profile_name!r}).",
        f"Token stored in {stored_in}.",
    )


@auth.command(short_help="Check the token with the server; show profile and URL.")
@click.option(
    "--offline",
    is_flag=True,
    help="Only show what is stored; do not ask the server whether the token is valid.",
)
@json_option
@pass_state
def status(state: AppState, offline: bool) -> None:
    """Show the profile, base URL and token the next command will use, and check the
    token with the server.

    \b
    Exit codes:
      0  the server accepts the token (with --offline: a token is there)
      3  no token, or the server refused it (revoked or expired): log in again
      8  the server could not be reached (another failure: its own code)
    """
    stored = state.stored_profile()
    token, source = state.token()
    where: str | None
    if source == "profile" and stored is not None:
        where = "the OS keyring" if stored.token_store == "keyring" else str(state.store.path)
    elif token is not None:
        where = f"${source}"
    else:
        where = None
    email = stored.email if stored is not None and source == "profile" else None
    failure: ModelsLabError | None = None
    if token is None:
        check = "no token"
    elif offline:
        check = "not checked"
    else:
        check, email, failure = _check_token(state, token, email)
    facts: dict[str, Any] = {
        "profile": state.profile_name,
        "base_url": state.base_url(),
        "logged_in": check in ("accepted", "not checked"),
        "token_check": check,
        "email": email,
        "token_source": where,
        "credentials_file": str(state.store.path),
        "keyring": state.store.keyring_available,
        "profiles": state.store.profile_names(),
    }
    state.output.facts(facts)
    if source == "other-url" and stored is not None:
        state.output.note(
            f"profile {state.profile_name!r} holds a token for {stored.base_url} only"
        )
    if token is None:
        state.require_token()  # raises NotLoggedInError, saying how to log in
    if check == "refused":
        raise NotLoggedInError(
            "the server refused the token (revoked or expired): log in again with "
            "`modelslab-agents auth login EMAIL`"
        )
    if failure is not None:
        raise failure


def _check_token(
    state: AppState, token: Secret, email: str | None
) -> tuple[str, str | None, ModelsLabError | None]:
    """Ask the server about ``token``: (``"accepted"``, ``"refused"`` or ``"failed"``,
    the account's email, the failure to report)."""
    try:
        profile = state.client(token=token).profile.get()
    except AuthenticationError:
        return "refused", email, None
    except PermissionDeniedError:
        return "accepted", email, None  # a valid token without the profile:read scope
    except ModelsLabError as exc:
        return "failed", email, exc
    return "accepted", profile.email or email, None


@auth.command(short_help="Print the current token, unmasked.")
@json_option
@pass_state
def token(state: AppState) -> None:
    """Print the current token in full, for tools that need it.

    For example: export MODELSLAB_AGENT_TOKEN="$(modelslab-agents auth token)".
    This is the one command that prints a token unmasked; keep its output private.
    """
    value, _ = state.require_token()
    out = state.output
    if out.as_json:
        out.json(
            {
                "access_token": value.get_secret_value(),
                "profile": state.profile_name,
                "base_url": state.base_url(),
            }
        )
    else:
        click.echo(value.get_secret_value())


@auth.command(short_help="Rotate the token: a new one replaces it, the old one is revoked.")
@expiry_option()
@click.option(
    "--device-name",
    metavar="NAME",
    help="Name of the new token, as `tokens list` shows it [default: the old token's].",
)
@json_option
@pass_state
def refresh(state: AppState, expiry: str | None, device_name: str | None) -> None:
    """Swap the stored token for a new one; the server revokes the old one.

    The new token keeps the old one's scopes and account and is stored in the
    current profile. Account policy may give it a shorter lifetime than asked
    for: the output says so. A token given in MODELSLAB_AGENT_TOKEN is not
    refreshed, because the command could not update the variable and the old
    token would stop working.
    """
    token, source = state.require_token()
    if source != "profile":
        raise CliError(
            f"the token comes from ${source}: refreshing would revoke it, and the new one "
            "could not replace it there; log in with `modelslab-agents auth login`, or "
            "rotate it with the SDK's auth.refresh()",
            ExitCode.USAGE,
        )
    stored = state.stored_profile()
    state.store.check_writable()
    session = state.client(token=token).auth.refresh(
        token_expiry=expiry,  # type: ignore[arg-type]
        device_name=device_name,
    )
    email = stored.email if stored is not None else None
    stored_in = store_session(state, session, session.access_token, email)
    if session.token_lifetime_capped:
        state.output.warn("account policy gave the new token a shorter lifetime than asked for")
    _report_login(
        state,
        session,
        stored_in,
        f"Token refreshed (profile {state.profile_name!r}); the old token is revoked.",
        f"New token stored in {stored_in}; it expires {human(session.expires_at)}.",
    )


@auth.command(short_help="List the scopes a token can be given.")
@json_option
@pass_state
def scopes(state: AppState) -> None:
    """List the scopes `auth login --scope` takes, and what each one grants.

    Needs no login. A token with `*` (the default) has every scope.
    """
    catalogue = state.client(auth=False).auth.scopes()
    state.output.table(
        catalogue,
        [Column.attr("name", "scope"), Column.attr("description")],
        empty="The server lists no scopes.",
    )
