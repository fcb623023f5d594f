"""Generate the SDK's models, endpoint descriptors and resources from the spec.

The single source of truth is ``_spec/openapi.json`` (OpenAPI 3.1). From it this
script writes these modules, each marked as generated:

* ``_models.py``: one frozen attrs class per schema in ``components.schemas``;
* ``_endpoints.py``: one :class:`~modelslab_agents._endpoint.Endpoint` per operation;
* ``_resources.py``: the typed resource classes of the async client;
* ``_sync_resources.py``: their blocking twins, method for method, so the two
  clients can never drift;
* ``_raw_resources.py``: ``client.with_raw_response``, the same methods of both
  clients answering :class:`~modelslab_agents.RawResponse`;
* ``mcp/_operations.py``: the MCP operations tool set.

Run ``python -m modelslab_agents._codegen`` to rewrite them, and
``python -m modelslab_agents._codegen --check`` to fail when they are stale.
The spec's ``x-sdk`` extensions carry what OpenAPI cannot say: the resource and
method name, which parameters are positional, PATCH-style partial bodies (where a
given ``None`` is sent as ``null``), defaults the SDK sends, fields copied from
another (``password_confirmation``), secret fields, the rate-limit group,
``discard_data`` for routes whose answer the SDK returns as ``None`` even though
the server sends data back, ``alias_of`` for a second path of a route the SDK
already calls (no method is generated for it), and ``raises``: the errors only that
route raises (a 409 on invitations, say), which its docstring lists with those every
route of its kind can raise. Fields' and parameters' ``description`` become the
docstrings' Args. An ``enum`` on a request field types it for IDEs only: the server
owns the set, so any string is sent. A schema's ``x-sdk-keyed-by`` says a list of it
may arrive as a mapping of one field to another.
"""

from __future__ import annotations

import argparse
import json
import keyword
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._codegen_mcp import render_mcp_operations

PACKAGE = Path(__file__).resolve().parent
SPEC = PACKAGE / "_spec" / "openapi.json"
HEADER = (
    "# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.\n"
    "# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).\n"
)
RESOURCE_DOCS = {
    "auth": "Sign up, log in and out, and recover an account: ``/auth``.",
    "tokens": "The account's bearer tokens, and switching into a team account.",
    "profile": "The account's profile, password, social links and preferences: ``/me``.",
    "api_keys": "API keys for the generation endpoints: ``/api-keys``.",
    "teams": "Team members and invitations: ``/teams``.",
}


# -- reading the spec --------------------------------------------------------------------


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _q(value: object) -> str:
    """Python source of a str, int, bool, None or tuple, with double quotes."""
    if isinstance(value, tuple):
        inner = ", ".join(_q(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def _wrap(indent: str, head: str, args: list[str], tail: str) -> list[str]:
    """``head(args)tail`` on one line if it fits in 100 columns, else one arg a line."""
    line = f"{indent}{head}({', '.join(args)}){tail}"
    if len(line) <= 100:
        return [line]
    return [f"{indent}{head}(", *[f"{indent}    {a}," for a in args], f"{indent}){tail}"]


def _import(module: str, names: list[str]) -> list[str]:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= 100:
        return [line]
    return [f"from {module} import (", *[f"    {n}," for n in names], ")"]


def _doc(indent: str, text: str) -> list[str]:
    """A one-paragraph docstring wrapped to 100 columns."""
    lines = textwrap.wrap(text, 100 - len(indent) - 3)
    if len(lines) == 1 and len(indent) + len(lines[0]) + 6 <= 100:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *[f"{indent}{line}" for line in lines[1:]], f'{indent}"""']


@dataclass
class Param:
    """One argument of a generated method."""

    name: str
    annotation: str
    default: str | None  # source text of the default, None when required
    keyword_only: bool
    check: tuple[str, list[str]]  # (validator, its arguments): yields the wire value
    partial: bool = False  # sent only when given (PATCH/PUT)
    omit_none: bool = False  # sent only when not None
    nullable: bool = False
    description: str = ""  # the spec's, for the docstring


@dataclass
class Operation:
    """One route, as the generator needs it."""

    operation_id: str
    resource: str
    method_name: str
    http_method: str
    path: str
    summary: str
    needs_token: bool
    idempotent: bool
    rate_limit_group: str
    returns: str  # annotation: "ApiKey", "list[ApiKey]" or "None"
    model: str | None
    many: bool
    path_param: Param | None = None
    path_key: str = ""  # the path parameter's name in the path template, e.g. "id"
    body: list[Param] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)  # wire field -> source field
    secret_fields: list[str] = field(default_factory=list)
    returns_doc: str = ""  # the returned model's description, for the docstring
    raises: dict[str, str] = field(default_factory=dict)  # x-sdk "raises": route-specific errors
    required_scope: str | None = None  # x-required-scope, when the spec names it

    @property
    def constant(self) -> str:
        return self.operation_id.replace(".", "_").upper()


