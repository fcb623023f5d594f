"""The hosted tool set, in-process with the official MCP client: tool logic and sessions."""

from __future__ import annotations

import pytest
from _mcp_support import PASSWORD, data, error, fake, hosted, sdk  # noqa: F401 (fixtures)
from mcp import Client

from modelslab_agents import AsyncModelsLab, Secret
from modelslab_agents.mcp import create_server
from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio


async def signup(client: Client, email: str = "agent@example.com") -> None:
    data(
        await client.call_tool(
            "agent-auth", {"action": "signup", "email": email, "password": PASSWORD}
        )
    )


async def test_bootstrap_keeps_the_token_and_shows_a_new_key_once(
    hosted: Client, fake: FakeControlPlane
) -> None:
    session = data(
        await hosted.call_tool(
            "agent-auth",
            {"action": "signup", "email": "agent@example.com", "password": PASSWORD},
        )
    )
    assert session["access_token"] == "**********"
    assert session["user"]["email"] == "agent@example.com"

    created = data(await hosted.call_tool("agent-api-keys", {"action": "create", "name": "bot"}))
    [stored] = fake.api_keys_of("agent@example.com")
    assert created["key"] == stored["key"]  # in full: the agent created it for this
    assert created["name"] == "bot"

    listed = data(await hosted.call_tool("agent-api-keys", {"action": "list"}))
    assert [k["id"] for k in listed] == [created["id"]]
    assert listed[0]["key"] == "**********"
    got = data(await hosted.call_tool("agent-api-keys", {"action": "get", "key_id": created["id"]}))
    assert got["key"] == "**********"

    member = data(
        await hosted.call_tool("agent-teams", {"action": "create", "email": "mate@example.com"})
    )
    assert member["email"] == "mate@example.com"
    assert [e.kind for e in fake.outbox if e.to == "mate@example.com"] == ["team_invitation"]


async def test_login_keeps_its_token_for_the_session(
    hosted: Client, fake: FakeControlPlane
) -> None:
    fake.create_account("agent@example.com", PASSWORD, username="agent")
    assert error(await hosted.call_tool("agent-profile", {"action": "get"}))["type"] == (
        "MissingTokenError"
    )
    login = data(
        await hosted.call_tool(
            "agent-auth",
            {
                "action": "login",
                "email": "agent@example.com",
                "password": PASSWORD,
                "device_name": "mcp-test",
            },
        )
    )
    assert login["access_token"] == "**********"
    profile = data(await hosted.call_tool("agent-profile", {"action": "get"}))
    assert profile["username"] == "agent"
    tokens = data(await hosted.call_tool("agent-tokens", {"action": "list"}))
    assert [t["name"] for t in tokens] == ["mcp-test"]


async def test_logout_forgets_the_token(hosted: Client) -> None:
    await signup(hosted)
    data(await hosted.call_tool("agent-auth", {"action": "logout"}))
    assert error(await hosted.call_tool("agent-api-keys", {"action": "list"}))["type"] == (
        "MissingTokenError"
    )


async def test_the_servers_token_is_used_until_a_call_obtains_one(
    sdk: AsyncModelsLab, fake: FakeControlPlane
) -> None:
    fake.create_account("owner@example.com", PASSWORD, username="owner")
    token = fake.issue_token("owner@example.com")
    async with Client(create_server(sdk, token=token)) as client:
        assert data(await client.call_tool("agent-profile", {"action": "get"}))["username"] == (
            "owner"
        )


async def test_a_missing_required_field_is_named_and_nothing_is_sent(
    hosted: Client, fake: FakeControlPlane
) -> None:
    await signup(hosted)
    before = len(fake.requests)
    err = error(await hosted.call_tool("agent-api-keys", {"action": "create", "notes": "x"}))
    assert err["type"] == "ValueError"
    assert err["code"] == "invalid_arguments"
    assert list(err["details"]) == ["name"]
    assert "name" in err["message"]
    assert len(fake.requests) == before
    assert fake.api_keys_of("agent@example.com") == []


async def test_a_field_the_action_does_not_take_is_named_and_nothing_is_sent(
    hosted: Client, fake: FakeControlPlane
) -> None:
    await signup(hosted)
    before = len(fake.requests)
    err = error(
        await hosted.call_tool("agent-api-keys", {"action": "create", "name": "k", "key_id": 3})
    )
    assert err["details"] == {"key_id": ["create does not take key_id"]}
    assert len(fake.requests) == before
    assert fake.api_keys_of("agent@example.com") == []


