"""``profile``: show and change the profile, password, socials and preferences."""

from __future__ import annotations

from .conftest import PASSWORD, Cli


def test_show_and_update(cli: Cli, owner: str) -> None:
    shown = cli.invoke("profile", "show")
    assert shown.code == 0
    assert owner in shown.out
    updated = cli.invoke("--json", "profile", "update", "--name", "Bot", "--about-me", "CI agent")
    assert updated.code == 0, updated.err
    assert (updated.json()["name"], updated.json()["about_me"]) == ("Bot", "CI agent")
    assert cli.invoke("--json", "profile", "show").json()["name"] == "Bot"


def test_socials_and_preferences_send_only_what_was_given(cli: Cli, owner: str) -> None:
    socials = cli.invoke("--json", "profile", "socials", "--github", "bot")
    assert socials.json() == {"ok": True, "updated": {"github": "bot"}}
    prefs = cli.invoke(
        "--json", "profile", "preferences", "--no-nsfw-content", "--wallet-threshold", "5"
    )
    assert prefs.json() == {
        "ok": True,
        "updated": {"nsfw_content": False, "wallet_notification_threshold": 5.0},
    }
    profile = cli.invoke("--json", "profile", "show").json()
    assert profile["socials"]["github"] == "bot"
    assert profile["socials"]["twitter"] is None
    assert profile["preferences"]["wallet_notification_threshold"] == 5.0


def test_password_change_reads_two_lines_from_stdin(cli: Cli, owner: str) -> None:
    result = cli.invoke(
        "profile", "password", "--password-stdin", stdin=f"{PASSWORD}\nnew-pass-456\n"
    )
    assert result.code == 0, result.err
    assert cli.invoke("auth", "login", owner, "--password-stdin", stdin="new-pass-456").code == 0


def test_a_wrong_current_password_is_rejected(cli: Cli, owner: str) -> None:
    result = cli.invoke(
        "profile", "password", "--password-stdin", stdin="nope-nope\nnew-pass-456\n"
    )
    assert result.code == 6
    assert "current_password: The password is incorrect." in result.err


def test_nothing_to_change_is_a_usage_error(cli: Cli, owner: str) -> None:
    for command in ("update", "socials", "preferences"):
        result = cli.invoke("profile", command)
        assert result.code == 2
        assert "nothing to change" in result.err