def _field_check(name: str, schema: dict[str, Any]) -> tuple[str, tuple[str, list[str]]]:
    """Return (annotation, (validator, arguments)) for a body field."""
    kinds = [k for k in _types(schema) if k != "null"]
    kind = kinds[0] if kinds else "string"
    if "enum" in schema:
        # The enum types the argument for IDEs (``x-sdk-type`` names its Literal alias),
        # but the server owns the set: any string is sent, and one it does not know is
        # its 422 to give. Only a non-string fails locally.
        return schema.get("x-sdk-type") or "str", ("check_str", [_q(name), name])
    if kind == "string":
        if schema.get("format") == "password":
            return "str | Secret", ("check_secret", [_q(name), name])
        if schema.get("format") == "email":
            return "str", ("check_email", [_q(name), name])
        bounds = []
        if schema.get("minLength"):
            bounds.append(f"min_length={schema['minLength']}")
        if "maxLength" in schema:
            bounds.append(f"max_length={schema['maxLength']}")
        return "str", ("check_str", [_q(name), name, *bounds])
    if kind == "boolean":
        return "bool", ("check_bool", [_q(name), name])
    if kind in ("number", "integer"):
        return "float", ("check_number", [_q(name), name])
    if kind == "array":
        item = schema.get("items", {}).get("x-sdk-type") or "str"
        return f"Sequence[{item}]", ("check_str_list", [_q(name), name])
    raise ValueError(f"unsupported body field type for {name}: {schema}")


def _response_type(operation: dict[str, Any]) -> tuple[str, str | None, bool]:
    """(return annotation, model name, whether ``data`` is a list) of a route."""
    response = next(v for k, v in operation["responses"].items() if k != "default")
    data = response["content"]["application/json"]["schema"]["properties"]["data"]
    if _types(data) == ["null"] or operation["x-sdk"].get("discard_data"):
        return "None", None, False
    if (name := _ref_name(data)) is not None:
        return name, name, False
    if _types(data) == ["array"] and (name := _ref_name(data["items"])) is not None:
        return f"list[{name}]", name, True
    raise ValueError(f"unsupported response schema: {data}")


def read_operations(spec: dict[str, Any]) -> list[Operation]:
    operations: list[Operation] = []
    for path, item in spec["paths"].items():
        shared_params = item.get("parameters", [])
        for http_method, raw in item.items():
            if http_method == "parameters":
                continue
            sdk = raw["x-sdk"]
            if "alias_of" in sdk:  # a second path for a route the SDK calls by the first
                continue
            returns, model, many = _response_type(raw)
            op = Operation(
                operation_id=raw["operationId"],
                resource=sdk["resource"],
                method_name=sdk["method"],
                http_method=http_method.upper(),
                path=path,
                summary=raw["summary"],
                needs_token=bool(raw.get("security")),
                idempotent=sdk["idempotent"],
                rate_limit_group=sdk["rate_limit_group"],
                returns=returns,
                model=model,
                many=many,
                returns_doc=spec["components"]["schemas"].get(model, {}).get("description", ""),
                raises=dict(sdk.get("raises", {})),
                required_scope=raw.get("x-required-scope"),
            )
            for param in [*shared_params, *raw.get("parameters", [])]:
                name = param["x-sdk-name"]
                op.path_key = param["name"]
                if param["schema"].get("format") == "uuid":
                    op.path_param = Param(
                        name, "str | UUID", None, False, ("check_uuid", [_q(name), name])
                    )
                else:
                    op.path_param = Param(
                        name, "int", None, False, ("check_int_id", [_q(name), name])
                    )
                op.path_param.description = param.get("description", "")
            body = (
                raw.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema")
            )
            if body:
                _read_body(op, body, sdk)
            operations.append(op)
    return operations


