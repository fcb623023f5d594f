"""The hosted tool set's shape: the hosted server's tool names, actions and flat fields."""

from __future__ import annotations

import pytest
from _mcp_support import fake, hosted, sdk  # noqa: F401 (fixtures)
from mcp import Client

pytestmark = pytest.mark.anyio

ACTIONS = {
    "agent-auth": [
        "signup",
        "login",
        "logout",
        "logout-all",
        "forgot-password",
        "reset-password",
        "resend-verification",
        "verify-email",
        "refresh",
        "scopes",
    ],
    "agent-tokens": ["list", "revoke", "revoke-others", "switch-account"],
    "agent-profile": ["get", "update", "update-password", "update-socials", "update-preferences"],
    "agent-api-keys": ["list", "create", "get", "update", "delete"],
    "agent-teams": [
        "list",
        "create",
        "get",
        "update",
        "delete",
        "resend-invite",
        "accept-invite",
    ],
}
FIELDS = {
    "agent-auth": {
        "email",
        "password",
        "password_confirmation",
        "name",
        "device_name",
        "token",
        "token_expiry",
    },
    "agent-tokens": {"token_id", "account_username", "device_name", "token_expiry"},
    "agent-profile": {
        "name",
        "username",
        "about_me",
        "current_password",
        "password",
        "password_confirmation",
        "facebook",
        "github",
        "twitter",
        "instagram",
        "discord",
        "nsfw_content",
        "wallet_notification_enabled",
        "wallet_notification_threshold",
    },
    "agent-api-keys": {"key_id", "name", "notes"},
    "agent-teams": {"member_id", "invite_id", "email", "role", "permissions"},
}


async def test_tools_actions_and_flat_fields(hosted: Client) -> None:
    tools = {tool.name: tool for tool in (await hosted.list_tools()).tools}
    assert list(tools) == list(ACTIONS)
    for name, tool in tools.items():
        schema = tool.input_schema
        assert schema["type"] == "object"
        assert schema["required"] == ["action"]
        assert schema["properties"]["action"]["enum"] == ACTIONS[name]
        assert set(schema["properties"]) - {"action"} == FIELDS[name], name
        assert tool.output_schema is not None


async def test_hints_hold_for_every_action_of_a_tool(hosted: Client) -> None:
    hints = {tool.name: tool.annotations for tool in (await hosted.list_tools()).tools}
    assert all(h is not None and h.read_only_hint is False for h in hints.values())
    destructive = {name for name, h in hints.items() if h and h.destructive_hint}
    assert destructive == {"agent-auth", "agent-tokens", "agent-api-keys", "agent-teams"}
    emailing = {name for name, h in hints.items() if h and h.open_world_hint}
    assert emailing == {"agent-auth", "agent-teams"}
    assert not any(h and h.idempotent_hint for h in hints.values())
