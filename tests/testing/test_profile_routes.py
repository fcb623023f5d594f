"""``/me``: profile, password, socials and preferences."""

from __future__ import annotations

from typing import Any

import pytest

from ._support import PASSWORD, Api

pytestmark = pytest.mark.anyio


async def test_profile_shape(api: Api) -> None:
    token = api.seed("agent@example.com")
    profile = await api.ok("GET", "/me", token=token)
    assert profile == {
        "id": 1,
        "name": "Agent",
        "email": "agent@example.com",
        "username": "agent",
        "verified": True,
        "about_me": None,
        "wallet_balance": 0.0,
        "created_at": profile["created_at"],
        "socials": dict.fromkeys(["github", "twitter", "discord", "facebook", "instagram"]),
        "preferences": {
            "nsfw_content": False,
            "wallet_notification_enabled": False,
            "wallet_notification_threshold": 0.0,
        },
    }
    assert profile["created_at"].endswith("Z")


async def test_update_changes_only_the_fields_sent(api: Api) -> None:
    token = api.seed("agent@example.com")
    updated = await api.ok("PATCH", "/me", token=token, json={"about_me": "I run jobs"})
    assert (updated["name"], updated["username"], updated["about_me"]) == (
        "Agent",
        "agent",
        "I run jobs",
    )
    updated = await api.ok(
        "PATCH", "/me", token=token, json={"name": "Renamed", "username": "renamed_bot"}
    )
    assert (updated["name"], updated["username"], updated["about_me"]) == (
        "Renamed",
        "renamed_bot",
        "I run jobs",
    )
    assert (await api.ok("GET", "/me", token=token))["username"] == "renamed_bot"


async def test_explicit_null_clears(api: Api) -> None:
    token = api.seed("agent@example.com")
    await api.ok("PATCH", "/me", token=token, json={"about_me": "x"})
    updated = await api.ok("PATCH", "/me", token=token, json={"name": None, "about_me": None})
    assert (updated["name"], updated["about_me"]) == (None, None)


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"name": 5}, {"name": ["The name field must be a string."]}),
        ({"username": None}, {"username": ["The username field must be a string."]}),
        (
            {"username": "has space"},
            {
                "username": [
                    "The username field must only contain letters, numbers, dashes, and "
                    "underscores."
                ]
            },
        ),
        ({"about_me": ["a"]}, {"about_me": ["The about me field must be a string."]}),
        (
            {"name": "n" * 256},
            {"name": ["The name field must not be greater than 255 characters."]},
        ),
    ],
)
async def test_update_validation(api: Api, body: dict[str, Any], details: Any) -> None:
    token = api.seed("agent@example.com")
    error = await api.fail(
        "PATCH", "/me", status=422, code="validation_error", token=token, json=body
    )
    assert error["details"] == details


async def test_update_refuses_a_taken_username(api: Api) -> None:
    token = api.seed("agent@example.com")
    api.seed("other@example.com")
    error = await api.fail(
        "PATCH", "/me", status=422, code="validation_error", token=token, json={"username": "Other"}
    )
    assert error["details"] == {"username": ["The username has already been taken."]}
    await api.ok("PATCH", "/me", token=token, json={"username": "agent"})  # one's own is fine


async def test_change_password(api: Api) -> None:
    token = api.seed("agent@example.com")
    body = {"password": "new-password", "password_confirmation": "new-password"}
    error = await api.fail(
        "PATCH",
        "/me/password",
        status=422,
        code="validation_error",
        token=token,
        json={**body, "current_password": "wrong-password"},
    )
    assert error["details"] == {"current_password": ["The password is incorrect."]}
    result = await api.ok(
        "PATCH", "/me/password", token=token, json={**body, "current_password": PASSWORD}
    )
    assert result is None
    await api.login("agent@example.com", password="new-password")


async def test_change_password_validation(api: Api) -> None:
    token = api.seed("agent@example.com")
    error = await api.fail(
        "PATCH",
        "/me/password",
        status=422,
        code="validation_error",
        token=token,
        json={"password": "short", "password_confirmation": "other"},
    )
    assert error["details"] == {
        "current_password": ["The current password field is required."],
        "password": [
            "The password field must be at least 8 characters.",
            "The password field confirmation does not match.",
        ],
    }


async def test_update_socials(api: Api) -> None:
    token = api.seed("agent@example.com")
    socials = await api.ok(
        "PATCH", "/me/socials", token=token, json={"github": "octo", "discord": "d#1"}
    )
    assert socials == {
        "github": "octo",
        "twitter": None,
        "discord": "d#1",
        "facebook": None,
        "instagram": None,
    }
    socials = await api.ok("PATCH", "/me/socials", token=token, json={"github": None})
    assert socials["github"] is None
    assert socials["discord"] == "d#1"
    assert (await api.ok("GET", "/me", token=token))["socials"] == socials
    error = await api.fail(
        "PATCH",
        "/me/socials",
        status=422,
        code="validation_error",
        token=token,
        json={"twitter": 1},
    )
    assert error["details"] == {"twitter": ["The twitter field must be a string."]}


async def test_update_preferences(api: Api) -> None:
    token = api.seed("agent@example.com")
    preferences = await api.ok(
        "PATCH",
        "/me/preferences",
        token=token,
        json={"nsfw_content": True, "wallet_notification_threshold": 12},
    )
    assert preferences == {
        "nsfw_content": True,
        "wallet_notification_enabled": False,
        "wallet_notification_threshold": 12.0,
    }
    assert (await api.ok("GET", "/me", token=token))["preferences"] == preferences


@pytest.mark.parametrize(
    ("body", "details"),
    [
        (
            {"nsfw_content": "yes"},
            {"nsfw_content": ["The nsfw content field must be true or false."]},
        ),
        (
            {"wallet_notification_enabled": None},
            {
                "wallet_notification_enabled": [
                    "The wallet notification enabled field must be true or false."
                ]
            },
        ),
        (
            {"wallet_notification_threshold": True},
            {
                "wallet_notification_threshold": [
                    "The wallet notification threshold field must be a number."
                ]
            },
        ),
        (
            {"wallet_notification_threshold": -1},
            {
                "wallet_notification_threshold": [
                    "The wallet notification threshold field must be at least 0."
                ]
            },
        ),
    ],
)
async def test_preferences_validation(api: Api, body: dict[str, Any], details: Any) -> None:
    token = api.seed("agent@example.com")
    error = await api.fail(
        "PATCH", "/me/preferences", status=422, code="validation_error", token=token, json=body
    )
    assert error["details"] == details