def _read_body(op: Operation, body: dict[str, Any], sdk: dict[str, Any]) -> None:
    required = set(body.get("required", []))
    positional = sdk.get("positional")
    partial = bool(sdk.get("partial"))
    for name, schema in body["properties"].items():
        if schema.get("format") == "password":
            op.secret_fields.append(name)
        if "x-sdk-copy-of" in schema:
            op.copies[name] = schema["x-sdk-copy-of"]
            continue
        annotation, check = _field_check(name, schema)
        keyword_only = positional is not None and name not in positional
        description = schema.get("description", "")
        if name in required:
            op.body.append(Param(name, annotation, None, keyword_only, check))
        elif "x-sdk-default" in schema:
            op.body.append(
                Param(name, annotation, _q(schema["x-sdk-default"]), keyword_only, check)
            )
        elif partial:
            # Any field of a partial body may be sent as an explicit null: the SDK
            # passes the caller's None on and lets the server judge it.
            hint = f"{annotation} | NotGiven | None"
            op.body.append(Param(name, hint, "NOT_GIVEN", True, check, partial=True, nullable=True))
        else:
            op.body.append(
                Param(name, f"{annotation} | None", "None", keyword_only, check, omit_none=True)
            )
        op.body[-1].description = description


# -- writing code -------------------------------------------------------------------------


def _signature(op: Operation) -> list[str]:
    params = ["self"]
    if op.path_param:
        params.append(f"{op.path_param.name}: {op.path_param.annotation}")
    keyword_started = False
    for p in op.body:
        if p.keyword_only and not keyword_started:
            params.append("*")
            keyword_started = True
        default = f" = {p.default}" if p.default is not None else ""
        params.append(f"{p.name}: {p.annotation}{default}")
    return params


# The errors a route can raise, in the order its docstring lists them. A route's own
# ``x-sdk`` "raises" (e.g. a 409 only invitations have) adds to or rewords these.
_ERROR_ORDER = (
    "ValueError",
    "TypeError",
    "MissingTokenError",
    "AuthenticationError",
    "EmailNotVerifiedError",
    "PermissionDeniedError",
    "InsufficientScopeError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitError",
    "APIConnectionError",
    "ServerError",
    "ResponseDecodeError",
)
_TYPE_ONLY_CHECKS = {"check_bool", "check_number", "check_str_list"}


def _raises(op: Operation) -> dict[str, str]:
    """What the route can raise and when: derived from the spec, then its own ``raises``."""
    params = [p for p in [op.path_param, *op.body] if p]
    before = "raised before anything is sent."
    errors: dict[str, str] = {}
    if any(p.check[0] not in _TYPE_ONLY_CHECKS for p in params):
        errors["ValueError"] = f"An argument has a value the SDK refuses; {before}"
    if params:
        errors["TypeError"] = f"An argument has the wrong type; {before}"
    if op.needs_token:
        errors["MissingTokenError"] = f"The client has no token; {before}"
        errors["AuthenticationError"] = "The token was refused: expired, revoked or unknown."
        scope = f"the ``{op.required_scope}`` scope" if op.required_scope else "the scope"
        errors["InsufficientScopeError"] = f"The token lacks {scope} this route needs."
    if op.path_param:
        errors["NotFoundError"] = f"No ``{op.path_param.name}`` of the account has this value."
    if op.body:
        errors["ValidationError"] = (
            "The server rejected a field; ``.details`` maps each field to its messages."
        )
    errors["RateLimitError"] = (
        "Still rate limited after the retries, or asked to wait longer than ``max_retry_after``."
    )
    if op.idempotent:
        errors["APIConnectionError"] = (
            "No answer, even after the retries (``APITimeoutError`` when it timed out)."
        )
    else:
        errors["APIConnectionError"] = (
            "No answer (``APITimeoutError`` when it timed out). Once the server may have "
            "acted, the call is not repeated and the error says so."
        )
    errors["ServerError"] = "The server failed (5xx)."
    errors["ResponseDecodeError"] = "The answer could not be read."
    errors.update(op.raises)
    return {name: errors[name] for name in sorted(errors, key=_ERROR_ORDER.index)}