async def test_an_unknown_or_missing_action_is_an_error(hosted: Client) -> None:
    for arguments in ({"action": "explode"}, {}):
        err = error(await hosted.call_tool("agent-teams", arguments))
        assert list(err["details"]) == ["action"]
        assert "accept-invite" in err["details"]["action"][0]


async def test_a_wrong_type_fails_locally_naming_the_field(
    hosted: Client, fake: FakeControlPlane
) -> None:
    await signup(hosted)
    before = len(fake.requests)
    err = error(await hosted.call_tool("agent-api-keys", {"action": "get", "key_id": "abc"}))
    assert err["type"] == "ValueError"
    assert "key_id" in err["message"]
    assert len(fake.requests) == before


async def test_not_found_carries_class_code_status_and_request_id(hosted: Client) -> None:
    await signup(hosted)
    result = await hosted.call_tool("agent-api-keys", {"action": "get", "key_id": 999})
    err = error(result)
    assert err["type"] == "NotFoundError"
    assert err["code"] == "not_found"
    assert err["status_code"] == 404
    assert err["request_id"]
    assert "NotFoundError" in result.content[0].text


async def test_a_server_validation_error_carries_its_field_details(
    hosted: Client, fake: FakeControlPlane
) -> None:
    await signup(hosted)
    err = error(
        await hosted.call_tool(
            "agent-api-keys", {"action": "create", "name": "k", "notes": "n" * 5000}
        )
    )
    assert err["type"] == "ValidationError"
    assert err["code"] == "validation_error"
    assert err["status_code"] == 422
    assert list(err["details"]) == ["notes"]
    assert err["request_id"]
    assert fake.api_keys_of("agent@example.com") == []


async def test_a_mismatched_password_confirmation_sends_nothing(
    hosted: Client, fake: FakeControlPlane
) -> None:
    err = error(
        await hosted.call_tool(
            "agent-auth",
            {
                "action": "signup",
                "email": "agent@example.com",
                "password": PASSWORD,
                "password_confirmation": PASSWORD + "!",
            },
        )
    )
    assert list(err["details"]) == ["password_confirmation"]
    assert fake.requests == []


async def test_verify_email_logs_the_session_in() -> None:
    fake = FakeControlPlane(require_email_verification=True)
    client = AsyncModelsLab(
        Secret(""),
        base_url="http://127.0.0.1/api/agents/v1",
        transport=fake.transport(),
        retry_backoff=0,
    )
    async with Client(create_server(client)) as mcp_client:
        signed_up = data(
            await mcp_client.call_tool(
                "agent-auth",
                {"action": "signup", "email": "new@example.com", "password": PASSWORD},
            )
        )
        assert signed_up["verification_required"] is True
        [email] = fake.outbox
        data(
            await mcp_client.call_tool(
                "agent-auth", {"action": "verify-email", "token": email.token}
            )
        )
        profile = data(await mcp_client.call_tool("agent-profile", {"action": "get"}))
        assert profile["email"] == "new@example.com"


async def test_partial_updates_send_only_the_fields_given(
    hosted: Client, fake: FakeControlPlane
) -> None:
    await signup(hosted)
    key = data(
        await hosted.call_tool("agent-api-keys", {"action": "create", "name": "k", "notes": "n"})
    )
    updated = data(
        await hosted.call_tool(
            "agent-api-keys", {"action": "update", "key_id": key["id"], "notes": None}
        )
    )
    assert updated["name"] == "k"
    assert updated["notes"] is None


async def test_an_unknown_tool_is_an_error_result(hosted: Client) -> None:
    assert error(await hosted.call_tool("agent-wallet", {"action": "get"}))["details"] == {
        "name": ["unknown"]
    }


def test_an_unknown_tool_set_is_refused(sdk: AsyncModelsLab) -> None:
    with pytest.raises(ValueError, match="hosted"):
        create_server(sdk, tools="everything")  # type: ignore[arg-type]


async def test_refresh_keeps_the_rotated_token(hosted: Client, fake: FakeControlPlane) -> None:
    await signup(hosted)
    refreshed = data(
        await hosted.call_tool("agent-auth", {"action": "refresh", "device_name": "rotated"})
    )
    assert refreshed["access_token"] == "**********"
    tokens = data(await hosted.call_tool("agent-tokens", {"action": "list"}))
    assert [t["name"] for t in tokens] == ["rotated"]  # the old token is gone, the new one used


async def test_scopes_need_no_token(hosted: Client) -> None:
    scopes = data(await hosted.call_tool("agent-auth", {"action": "scopes"}))
    assert "api-keys:write" in [s["name"] for s in scopes]
