# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""The operations tool set: one MCP tool per SDK method, as plain data.

Each entry names the SDK method it calls (``resource``, ``method``) and carries the
tool's input and output JSON Schemas and annotations (snake_case, as ``mcp`` takes
them).
"""

from __future__ import annotations

from typing import Any

__all__ = ["OPERATION_TOOLS"]

OPERATION_TOOLS: list[dict[str, Any]] = [
    {
        "name": "auth_signup",
        "resource": "auth",
        "method": "signup",
        "description": "Create an account. Route: POST /auth/signup. Needs no token.",
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                },
                "password": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
                "name": {
                    "type": "string",
                },
            },
            "required": [
                "email",
                "password",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "access_token": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "user": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "id": {
                                            "type": "integer",
                                        },
                                        "name": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "email": {
                                            "type": "string",
                                        },
                                        "username": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "verified": {
                                            "type": "boolean",
                                        },
                                    },
                                    "required": [
                                        "id",
                                    ],
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "verification_required": {
                            "type": "boolean",
                        },
                    },
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Create an account",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": True,
        },
    },
    {
        "name": "auth_login",
        "resource": "auth",
        "method": "login",
        "description": (
            "Log in and receive a bearer token. Route: POST /auth/login. Needs no token."
        ),
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                },
                "password": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
                "device_name": {
                    "type": "string",
                    "minLength": 1,
                    "default": "modelslab-agents",
                },
                "token_expiry": {
                    "type": "string",
                    "description": (
                        "Documented values: 1_week, 1_month, 3_months, 6_months, 1_year, never; "
                        "the server may accept others."
                    ),
                    "default": "1_month",
                },
                "scopes": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "description": (
                            "Documented values: *, profile:read, profile:write, tokens:read, "
                            "tokens:write, api-keys:read, api-keys:write, usage:read, models:read,"
                            " files:write, billing:read, billing:write, wallet:read, wallet:write,"
                            " subscriptions:read, subscriptions:write, teams:read, teams:write; "
                            "the server may accept others."
                        ),
                    },
                },
            },
            "required": [
                "email",
                "password",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "access_token": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "token_type": {
                            "type": "string",
                        },
                        "token_expiry": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "expires_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                        "token_lifetime_capped": {
                            "type": [
                                "boolean",
                                "null",
                            ],
                        },
                        "user": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "id": {
                                            "type": "integer",
                                        },
                                        "name": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "email": {
                                            "type": "string",
                                        },
                                        "username": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "verified": {
                                            "type": "boolean",
                                        },
                                    },
                                    "required": [
                                        "id",
                                    ],
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "scopes": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "api_key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                    },
                    "required": [
                        "access_token",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Log in and receive a bearer token",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "auth_logout",
        "resource": "auth",
        "method": "logout",
        "description": "Revoke the token making the call. Route: POST /auth/logout.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Revoke the token making the call",
            "read_only_hint": False,
            "destructive_hint": True,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "auth_logout_all",
        "resource": "auth",
        "method": "logout_all",
        "description": "Revoke every token of the account. Route: POST /auth/logout-all.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Revoke every token of the account",
            "read_only_hint": False,
            "destructive_hint": True,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "auth_forgot_password",
        "resource": "auth",
        "method": "forgot_password",
        "description": (
            "Email a password-reset token. Route: POST /auth/forgot-password. Needs no token."
        ),
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                },
            },
            "required": [
                "email",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Email a password-reset token",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": True,
        },
    },
    {
        "name": "auth_reset_password",
        "resource": "auth",
        "method": "reset_password",
        "description": (
            "Set a new password with a reset token. Route: POST /auth/reset-password. Needs no "
            "token."
        ),
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                },
                "token": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
                "password": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
            },
            "required": [
                "email",
                "token",
                "password",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Set a new password with a reset token",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "auth_resend_verification",
        "resource": "auth",
        "method": "resend_verification",
        "description": (
            "Send the verification email again. Route: POST /auth/resend-verification. Needs no "
            "token."
        ),
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                },
            },
            "required": [
                "email",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Send the verification email again",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": True,
        },
    },
    {
        "name": "auth_verify_email",
        "resource": "auth",
        "method": "verify_email",
        "description": (
            "Verify an email address with the emailed code; logs the account in. Route: POST "
            "/auth/verify-email. Needs no token."
        ),
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "verification_code": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
            },
            "required": [
                "verification_code",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "access_token": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "token_type": {
                            "type": "string",
                        },
                        "token_expiry": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "expires_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                        "token_lifetime_capped": {
                            "type": [
                                "boolean",
                                "null",
                            ],
                        },
                        "user": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "id": {
                                            "type": "integer",
                                        },
                                        "name": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "email": {
                                            "type": "string",
                                        },
                                        "username": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "verified": {
                                            "type": "boolean",
                                        },
                                    },
                                    "required": [
                                        "id",
                                    ],
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "scopes": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "api_key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                    },
                    "required": [
                        "access_token",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Verify an email address with the emailed code; logs the account in",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "auth_refresh",
        "resource": "auth",
        "method": "refresh",
        "description": (
            "Rotate the calling token: a new token is issued and the calling one is revoked. "
            "Route: POST /auth/refresh."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "token_expiry": {
                    "type": "string",
                    "description": (
                        "Documented values: 1_week, 1_month, 3_months, 6_months, 1_year, never; "
                        "the server may accept others."
                    ),
                },
                "device_name": {
                    "type": "string",
                    "minLength": 1,
                },
            },
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "access_token": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "token_type": {
                            "type": "string",
                        },
                        "token_expiry": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "expires_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                        "token_lifetime_capped": {
                            "type": [
                                "boolean",
                                "null",
                            ],
                        },
                        "user": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "id": {
                                            "type": "integer",
                                        },
                                        "name": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "email": {
                                            "type": "string",
                                        },
                                        "username": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "verified": {
                                            "type": "boolean",
                                        },
                                    },
                                    "required": [
                                        "id",
                                    ],
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "scopes": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "api_key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                    },
                    "required": [
                        "access_token",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": (
                "Rotate the calling token: a new token is issued and the calling one is revoked"
            ),
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "auth_scopes",
        "resource": "auth",
        "method": "scopes",
        "description": (
            "List the scopes a token can be given, with what each one grants. Route: GET "
            "/auth/scopes. Needs no token."
        ),
        "needs_token": False,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {
                                "type": "string",
                            },
                            "description": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                        },
                        "required": [
                            "name",
                        ],
                    },
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "List the scopes a token can be given, with what each one grants",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "tokens_list",
        "resource": "tokens",
        "method": "list",
        "description": "List the account's active tokens. Route: GET /auth/tokens.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "integer",
                            },
                            "name": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "abilities": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                },
                            },
                            "last_used_at": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                                "format": "date-time",
                            },
                            "created_at": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                                "format": "date-time",
                            },
                            "expires_at": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                                "format": "date-time",
                            },
                        },
                        "required": [
                            "id",
                        ],
                    },
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "List the account's active tokens",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "tokens_revoke",
        "resource": "tokens",
        "method": "revoke",
        "description": "Revoke one token. Route: DELETE /auth/tokens/{id}.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "token_id": {
                    "type": "integer",
                    "minimum": 1,
                },
            },
            "required": [
                "token_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Revoke one token",
            "read_only_hint": False,
            "destructive_hint": True,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "tokens_revoke_others",
        "resource": "tokens",
        "method": "revoke_others",
        "description": (
            "Revoke every token but the one making the call. Route: POST /auth/tokens/revoke-"
            "others."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Revoke every token but the one making the call",
            "read_only_hint": False,
            "destructive_hint": True,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "tokens_switch_account",
        "resource": "tokens",
        "method": "switch_account",
        "description": (
            "Get a token acting as a team account the caller belongs to. Route: POST /auth/switch-"
            "account."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "account_username": {
                    "type": "string",
                    "minLength": 1,
                },
                "device_name": {
                    "type": "string",
                    "minLength": 1,
                },
                "token_expiry": {
                    "type": "string",
                    "description": (
                        "Documented values: 1_week, 1_month, 3_months, 6_months, 1_year, never; "
                        "the server may accept others."
                    ),
                },
                "scopes": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "description": (
                            "Documented values: *, profile:read, profile:write, tokens:read, "
                            "tokens:write, api-keys:read, api-keys:write, usage:read, models:read,"
                            " files:write, billing:read, billing:write, wallet:read, wallet:write,"
                            " subscriptions:read, subscriptions:write, teams:read, teams:write; "
                            "the server may accept others."
                        ),
                    },
                },
            },
            "required": [
                "account_username",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "access_token": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "token_type": {
                            "type": "string",
                        },
                        "token_expiry": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "expires_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                        "token_lifetime_capped": {
                            "type": [
                                "boolean",
                                "null",
                            ],
                        },
                        "user": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "id": {
                                            "type": "integer",
                                        },
                                        "name": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "email": {
                                            "type": "string",
                                        },
                                        "username": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "verified": {
                                            "type": "boolean",
                                        },
                                    },
                                    "required": [
                                        "id",
                                    ],
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "scopes": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "api_key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                    },
                    "required": [
                        "access_token",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Get a token acting as a team account the caller belongs to",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "profile_get",
        "resource": "profile",
        "method": "get",
        "description": "Get the account's profile. Route: GET /me.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "email": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "username": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "verified": {
                            "type": [
                                "boolean",
                                "null",
                            ],
                        },
                        "about_me": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "wallet_balance": {
                            "type": [
                                "number",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                        "socials": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "github": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "twitter": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "discord": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "facebook": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "instagram": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                    },
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "preferences": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "nsfw_content": {
                                            "type": [
                                                "boolean",
                                                "null",
                                            ],
                                        },
                                        "wallet_notification_enabled": {
                                            "type": [
                                                "boolean",
                                                "null",
                                            ],
                                        },
                                        "wallet_notification_threshold": {
                                            "type": [
                                                "number",
                                                "null",
                                            ],
                                        },
                                    },
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Get the account's profile",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "profile_update",
        "resource": "profile",
        "method": "update",
        "description": "Change profile fields; only the fields passed are sent. Route: PATCH /me.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "name": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "username": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "about_me": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
            },
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "email": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "username": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "verified": {
                            "type": [
                                "boolean",
                                "null",
                            ],
                        },
                        "about_me": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "wallet_balance": {
                            "type": [
                                "number",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                        "socials": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "github": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "twitter": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "discord": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "facebook": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                        "instagram": {
                                            "type": [
                                                "string",
                                                "null",
                                            ],
                                        },
                                    },
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                        "preferences": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": {
                                        "nsfw_content": {
                                            "type": [
                                                "boolean",
                                                "null",
                                            ],
                                        },
                                        "wallet_notification_enabled": {
                                            "type": [
                                                "boolean",
                                                "null",
                                            ],
                                        },
                                        "wallet_notification_threshold": {
                                            "type": [
                                                "number",
                                                "null",
                                            ],
                                        },
                                    },
                                },
                                {
                                    "type": "null",
                                },
                            ],
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Change profile fields; only the fields passed are sent",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "profile_update_password",
        "resource": "profile",
        "method": "update_password",
        "description": "Change the password. Route: PATCH /me/password.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "current_password": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
                "password": {
                    "type": "string",
                    "format": "password",
                    "minLength": 1,
                    "writeOnly": True,
                },
            },
            "required": [
                "current_password",
                "password",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Change the password",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "profile_update_socials",
        "resource": "profile",
        "method": "update_socials",
        "description": (
            "Change social links; only the fields passed are sent. Route: PATCH /me/socials."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "github": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "twitter": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "discord": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "facebook": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "instagram": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
            },
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Change social links; only the fields passed are sent",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "profile_update_preferences",
        "resource": "profile",
        "method": "update_preferences",
        "description": (
            "Change preferences; only the fields passed are sent. Route: PATCH /me/preferences."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "nsfw_content": {
                    "type": [
                        "boolean",
                        "null",
                    ],
                },
                "wallet_notification_enabled": {
                    "type": [
                        "boolean",
                        "null",
                    ],
                },
                "wallet_notification_threshold": {
                    "type": [
                        "number",
                        "null",
                    ],
                },
            },
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Change preferences; only the fields passed are sent",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "api_keys_list",
        "resource": "api_keys",
        "method": "list",
        "description": "List API keys (masked). Route: GET /api-keys.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "integer",
                            },
                            "name": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "key": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                                "description": (
                                    "Masked (**********), except a new API key in full, once."
                                ),
                            },
                            "notes": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "created_at": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                                "format": "date-time",
                            },
                        },
                        "required": [
                            "id",
                        ],
                    },
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "List API keys (masked)",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "api_keys_create",
        "resource": "api_keys",
        "method": "create",
        "description": (
            "Create an API key; the answer carries the full key, shown only once. Route: POST "
            "/api-keys."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255,
                },
                "notes": {
                    "type": "string",
                },
            },
            "required": [
                "name",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                    },
                    "required": [
                        "id",
                        "key",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Create an API key; the answer carries the full key, shown only once",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
    {
        "name": "api_keys_get",
        "resource": "api_keys",
        "method": "get",
        "description": "Get one API key (masked). Route: GET /api-keys/{id}.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "key_id": {
                    "type": "integer",
                    "minimum": 1,
                },
            },
            "required": [
                "key_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "notes": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Get one API key (masked)",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "api_keys_update",
        "resource": "api_keys",
        "method": "update",
        "description": (
            "Change an API key's name or notes; only the fields passed are sent. Route: PUT /api-"
            "keys/{id}."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "key_id": {
                    "type": "integer",
                    "minimum": 1,
                },
                "name": {
                    "type": [
                        "string",
                        "null",
                    ],
                    "minLength": 1,
                    "maxLength": 255,
                },
                "notes": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
            },
            "required": [
                "key_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "key": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "description": (
                                "Masked (**********), except a new API key in full, once."
                            ),
                        },
                        "notes": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Change an API key's name or notes; only the fields passed are sent",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "api_keys_delete",
        "resource": "api_keys",
        "method": "delete",
        "description": "Delete an API key. Route: DELETE /api-keys/{id}.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "key_id": {
                    "type": "integer",
                    "minimum": 1,
                },
            },
            "required": [
                "key_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Delete an API key",
            "read_only_hint": False,
            "destructive_hint": True,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "teams_list",
        "resource": "teams",
        "method": "list",
        "description": "List team members and pending invitations. Route: GET /teams.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {
                                "type": "integer",
                            },
                            "email": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "name": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "role": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "status": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "permissions": {
                                "type": "array",
                                "items": {
                                    "type": "string",
                                },
                            },
                            "invitation_id": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                            },
                            "created_at": {
                                "type": [
                                    "string",
                                    "null",
                                ],
                                "format": "date-time",
                            },
                        },
                        "required": [
                            "id",
                        ],
                    },
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "List team members and pending invitations",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "teams_invite",
        "resource": "teams",
        "method": "invite",
        "description": "Invite someone to the team by email. Route: POST /teams.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "minLength": 3,
                },
                "role": {
                    "type": "string",
                },
            },
            "required": [
                "email",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "email": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "role": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "status": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "permissions": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "invitation_id": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Invite someone to the team by email",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": True,
        },
    },
    {
        "name": "teams_get",
        "resource": "teams",
        "method": "get",
        "description": "Get one team member. Route: GET /teams/{id}.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "member_id": {
                    "type": "integer",
                    "minimum": 1,
                },
            },
            "required": [
                "member_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "email": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "role": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "status": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "permissions": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "invitation_id": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Get one team member",
            "read_only_hint": True,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "teams_update",
        "resource": "teams",
        "method": "update",
        "description": (
            "Change a member's role or permissions; only the fields passed are sent. Route: PUT "
            "/teams/{id}."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "member_id": {
                    "type": "integer",
                    "minimum": 1,
                },
                "role": {
                    "type": [
                        "string",
                        "null",
                    ],
                },
                "permissions": {
                    "type": [
                        "array",
                        "null",
                    ],
                    "items": {
                        "type": "string",
                    },
                },
            },
            "required": [
                "member_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "properties": {
                        "id": {
                            "type": "integer",
                        },
                        "email": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "name": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "role": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "status": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "permissions": {
                            "type": "array",
                            "items": {
                                "type": "string",
                            },
                        },
                        "invitation_id": {
                            "type": [
                                "string",
                                "null",
                            ],
                        },
                        "created_at": {
                            "type": [
                                "string",
                                "null",
                            ],
                            "format": "date-time",
                        },
                    },
                    "required": [
                        "id",
                    ],
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Change a member's role or permissions; only the fields passed are sent",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "teams_remove",
        "resource": "teams",
        "method": "remove",
        "description": "Remove a member from the team. Route: DELETE /teams/{id}.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "member_id": {
                    "type": "integer",
                    "minimum": 1,
                },
            },
            "required": [
                "member_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Remove a member from the team",
            "read_only_hint": False,
            "destructive_hint": True,
            "idempotent_hint": True,
            "open_world_hint": False,
        },
    },
    {
        "name": "teams_resend_invite",
        "resource": "teams",
        "method": "resend_invite",
        "description": "Send a pending invitation again. Route: POST /teams/{id}/resend-invite.",
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "member_id": {
                    "type": "integer",
                    "minimum": 1,
                },
            },
            "required": [
                "member_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Send a pending invitation again",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": True,
        },
    },
    {
        "name": "teams_accept_invite",
        "resource": "teams",
        "method": "accept_invite",
        "description": (
            "Accept an invitation, with the invitee's own token. Route: POST "
            "/teams/invitations/{id}/accept."
        ),
        "needs_token": True,
        "input_schema": {
            "type": "object",
            "properties": {
                "invite_id": {
                    "type": "string",
                    "format": "uuid",
                },
            },
            "required": [
                "invite_id",
            ],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "null",
                },
            },
            "required": [
                "data",
            ],
        },
        "annotations": {
            "title": "Accept an invitation, with the invitee's own token",
            "read_only_hint": False,
            "destructive_hint": False,
            "idempotent_hint": False,
            "open_world_hint": False,
        },
    },
]