def _arg_doc(op: Operation, p: Param) -> str:
    text = p.description or f"The ``{p.name}`` field."
    if p is op.path_param:
        kind = "a UUID" if p.check[0] == "check_uuid" else "a positive int"
        text += f" Must be {kind}, so it cannot change the route."
    copies = [target for target, source in op.copies.items() if source == p.name]
    if copies:
        text += " Also sent as " + ", ".join(f"``{c}``" for c in copies) + "."
    if p.partial:
        text += " Sent only when given; ``None`` sends ``null``."
    elif p.omit_none:
        text += " Not sent when ``None``."
    return text


def _section(title: str, entries: list[tuple[str, str]]) -> list[str]:
    """A Google-style section: ``name: text`` entries, continuation lines indented."""
    lines = ["", f"        {title}:"]
    for name, text in entries:
        lines += textwrap.wrap(
            f"{name}: {text}",
            100,
            initial_indent=" " * 12,
            subsequent_indent=" " * 16,
            break_on_hyphens=False,
        )
    return lines


def _docstring(op: Operation) -> list[str]:
    """The method's docstring: what it does, its route, Args, Returns and Raises."""
    lines = [f'        """{op.summary}', "", f"        ``{op.http_method} {op.path}``"]
    notes = []
    if not op.needs_token:
        notes.append("Needs no token.")
    if not op.idempotent:
        notes.append("Not retried once the server may have acted on it.")
    if notes:
        lines += ["", f"        {' '.join(notes)}"]
    params = [p for p in [op.path_param, *op.body] if p]
    if params:
        lines += _section("Args", [(p.name, _arg_doc(op, p)) for p in params])
    if op.model is None:
        returns = ("None", "the answer carries nothing to keep.")
    elif op.many:
        returns = (op.returns, f"one per item, in the server's order. {op.returns_doc}")
    else:
        returns = (op.returns, op.returns_doc)
    lines += _section("Returns", [returns])
    lines += _section("Raises", list(_raises(op).items()))
    lines.append('        """')
    return lines


def _call_args(op: Operation) -> list[str]:
    args = []
    if op.path_param:
        args.append(op.path_param.name)
    for p in op.body:
        args.append(f"{p.name}={p.name}" if p.keyword_only else p.name)
    return args


def _async_method(op: Operation) -> Iterator[str]:
    """Check the arguments, build the body and the path parameters, and hand them to
    the pipeline with the route's descriptor, which holds the path template."""
    yield from _wrap("    ", f"async def {op.method_name}", _signature(op), f" -> {op.returns}:")
    yield from _docstring(op)
    call = [f"endpoints.{op.constant}"]
    if op.body:
        call.append("body")
        yield from _body(op)
    if op.path_param:
        check, args = op.path_param.check
        yield from _wrap("        ", f'path_params = {{"{op.path_key}": {check}', args, "}")
        call += [] if op.body else ["None"]
        call.append("path_params")
    yield from _wrap("        ", "return await self._client._request", call, "")


def _body(op: Operation) -> Iterator[str]:
    """The statements building ``body``: the checked value of each field given."""
    fixed = [p for p in op.body if not (p.partial or p.omit_none)]
    if fixed:
        yield "        body: dict[str, Any] = {"
        for p in fixed:
            yield from _wrap("            ", f'"{p.name}": {p.check[0]}', p.check[1], ",")
        yield "        }"
    else:
        yield "        body: dict[str, Any] = {}"
    for p in op.body:
        if p.partial:
            yield f"        if {p.name} is not NOT_GIVEN:"
            one_line = _wrap(
                "            ",
                f'body["{p.name}"] = None if {p.name} is None else {p.check[0]}',
                p.check[1],
                "",
            )
            if p.nullable and len(one_line) == 1:
                yield from one_line
            elif p.nullable:
                yield f"            if {p.name} is None:"
                yield f'                body["{p.name}"] = None'
                yield "            else:"
                yield from _wrap(
                    "                ", f'body["{p.name}"] = {p.check[0]}', p.check[1], ""
                )
            else:
                yield from _wrap("            ", f'body["{p.name}"] = {p.check[0]}', p.check[1], "")
        elif p.omit_none:
            yield f"        if {p.name} is not None:"
            yield from _wrap("            ", f'body["{p.name}"] = {p.check[0]}', p.check[1], "")
    for target, source in op.copies.items():
        yield f'        body["{target}"] = body["{source}"]'


