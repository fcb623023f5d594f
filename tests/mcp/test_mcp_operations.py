"""The operations tool set: one tool per SDK method, schemas and hints from the spec."""

from __future__ import annotations

import inspect
import json
from importlib import resources
from typing import Any

import pytest
from _mcp_support import PASSWORD, data, error, fake, operations, sdk  # noqa: F401 (fixtures)
from mcp import Client

from modelslab_agents import AsyncModelsLab
from modelslab_agents.testing import FakeControlPlane

pytestmark = pytest.mark.anyio

EMAILING = {
    "auth_signup",
    "auth_forgot_password",
    "auth_resend_verification",
    "teams_invite",
    "teams_resend_invite",
}
DESTRUCTIVE = {
    "auth_logout",
    "auth_logout_all",
    "tokens_revoke",
    "tokens_revoke_others",
    "api_keys_delete",
    "teams_remove",
}


def spec_operations() -> dict[str, dict[str, Any]]:
    spec = json.loads(
        resources.files("modelslab_agents").joinpath("_spec/openapi.json").read_text()
    )
    out = {}
    for path, item in spec["paths"].items():
        for method, raw in item.items():
            if method != "parameters" and "alias_of" not in raw["x-sdk"]:
                sdk = raw["x-sdk"]
                out[f"{sdk['resource']}_{sdk['method']}"] = {"http": method, "path": path, **sdk}
    return out


async def test_one_tool_per_operation_with_its_hints(operations: Client) -> None:
    tools = {tool.name: tool for tool in (await operations.list_tools()).tools}
    ops = spec_operations()
    assert set(tools) == set(ops)
    for name, tool in tools.items():
        hints = tool.annotations
        assert hints is not None, name
        op = ops[name]
        assert hints.read_only_hint is (op["http"] == "get"), name
        assert hints.destructive_hint is (name in DESTRUCTIVE), name
        assert hints.idempotent_hint is op["idempotent"], name
        assert hints.open_world_hint is (name in EMAILING), name
        assert tool.input_schema["type"] == "object", name
        assert tool.output_schema is not None, name
        assert tool.output_schema["required"] == ["data"], name


async def test_input_schemas_are_the_sdk_methods_arguments(
    operations: Client, sdk: AsyncModelsLab
) -> None:
    for tool in (await operations.list_tools()).tools:
        resource, _, method = tool.name.partition("_")
        if resource == "api":
            resource, method = "api_keys", tool.name.removeprefix("api_keys_")
        function = getattr(getattr(sdk, resource), method)
        parameters = inspect.signature(function).parameters
        assert set(tool.input_schema["properties"]) == set(parameters), tool.name
        required = [n for n, p in parameters.items() if p.default is inspect.Parameter.empty]
        assert sorted(tool.input_schema["required"]) == sorted(required), tool.name


async def test_secrets_in_input_schemas_are_write_only(operations: Client) -> None:
    tools = {tool.name: tool for tool in (await operations.list_tools()).tools}
    login = tools["auth_login"].input_schema["properties"]
    assert login["password"]["writeOnly"] is True
    assert "password_confirmation" not in tools["auth_reset_password"].input_schema["properties"]


def _schema_keys(schema: Any) -> set[str]:
    """Every key in a JSON Schema, at any depth."""
    if isinstance(schema, dict):
        return set(schema).union(*(_schema_keys(v) for v in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_schema_keys(v) for v in schema))
    return set()


async def test_input_schemas_leave_enum_like_values_to_the_server(
    operations: Client, fake: FakeControlPlane
) -> None:
    tools = {tool.name: tool for tool in (await operations.list_tools()).tools}
    for name, tool in tools.items():
        keys = _schema_keys(tool.input_schema["properties"])
        assert "enum" not in keys, name
        assert not [k for k in keys if k.startswith("x-")], name
    scope = tools["auth_login"].input_schema["properties"]["scopes"]["items"]
    assert "teams:write" in scope["description"]
    # A scope the server added after this release still reaches the server.
    fake.create_account("new@example.com", PASSWORD)
    await operations.call_tool(
        "auth_login",
        {"email": "new@example.com", "password": PASSWORD, "scopes": ["reports:read"]},
    )
    assert [(r.method, r.path) for r in fake.requests] == [("POST", "/auth/login")]


async def test_bootstrap_through_operation_tools(
    operations: Client, fake: FakeControlPlane
) -> None:
    data(
        await operations.call_tool(
            "auth_signup", {"email": "ops@example.com", "password": PASSWORD}
        )
    )
    key = data(await operations.call_tool("api_keys_create", {"name": "bot", "notes": "n"}))
    assert key["key"] == fake.api_keys_of("ops@example.com")[0]["key"]
    updated = data(
        await operations.call_tool("api_keys_update", {"key_id": key["id"], "notes": None})
    )
    assert (updated["name"], updated["notes"]) == ("bot", None)
    assert data(await operations.call_tool("api_keys_list", {}))[0]["key"] == "**********"
    member = data(await operations.call_tool("teams_invite", {"email": "mate@example.com"}))
    assert member["status"] == "pending"
    assert data(await operations.call_tool("api_keys_delete", {"key_id": key["id"]})) is None
    assert fake.api_keys_of("ops@example.com") == []


async def test_bad_arguments_are_named_and_nothing_is_sent(
    operations: Client, fake: FakeControlPlane
) -> None:
    err = error(await operations.call_tool("api_keys_get", {}))
    assert err["details"] == {"key_id": ["required"]}
    err = error(await operations.call_tool("auth_login", {"email": "a@example.com", "pw": "x"}))
    assert err["details"] == {"pw": ["not an argument of this tool"]}
    assert fake.requests == []
