"""Render the MCP operations tool set (``mcp/_operations.py``) from the spec.

Called by :func:`modelslab_agents._codegen.render_all`, so the tools are written
and checked (``--check``) with the SDK's other generated modules and can never
drift from the methods they call. One tool per operation, named
``<resource>_<method>``, with:

* an input schema whose properties are the SDK method's arguments (wire names;
  the path parameter under its SDK name, e.g. ``key_id``);
* an output schema ``{"data": ...}`` built from the answer's model;
* annotations: ``read_only_hint`` for GETs, ``destructive_hint`` for deletes,
  revocations and logouts, ``idempotent_hint`` from ``x-sdk.idempotent`` and
  ``open_world_hint`` where ``x-sdk.emails`` says the route emails someone.

The module holds plain data (no ``mcp`` import), so reading it is cheap.
"""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._codegen import Operation

__all__ = ["render_mcp_operations"]

HEADER = (
    "# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.\n"
    "# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).\n"
)
_SCALARS = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
_KEEP = ("type", "format", "minLength", "maxLength", "minimum", "items", "default")


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _input_property(schema: dict[str, Any], *, nullable: bool) -> dict[str, Any]:
    """A body field's schema for a tool: JSON Schema only, no ``x-`` keys."""
    out: dict[str, Any] = {k: schema[k] for k in _KEEP if k in schema}
    if "items" in schema:
        out["items"] = _input_property(schema["items"], nullable=False)
    if "enum" in schema:
        # The server owns enum-like values: document the known ones, accept any string.
        known = ", ".join(v for v in schema["enum"] if v is not None)
        out["description"] = f"Documented values: {known}; the server may accept others."
    if schema.get("format") == "password":
        out["writeOnly"] = True
    if "x-sdk-default" in schema:
        out["default"] = schema["x-sdk-default"]
    if nullable and "null" not in _types(out):
        out["type"] = [*_types(out), "null"]
    return out


def _input_schema(op: Operation, raw: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    if op.path_param is not None:
        param = next(p for p in raw.get("parameters", []) if p["in"] == "path")
        properties[op.path_param.name] = {k: v for k, v in param["schema"].items() if k in _KEEP}
        required.append(op.path_param.name)
    body = (
        raw.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        or {}
    )
    by_name = {p.name: p for p in op.body}
    for name, schema in body.get("properties", {}).items():
        if name in op.copies:
            continue  # the SDK sends it itself (password_confirmation)
        param = by_name[name]
        properties[name] = _input_property(schema, nullable=param.nullable)
        if name in body.get("required", []):
            required.append(name)
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _model_schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """A model's answer as JSON Schema; secrets are masked strings, unknown fields kept."""
    model = spec["components"]["schemas"][name]
    properties: dict[str, Any] = {}
    for field, schema in model["properties"].items():
        if "anyOf" in schema:
            refs = [r for r in (_ref_name(s) for s in schema["anyOf"]) if r]
            properties[field] = {"anyOf": [_model_schema(spec, refs[0]), {"type": "null"}]}
            continue
        if (ref := _ref_name(schema)) is not None:
            properties[field] = _model_schema(spec, ref)
            continue
        prop: dict[str, Any] = {"type": schema["type"]}
        if "items" in schema:
            prop["items"] = schema["items"]
        if schema.get("format") == "date-time":
            prop["format"] = "date-time"
        if schema.get("x-sdk-secret"):
            prop["type"] = ["string", "null"]
            prop["description"] = "Masked (**********), except a new API key in full, once."
        properties[field] = prop
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if model.get("required"):
        out["required"] = list(model["required"])
    return out


def _output_schema(spec: dict[str, Any], op: Operation) -> dict[str, Any]:
    if op.model is None:
        data: dict[str, Any] = {"type": "null"}
    elif op.many:
        data = {"type": "array", "items": _model_schema(spec, op.model)}
    else:
        data = _model_schema(spec, op.model)
    return {"type": "object", "properties": {"data": data}, "required": ["data"]}


def _destructive(op: Operation) -> bool:
    return op.http_method == "DELETE" or op.method_name.startswith(("revoke", "logout"))


def _annotations(op: Operation, raw: dict[str, Any]) -> dict[str, Any]:
    read_only = op.http_method == "GET"
    return {
        "title": op.summary.rstrip("."),
        "read_only_hint": read_only,
        "destructive_hint": _destructive(op),
        "idempotent_hint": op.idempotent,
        "open_world_hint": bool(raw["x-sdk"].get("emails")),
    }


def _split(text: str, indent: str) -> list[str]:
    """A long string as implicitly joined pieces, each line within 100 columns."""
    pieces = textwrap.wrap(text, 100 - len(indent) - 3, drop_whitespace=False)
    return [f"{indent}{json.dumps(piece)}" for piece in pieces]


def _literal(value: Any, indent: str) -> list[str]:
    """Python source for JSON-like data, laid out as ``ruff format`` keeps it."""
    inner = indent + "    "
    if isinstance(value, dict) and value:
        lines = ["{"]
        for key, item in value.items():
            head = f"{inner}{json.dumps(key)}: "
            if isinstance(item, str) and len(head) + len(json.dumps(item)) + 1 > 100:
                lines += [f"{head}(", *_split(item, inner + "    "), f"{inner})"]
                lines[-1] += ","
                continue
            first, *rest = _literal(item, inner)
            lines.append(f"{head}{first}")
            lines += rest
            lines[-1] += ","
        return [*lines, f"{indent}}}"]
    if isinstance(value, list) and value:
        lines = ["["]
        for item in value:
            first, *rest = _literal(item, inner)
            lines.append(f"{inner}{first}")
            lines += rest
            lines[-1] += ","
        return [*lines, f"{indent}]"]
    if isinstance(value, dict):
        return ["{}"]
    if isinstance(value, list):
        return ["[]"]
    if isinstance(value, str):
        return [json.dumps(value)]
    return [repr(value)]


def render_mcp_operations(spec: dict[str, Any], operations: list[Operation]) -> str:
    """The source of ``mcp/_operations.py``: one tool description per operation."""
    raw_ops = {
        raw["operationId"]: raw
        for item in spec["paths"].values()
        for method, raw in item.items()
        if method != "parameters" and "alias_of" not in raw["x-sdk"]
    }
    tools = []
    for op in operations:
        raw = raw_ops[op.operation_id]
        needs = "" if op.needs_token else " Needs no token."
        tools.append(
            {
                "name": f"{op.resource}_{op.method_name}",
                "resource": op.resource,
                "method": op.method_name,
                "description": f"{op.summary} Route: {op.http_method} {op.path}.{needs}",
                "needs_token": op.needs_token,
                "input_schema": _input_schema(op, raw),
                "output_schema": _output_schema(spec, op),
                "annotations": _annotations(op, raw),
            }
        )
    out = [
        HEADER,
        '"""The operations tool set: one MCP tool per SDK method, as plain data.',
        "",
        "Each entry names the SDK method it calls (``resource``, ``method``) and carries the",
        "tool's input and output JSON Schemas and annotations (snake_case, as ``mcp`` takes",
        "them).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        '__all__ = ["OPERATION_TOOLS"]',
        "",
        "OPERATION_TOOLS: list[dict[str, Any]] = " + "\n".join(_literal(tools, "")),
        "",
    ]
    return "\n".join(out)