def _sync_method(op: Operation) -> Iterator[str]:
    yield from _wrap("    ", f"def {op.method_name}", _signature(op), f" -> {op.returns}:")
    yield from _docstring(op)
    yield from _wrap("        ", f"coro = self._async.{op.method_name}", _call_args(op), "")
    yield "        return self._run(coro)"


def _resource_class(resource: str, sync: bool) -> str:
    return f"{'' if sync else 'Async'}{_camel(resource)}Resource"


def _by_resource(operations: list[Operation]) -> dict[str, list[Operation]]:
    by_resource: dict[str, list[Operation]] = {}
    for op in operations:
        by_resource.setdefault(op.resource, []).append(op)
    return by_resource


def _signature_imports(operations: list[Operation]) -> list[str]:
    """Imports for the annotations of the methods: typing only, never at run time."""
    models = sorted({op.model for op in operations if op.model})
    return [
        "if TYPE_CHECKING:",
        "    from collections.abc import Sequence",
        "    from uuid import UUID",
        "",
        *[f"    {line}" for line in _import("._models", models)],
        "    from ._secret import Secret",
        "    from ._types import ScopeName, TokenExpiry",
    ]


def render_resources(operations: list[Operation]) -> str:
    """The async resources: argument checks, then the one request pipeline."""
    by_resource = _by_resource(operations)
    checks = sorted({p.check[0] for op in operations for p in [*op.body, op.path_param] if p})
    names = sorted([_resource_class(r, False) for r in by_resource] + ["AsyncResources"])
    out = [
        HEADER,
        '"""The typed resources of the async client: one method per route."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any",
        "",
        "from . import _endpoints as endpoints",
        "from ._raw_resources import AsyncRawResources",
        "from ._resource import AsyncResource",
        "from ._types import NOT_GIVEN, NotGiven",
        *_import("._validation", checks),
        "",
        *_signature_imports(operations),
        "",
        "__all__ = [",
        *[f'    "{n}",' for n in names],
        "]",
    ]
    for resource, ops in by_resource.items():
        doc = RESOURCE_DOCS.get(resource, f"The ``{resource}`` routes.")
        out += ["", "", f"class {_resource_class(resource, False)}(AsyncResource):"]
        out += [*_doc("    ", doc), "", "    __slots__ = ()"]
        for op in ops:
            out += ["", *_async_method(op)]
    out += _container(by_resource, sync=False)
    out += ["", "    def _bind_resources(self) -> None:"]
    out += [
        f"        self._{r} = {_resource_class(r, False)}(self)  # type: ignore[arg-type]"
        for r in by_resource
    ]
    out.append("")
    return "\n".join(out)


def _container(by_resource: dict[str, list[Operation]], *, sync: bool) -> list[str]:
    """The class the clients inherit their resources from: one read-only property per
    resource, so ``help()``, IDEs and the reference docs list each with its type."""
    name = "SyncResources" if sync else "AsyncResources"
    kind = "blocking" if sync else "async"
    out = ["", "", f"class {name}:", f'    """The resources of the {kind} client."""', ""]
    out += [f"    _{r}: {_resource_class(r, sync)}" for r in by_resource]
    for resource, ops in by_resource.items():
        cls = _resource_class(resource, sync)
        methods = ", ".join(f"``{op.method_name}``" for op in ops)
        doc = RESOURCE_DOCS.get(resource, f"The ``{resource}`` routes.")
        out += ["", "    @property", f"    def {resource}(self) -> {cls}:"]
        out += [f'        """{doc}', ""]
        out += textwrap.wrap(
            f"Of type :class:`{cls}`, with {methods}.",
            96,
            initial_indent=" " * 8,
            subsequent_indent=" " * 8,
        )
        out += ['        """', f"        return self._{resource}"]
    raw = "RawResources" if sync else "AsyncRawResources"
    out += [
        "",
        "    @property",
        f"    def with_raw_response(self) -> {raw}:",
        '        """The same calls, answering :class:`~modelslab_agents.RawResponse`: status,',
        "        headers (request id, rate limits) and ``elapsed``; ``.parse()`` gives the",
        '        model."""',
        f"        return {raw}(self)",
    ]
    return out


