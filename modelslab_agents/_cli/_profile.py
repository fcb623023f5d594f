"""``modelslab-agents profile``: your profile, password, social links, preferences."""

from __future__ import annotations

from typing import Any

import click

from ._options import json_option, password_stdin_option, read_secret
from ._output import human
from ._state import AppState, pass_state

__all__ = ["profile"]


def _given(fields: dict[str, Any], options: str | None = None) -> dict[str, Any]:
    """The options the user passed; only those are sent (PATCH semantics)."""
    chosen = {name: value for name, value in fields.items() if value is not None}
    if not chosen:
        options = options or ", ".join("--" + name.replace("_", "-") for name in fields)
        raise click.UsageError(f"nothing to change: pass at least one of {options}")
    return chosen


def _listing(fields: dict[str, Any]) -> str:
    return ", ".join(f"{name}={human(value)}" for name, value in fields.items())


@click.group(short_help="Your profile, password, social links, preferences.")
def profile() -> None:
    """Your profile (/me): show it, change it, your password, socials, preferences.

    \b
    Examples:
      modelslab-agents profile show
      modelslab-agents profile update --name "Build Bot" --about-me "CI agent"
      modelslab-agents profile password
      modelslab-agents profile socials --github build-bot
      modelslab-agents profile preferences --no-nsfw-content
    """


@profile.command()
@json_option
@pass_state
def show(state: AppState) -> None:
    """Show your profile: name, email, username, verification, wallet, socials, preferences."""
    state.output.record(state.client().profile.get())


@profile.command()
@click.option("--name", help="Display name.")
@click.option("--username", help="Username (what teammates switch into).")
@click.option("--about-me", help="A short description.")
@json_option
@pass_state
def update(state: AppState, name: str | None, username: str | None, about_me: str | None) -> None:
    """Change your name, username or description; only the options given change."""
    fields = _given({"name": name, "username": username, "about_me": about_me})
    state.output.record(state.client().profile.update(**fields))


@profile.command()
@password_stdin_option
@json_option
@pass_state
def password(state: AppState, password_stdin: bool) -> None:
    """Change your password.

    Asks for the current password, then the new one twice; with
    --password-stdin, reads two lines from stdin: the current password, then
    the new one.
    """
    current = read_secret("current password", from_stdin=password_stdin)
    new = read_secret("new password", from_stdin=password_stdin, confirm=True)
    state.client().profile.update_password(current, new)
    state.output.done("Password changed.")


@profile.command()
@click.option("--github", metavar="NAME")
@click.option("--twitter", metavar="NAME")
@click.option("--discord", metavar="NAME")
@click.option("--facebook", metavar="NAME")
@click.option("--instagram", metavar="NAME")
@json_option
@pass_state
def socials(
    state: AppState,
    github: str | None,
    twitter: str | None,
    discord: str | None,
    facebook: str | None,
    instagram: str | None,
) -> None:
    """Set your social links; only the options given change ("" clears one)."""
    fields = _given(
        {
            "github": github,
            "twitter": twitter,
            "discord": discord,
            "facebook": facebook,
            "instagram": instagram,
        }
    )
    state.client().profile.update_socials(**fields)
    state.output.done(f"Social links updated: {_listing(fields)}.", updated=fields)


@profile.command()
@click.option("--nsfw-content/--no-nsfw-content", default=None, help="Show NSFW content or not.")
@click.option(
    "--wallet-notification/--no-wallet-notification",
    "wallet_notification_enabled",
    default=None,
    help="Email when the wallet runs low, or not.",
)
@click.option(
    "--wallet-threshold",
    "wallet_notification_threshold",
    type=click.FloatRange(min=0),
    metavar="AMOUNT",
    help="Wallet balance that triggers the notification.",
)
@json_option
@pass_state
def preferences(
    state: AppState,
    nsfw_content: bool | None,
    wallet_notification_enabled: bool | None,
    wallet_notification_threshold: float | None,
) -> None:
    """Change your preferences; only the options given change."""
    fields = _given(
        {
            "nsfw_content": nsfw_content,
            "wallet_notification_enabled": wallet_notification_enabled,
            "wallet_notification_threshold": wallet_notification_threshold,
        },
        "--[no-]nsfw-content, --[no-]wallet-notification, --wallet-threshold",
    )
    state.client().profile.update_preferences(**fields)
    state.output.done(f"Preferences updated: {_listing(fields)}.", updated=fields)
