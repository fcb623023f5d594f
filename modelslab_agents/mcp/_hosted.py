"""The hosted tool set: ``agent-auth``, ``agent-tokens``, ``agent-profile``,
``agent-api-keys`` and ``agent-teams``, as ModelsLab's hosted MCP server names them.

Each tool takes a required ``action`` and flat optional fields. An action maps to
one SDK method; :data:`ACTIONS` says which fields it needs, which it may take, and
under which argument name each is passed (the wire name, except the emailed
verification code, which the hosted tools call ``token``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from ._operations import OPERATION_TOOLS

__all__ = ["ACTIONS", "HOSTED_TOOLS", "Action", "hosted_tool_specs"]

_EXPIRY = (
    "Token lifetime. Documented values: 1_week, 1_month (default), 3_months, 6_months, "
    "1_year, never; the server owns the set and may cap it."
)

#: The flat fields, as the hosted docs list them, with their JSON Schemas.
FIELDS: Final[dict[str, dict[str, Any]]] = {
    "email": {"type": "string", "format": "email"},
    "password": {"type": "string", "format": "password", "writeOnly": True},
    "password_confirmation": {
        "type": "string",
        "format": "password",
        "writeOnly": True,
        "description": "Optional; when given it must equal password.",
    },
    "name": {"type": "string"},
    "device_name": {"type": "string"},
    "token": {
        "type": "string",
        "writeOnly": True,
        "description": "reset-password: the emailed reset token; verify-email: the emailed code.",
    },
    "token_expiry": {"type": "string", "description": _EXPIRY},
    "token_id": {"type": "integer", "minimum": 1},
    "account_username": {"type": "string"},
    "username": {"type": "string"},
    "about_me": {"type": ["string", "null"]},
    "current_password": {"type": "string", "format": "password", "writeOnly": True},
    "facebook": {"type": ["string", "null"]},
    "github": {"type": ["string", "null"]},
    "twitter": {"type": ["string", "null"]},
    "instagram": {"type": ["string", "null"]},
    "discord": {"type": ["string", "null"]},
    "nsfw_content": {"type": ["boolean", "null"]},
    "wallet_notification_enabled": {"type": ["boolean", "null"]},
    "wallet_notification_threshold": {"type": ["number", "null"]},
    "key_id": {"type": "integer", "minimum": 1},
    "notes": {"type": ["string", "null"]},
    "member_id": {"type": "integer", "minimum": 1},
    "invite_id": {"type": "string", "format": "uuid"},
    "role": {"type": "string", "description": "A team role, e.g. member or admin."},
    "permissions": {"type": "array", "items": {"type": "string"}},
}


@dataclass(frozen=True)
class Action:
    """One action of a hosted tool: the SDK method it calls and the fields it takes.

    Attributes:
        operation: The SDK method, ``"resource.method"``.
        required: Fields the action needs.
        optional: Fields it may take.
        rename: Field -> SDK argument name, where they differ.
        confirm: Fields that must equal ``password`` when given (not sent: the SDK
            sends the confirmation itself).
    """

    operation: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    rename: dict[str, str] = field(default_factory=dict)
    confirm: tuple[str, ...] = ()


_CONFIRM = ("password_confirmation",)

ACTIONS: Final[dict[str, dict[str, Action]]] = {
    "agent-auth": {
        "signup": Action(
            "auth.signup", ("email", "password"), ("name", *_CONFIRM), confirm=_CONFIRM
        ),
        "login": Action("auth.login", ("email", "password"), ("device_name", "token_expiry")),
        "logout": Action("auth.logout"),
        "logout-all": Action("auth.logout_all"),
        "forgot-password": Action("auth.forgot_password", ("email",)),
        "reset-password": Action(
            "auth.reset_password", ("email", "token", "password"), _CONFIRM, confirm=_CONFIRM
        ),
        "resend-verification": Action("auth.resend_verification", ("email",)),
        "verify-email": Action(
            "auth.verify_email", ("token",), rename={"token": "verification_code"}
        ),
        "refresh": Action("auth.refresh", (), ("token_expiry", "device_name")),
        "scopes": Action("auth.scopes"),
    },
    "agent-tokens": {
        "list": Action("tokens.list"),
        "revoke": Action("tokens.revoke", ("token_id",)),
        "revoke-others": Action("tokens.revoke_others"),
        "switch-account": Action(
            "tokens.switch_account", ("account_username",), ("device_name", "token_expiry")
        ),
    },
    "agent-profile": {
        "get": Action("profile.get"),
        "update": Action("profile.update", (), ("name", "username", "about_me")),
        "update-password": Action(
            "profile.update_password",
            ("current_password", "password"),
            _CONFIRM,
            confirm=_CONFIRM,
        ),
        "update-socials": Action(
            "profile.update_socials", (), ("facebook", "github", "twitter", "instagram", "discord")
        ),
        "update-preferences": Action(
            "profile.update_preferences",
            (),
            ("nsfw_content", "wallet_notification_enabled", "wallet_notification_threshold"),
        ),
    },
    "agent-api-keys": {
        "list": Action("api_keys.list"),
        "create": Action("api_keys.create", ("name",), ("notes",)),
        "get": Action("api_keys.get", ("key_id",)),
        "update": Action("api_keys.update", ("key_id",), ("name", "notes")),
        "delete": Action("api_keys.delete", ("key_id",)),
    },
    "agent-teams": {
        "list": Action("teams.list"),
        "create": Action("teams.invite", ("email",), ("role",)),
        "get": Action("teams.get", ("member_id",)),
        "update": Action("teams.update", ("member_id",), ("role", "permissions")),
        "delete": Action("teams.remove", ("member_id",)),
        "resend-invite": Action("teams.resend_invite", ("member_id",)),
        "accept-invite": Action("teams.accept_invite", ("invite_id",)),
    },
}

_DESCRIPTIONS: Final = {
    "agent-auth": "Create an account, log in and out, recover a password, verify an email, "
    "refresh the token, list the scopes. A token a call obtains is kept for this session "
    "and never shown.",
    "agent-tokens": "List and revoke the account's bearer tokens; switch into a team account "
    "(the new token is kept for this session).",
    "agent-profile": "Read and change the profile, password, social links and preferences.",
    "agent-api-keys": "List, create, read, rename and delete API keys. A new key is shown in "
    "full once, in the answer to create; otherwise keys are masked.",
    "agent-teams": "List team members, invite one (create), read, change role or permissions, "
    "remove (delete), resend an invitation, accept one.",
}

HOSTED_TOOLS: Final = tuple(ACTIONS)

# Hints of the routes the hosted tools reach, read from the generated operations.
_HINTS: Final = {f"{t['resource']}.{t['method']}": t["annotations"] for t in OPERATION_TOOLS}


def _hint(operation: str, name: str) -> bool:
    return bool(_HINTS[operation][name])


def hosted_tool_specs() -> list[dict[str, Any]]:
    """Name, description, input and output schema and annotations of each hosted tool.

    A tool's hints hold for every action: read-only only if all its actions are,
    destructive and open-world if any is, idempotent only if all are.
    """
    specs = []
    for tool, actions in ACTIONS.items():
        names: list[str] = []
        for action in actions.values():
            for name in (*action.required, *action.optional):
                if name not in names:
                    names.append(name)
        ops = [a.operation for a in actions.values()]
        properties: dict[str, Any] = {
            "action": {"type": "string", "enum": list(actions), "description": "What to do."}
        }
        order = list(FIELDS)
        properties.update({name: dict(FIELDS[name]) for name in sorted(names, key=order.index)})
        specs.append(
            {
                "name": tool,
                "description": _DESCRIPTIONS[tool],
                "input_schema": {
                    "type": "object",
                    "properties": properties,
                    "required": ["action"],
                    "additionalProperties": False,
                },
                "output_schema": {
                    "type": "object",
                    "properties": {"data": {}},
                    "required": ["data"],
                },
                "annotations": {
                    "title": tool,
                    "read_only_hint": all(_hint(op, "read_only_hint") for op in ops),
                    "destructive_hint": any(_hint(op, "destructive_hint") for op in ops),
                    "idempotent_hint": all(_hint(op, "idempotent_hint") for op in ops),
                    "open_world_hint": any(_hint(op, "open_world_hint") for op in ops),
                },
            }
        )
    return specs