def render_sync_resources(operations: list[Operation]) -> str:
    """The blocking resources: each method runs its async twin on the client's loop."""
    by_resource = _by_resource(operations)
    names = sorted([_resource_class(r, True) for r in by_resource] + ["SyncResources"])
    out = [
        HEADER,
        '"""The typed resources of the blocking client: one method per route, each running',
        'the async method of the same name, so the two clients can never drift."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING",
        "",
        "from ._raw_resources import RawResources",
        "from ._resource import Runner, SyncResource",
        *_import(
            "._resources",
            sorted([_resource_class(r, False) for r in by_resource] + ["AsyncResources"]),
        ),
        "from ._types import NOT_GIVEN, NotGiven",
        "",
        *_signature_imports(operations),
        "",
        "__all__ = [",
        *[f'    "{n}",' for n in names],
        "]",
    ]
    for resource, ops in by_resource.items():
        doc = RESOURCE_DOCS.get(resource, f"The ``{resource}`` routes.")
        async_name, sync_name = _resource_class(resource, False), _resource_class(resource, True)
        out += ["", "", f"class {sync_name}(SyncResource[{async_name}]):"]
        out += [
            *_doc("    ", f"{doc} Blocking twin of :class:`{async_name}`."),
            "",
            "    __slots__ = ()",
        ]
        for op in ops:
            out += ["", *_sync_method(op)]
    out += _container(by_resource, sync=True)
    out += ["", "    def _bind_resources(self, twin: AsyncResources, runner: Runner) -> None:"]
    out += [
        f"        self._{r} = {_resource_class(r, True)}(twin.{r}, runner)" for r in by_resource
    ]
    out.append("")
    return "\n".join(out)


def _raw_family(by_resource: dict[str, list[Operation]], *, sync: bool) -> list[str]:
    """One raw class per resource, and the ``with_raw_response`` container."""
    prefix = "" if sync else "Async"
    container = f"{'' if sync else 'Async'}RawResources"
    out: list[str] = []
    for resource, ops in by_resource.items():
        plain = _resource_class(resource, sync)
        names = sorted(op.method_name for op in ops)
        out += ["", "", f"class {prefix}{_camel(resource)}RawResource:"]
        out += [
            *_doc(
                "    ",
                f"``with_raw_response.{resource}``: the methods of :class:`{plain}`, "
                "answering :class:`~modelslab_agents.RawResponse`.",
            ),
            "",
            *_wrap("    ", "__slots__ = ", [_q(n) for n in names], ""),
            "",
            f"    def __init__(self, resource: {plain}) -> None:",
        ]
        for op in ops:
            name = op.method_name
            wrap = f"sync_raw(resource, resource.{name})" if sync else f"async_raw(resource.{name})"
            out.append(f"        self.{name} = {wrap}")
    kind = "blocking" if sync else "async"
    base = "SyncResources" if sync else "AsyncResources"
    out += ["", "", f"class {container}:"]
    out += [
        *_doc("    ", f"``client.with_raw_response`` of the {kind} client."),
        "",
        '    __slots__ = ("_client",)',
        "",
        f"    def __init__(self, client: {base}) -> None:",
        "        self._client = client",
    ]
    for resource in by_resource:
        cls = f"{prefix}{_camel(resource)}RawResource"
        out += ["", "    @property", f"    def {resource}(self) -> {cls}:"]
        out += [f'        """The raw twin of ``client.{resource}``."""']
        out += [f"        return {cls}(self._client.{resource})"]
    return out


def render_raw_resources(operations: list[Operation]) -> str:
    """The raw twins of both clients' resources: same arguments, a typed raw answer."""
    by_resource = _by_resource(operations)
    plain = [_resource_class(r, False) for r in by_resource]
    sync_plain = [_resource_class(r, True) for r in by_resource]
    names = sorted(
        [f"{p}{_camel(r)}RawResource" for r in by_resource for p in ("", "Async")]
        + ["AsyncRawResources", "RawResources"]
    )
    out = [
        HEADER,
        '"""``client.with_raw_response``: each resource method of both clients, with the',
        "same arguments and call, answering :class:`~modelslab_agents.RawResponse` (status,",
        'headers, request id, rate limits, ``parse()``)."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING",
        "",
        "from ._raw import async_raw, sync_raw",
        "",
        "if TYPE_CHECKING:",
        *[f"    {line}" for line in _import("._resources", sorted([*plain, "AsyncResources"]))],
        *[
            f"    {line}"
            for line in _import("._sync_resources", sorted([*sync_plain, "SyncResources"]))
        ],
        "",
        "__all__ = [",
        *[f'    "{n}",' for n in names],
        "]",
    ]
    out += _raw_family(by_resource, sync=False)
    out += _raw_family(by_resource, sync=True)
    out.append("")
    return "\n".join(out)


def render_endpoints(operations: list[Operation]) -> str:
    models = sorted({op.model for op in operations if op.model})
    out = [
        HEADER,
        '"""One descriptor per route: what the request pipeline needs to know about it."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any",
        "",
        "from ._endpoint import Endpoint",
        "",
        "if TYPE_CHECKING:",
        *[f"    {line}" for line in _import("._models", models)],
        "",
        "__all__ = [",
        *[f'    "{n}",' for n in sorted([*(op.constant for op in operations), "ALL"])],
        "]",
    ]
    for op in operations:
        out += [
            "",
            f"{op.constant}: Endpoint[{op.returns}] = Endpoint(",
            f"    operation_id={_q(op.operation_id)},",
            f"    method={_q(op.http_method)},",
            f"    path={_q(op.path)},",
            f"    secret_fields={_q(tuple(op.secret_fields))},",
            f"    model={_q(op.model)},",
            f"    many={op.many},",
            f"    needs_token={op.needs_token},",
            f"    idempotent={op.idempotent},",
            f"    rate_limit_group={_q(op.rate_limit_group)},",
            ")",
        ]
    out += [
        "",
        "ALL: tuple[Endpoint[Any], ...] = (",
        *[f"    {op.constant}," for op in operations],
        ")",
        "",
    ]
    return "\n".join(out)


# -- models --------------------------------------------------------------------------------


def _model_field(name: str, schema: dict[str, Any], required: bool) -> tuple[str, str]:
    """Return (annotation, field definition suffix) of one model field."""
    nullable = "null" in _types(schema)
    default = "" if required else " = None"
    if "anyOf" in schema:
        refs = [_ref_name(s) for s in schema["anyOf"] if _ref_name(s)]
        return f"{refs[0]} | None", " = None"
    if (ref := _ref_name(schema)) is not None:
        return (ref, default) if required else (f"{ref} | None", " = None")
    kinds = [k for k in _types(schema) if k != "null"]
    kind = kinds[0]
    if schema.get("x-sdk-secret"):
        base = "Secret"
    elif "x-sdk-enum" in schema:
        base = f"{schema['x-sdk-enum']} | str"
    elif schema.get("format") == "date-time":
        base = "datetime"
    else:
        base = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(
            kind, ""
        )
    if kind == "array":
        return "list[str]", " = attrs.field(factory=list)"
    if "x-sdk-default-from" in schema:
        return base, " = attrs.field()"
    if "x-sdk-default" in schema:
        return base, f" = {_q(schema['x-sdk-default'])}"
    if aliases := schema.get("x-sdk-aliases"):
        meta = f'metadata={{"aliases": {_q(tuple(aliases))}}}'
        if required and not nullable:
            return base, f" = attrs.field({meta})"
        return f"{base} | None", f" = attrs.field(default=None, {meta})"
    if required and not nullable:
        return base, ""
    return f"{base} | None", " = None"


def render_models(spec: dict[str, Any]) -> str:
    schemas = spec["components"]["schemas"]
    enums: dict[str, list[str]] = {}
    for schema in schemas.values():
        for prop in schema.get("properties", {}).values():
            if "x-sdk-enum" in prop:
                enums[prop["x-sdk-enum"]] = [v for v in prop["enum"] if v is not None]
    models = [n for n, s in schemas.items() if "description" in s]
    out = [
        HEADER,
        '"""The answers of the API, as frozen attrs models.',
        "",
        "Fields the server adds that a model does not know are kept in its ``extra``",
        "mapping; an enum value the SDK does not know is kept as its plain string.",
        "Every model has ``to_dict()`` and ``to_json()``, secrets masked (see ``Model``).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import enum",
        "from collections.abc import Mapping",
        "from datetime import datetime",
        "from typing import Any, ClassVar"
        if any("x-sdk-keyed-by" in schemas[n] for n in models)
        else "from typing import Any",
        "",
        "import attrs",
        "",
        "from ._secret import Secret",
        "from ._serialization import Model",
        "",
        "__all__ = [",
        *[f'    "{n}",' for n in sorted([*models, *enums, "MODELS"])],
        "]",
    ]
    for enum_name, values in enums.items():
        out += [
            "",
            "",
            f"class {enum_name}(str, enum.Enum):",
            f'    """Known values of a ``{enum_name}`` field."""',
            "",
        ]
        for value in values:
            member = value.upper() if not keyword.iskeyword(value) else value.upper() + "_"
            out.append(f'    {member} = "{value}"')
        out += ["", "    def __str__(self) -> str:", "        return str(self.value)"]
    for name in models:
        schema = schemas[name]
        required = set(schema.get("required", []))
        # ``allOf: [{$ref: Base}]`` is a subclass that narrows some of Base's fields.
        bases = [ref for s in schema.get("allOf", []) if (ref := _ref_name(s))]
        out += [
            "",
            "",
            "@attrs.frozen(kw_only=True)",
            f"class {name}({bases[0] if bases else 'Model'}):",
            *_doc("    ", schema["description"]),
            "",
        ]
        derived = []
        for field_name, prop in schema["properties"].items():
            annotation, suffix = _model_field(field_name, prop, field_name in required)
            out.append(f"    {field_name}: {annotation}{suffix}")
            if "x-sdk-default-from" in prop:
                derived.append((field_name, annotation, prop["x-sdk-default-from"]))
        if not bases:
            out.append(
                "    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)"
            )
        if keyed := schema.get("x-sdk-keyed-by"):
            # A list of these may also arrive as a mapping {key field: value field}.
            out.append(f"    _keyed_by: ClassVar[tuple[str, str]] = {_q(tuple(keyed))}")
        for field_name, annotation, expression in derived:
            out += [
                "",
                f"    @{field_name}.default",
                f"    def _default_{field_name}(self) -> {annotation}:",
                f"        return self.{expression}",
            ]
    out += ["", "", "MODELS: tuple[type[Any], ...] = (", *[f"    {n}," for n in models], ")", ""]
    return "\n".join(out)


# -- entry point ------------------------------------------------------------------------


def render_all(spec_path: Path | None = None) -> dict[Path, str]:
    """The generated modules' paths (under ``PACKAGE``) and their text."""
    # Module globals are read at call time, so the paths can be pointed elsewhere.
    spec = json.loads((spec_path or SPEC).read_text(encoding="utf-8"))
    operations = read_operations(spec)
    return {
        PACKAGE / "_models.py": render_models(spec),
        PACKAGE / "_endpoints.py": render_endpoints(operations),
        PACKAGE / "_resources.py": render_resources(operations),
        PACKAGE / "_sync_resources.py": render_sync_resources(operations),
        PACKAGE / "_raw_resources.py": render_raw_resources(operations),
        PACKAGE / "mcp" / "_operations.py": render_mcp_operations(spec, operations),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed files are stale"
    )
    args = parser.parse_args(argv)
    stale = []
    for path, text in render_all().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(PACKAGE).as_posix())
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(PACKAGE.parent)}")
    if stale:
        print(
            f"stale generated files: {', '.join(stale)}; run `nox -s generate`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
