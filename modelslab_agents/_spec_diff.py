"""Compare the OpenAPI contract the SDK was generated from with a live one.

:func:`compare` works on two decoded OpenAPI documents and lists what differs:
operations added or removed, and per operation the request fields (JSON body and
query parameters), the response fields (of ``data`` inside the envelope, nested
objects as dotted paths, list items as ``[]``), their types and enum values, the
scope the operation needs (``x-required-scope``) and whether it needs a token.
:func:`fetch_contract` reads a live contract with bounded size and time. The
``modelslab-agents spec diff`` command joins the two.
"""

from __future__ import annotations

import importlib.resources
import json
import re
import time
from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal
from urllib.parse import urlsplit

import attrs
import httpx

__all__ = [
    "DEFAULT_CONTRACT_URL",
    "MAX_CONTRACT_BYTES",
    "ContractFetchError",
    "Difference",
    "bundled_contract",
    "compare",
    "fetch_contract",
]

DEFAULT_CONTRACT_URL: Final = "https://modelslab.com/api/agents/v1/openapi.json"
MAX_CONTRACT_BYTES: Final = 8 * 1024 * 1024
"""The largest contract read (decoded); the bundled one is well under 100 KB."""
FETCH_TIMEOUT: Final = 15.0
"""Seconds the whole fetch may take, however the answer trickles in."""

_API_ROOT: Final = "/api/agents/v1"
_MAX_DEPTH: Final = 6
_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options")
_PLACEHOLDER = re.compile(r"\{[^}/]*\}")

Change = Literal["added", "removed", "changed"]


@attrs.frozen
class Difference:
    """One way the live contract differs from the bundled one.

    ``operation`` is ``"METHOD /path"``; ``subject`` says what differs (``"operation"``,
    ``"request field token_expiry"``, ``"response field user.email"``, ``"scope"``, ...)
    and ``detail`` how (``"enum values added: 2_years"``), empty when ``change`` says it.
    """

    change: Change
    operation: str
    subject: str
    detail: str = ""

    def __str__(self) -> str:
        mark = {"added": "+", "removed": "-", "changed": "~"}[self.change]
        what = f"{self.subject} {self.change}" if not self.detail else self.subject
        text = f"{mark} {self.operation}: {what}"
        return f"{text}: {self.detail}" if self.detail else text

    def to_dict(self) -> dict[str, str]:
        return attrs.asdict(self)


class ContractFetchError(Exception):
    """The live contract could not be fetched or is not an OpenAPI document."""


# -- reading a contract ----------------------------------------------------------------


@attrs.frozen
class _Field:
    types: frozenset[str]
    enum: frozenset[str] | None


@attrs.frozen
class _Operation:
    key: str  # "METHOD /path" with placeholders as {}
    label: str  # "METHOD /path" as written
    request: Mapping[str, _Field]
    response: Mapping[str, _Field]
    scope: str | None
    needs_token: bool | None  # None: the contract does not say


def _map(value: Any) -> Mapping[str, Any]:
    """``value`` if it is a mapping, else ``{}``: a live contract may be malformed anywhere."""
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _resolve(spec: Mapping[str, Any], schema: Any, seen: frozenset[str]) -> dict[str, Any]:
    """``schema`` with its local ``$ref`` followed and its ``allOf`` merged (own keys last)."""
    if not isinstance(schema, Mapping):
        return {}
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen or not ref.startswith("#/"):
            return {}
        target: Any = spec
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, Mapping) else None
        merged = _resolve(spec, target, seen | {ref})
        return {**merged, **{k: v for k, v in schema.items() if k != "$ref"}}
    result: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    for part in _list(schema.get("allOf")):
        resolved = _resolve(spec, part, seen)
        properties.update(_map(resolved.get("properties")))
        result.update({k: v for k, v in resolved.items() if k != "properties"})
    for key, value in schema.items():
        if key == "allOf":
            continue
        if key == "properties" and isinstance(value, Mapping):
            properties.update(value)
        else:
            result[key] = value
    if properties:
        result["properties"] = properties
    return result


def _alternatives(spec: Mapping[str, Any], schema: dict[str, Any], seen: frozenset[str]) -> Any:
    """The non-null member schemas of an ``anyOf``/``oneOf``, resolved."""
    for key in ("anyOf", "oneOf"):
        for member in _list(schema.get(key)):
            resolved = _resolve(spec, member, seen)
            if _types(resolved) != {"null"}:
                yield resolved


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {str(k) for k in kind}
    return set()


def _fields(
    spec: Mapping[str, Any], schema: Any, prefix: str, depth: int, out: dict[str, _Field]
) -> None:
    """Every field of ``schema`` under ``prefix`` into ``out``, as dotted paths."""
    resolved = _resolve(spec, schema, frozenset())
    members = [resolved, *_alternatives(spec, resolved, frozenset())]
    types: set[str] = set()
    enum: set[str] | None = None
    for member in members:
        types |= _types(member)
        if isinstance(member.get("enum"), list):
            enum = (enum or set()) | {str(v) for v in member["enum"] if v is not None}
    if prefix:
        out[prefix] = _Field(frozenset(types), None if enum is None else frozenset(enum))
    if depth <= 0:
        return
    for member in members:
        items = member.get("items")
        if items is not None:
            _fields(spec, items, f"{prefix}[]", depth - 1, out)
        for name, sub in _map(member.get("properties")).items():
            _fields(spec, sub, f"{prefix}.{name}" if prefix else str(name), depth - 1, out)


def _success_data(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Any:
    """The schema of ``data`` in the operation's success answer (or the whole answer)."""
    responses = _map(operation.get("responses"))
    for status in sorted(str(s) for s in responses):
        if not status.startswith("2"):
            continue
        response = _resolve(spec, responses.get(status), frozenset())
        content = _map(response.get("content"))
        media: Any = content.get("application/json") or next(iter(content.values()), {})
        schema = _resolve(spec, _map(media).get("schema"), frozenset())
        data = _map(schema.get("properties")).get("data")
        return schema if data is None else data
    return None


def _operations(spec: Mapping[str, Any]) -> dict[str, _Operation]:
    operations: dict[str, _Operation] = {}
    default_security = spec.get("security")
    for raw_path, item in _map(spec.get("paths")).items():
        if not isinstance(item, Mapping):
            continue
        path = str(raw_path)
        if path.startswith(_API_ROOT + "/"):  # a contract whose server URL is the host only
            path = path[len(_API_ROOT) :]
        shared = _list(item.get("parameters"))
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, Mapping):
                continue
            request: dict[str, _Field] = {}
            body = _map(
                _map(_map(operation.get("requestBody")).get("content")).get("application/json")
            )
            _fields(spec, body.get("schema"), "", _MAX_DEPTH, request)
            for parameter in [*shared, *_list(operation.get("parameters"))]:
                parameter = _resolve(spec, parameter, frozenset())
                if parameter.get("in") == "query":
                    _fields(spec, parameter.get("schema"), f"?{parameter.get('name')}", 1, request)
            response: dict[str, _Field] = {}
            _fields(spec, _success_data(spec, operation), "", _MAX_DEPTH, response)
            security = operation.get("security", default_security)
            label = f"{method.upper()} {path}"
            key = _PLACEHOLDER.sub("{}", label)
            scope = operation.get("x-required-scope")
            operations[key] = _Operation(
                key=key,
                label=label,
                request=request,
                response=response,
                scope=None if scope is None else str(scope),
                needs_token=None if security is None else bool(security),
            )
    return operations


# -- comparing -------------------------------------------------------------------------


def _listed(values: set[str] | frozenset[str]) -> str:
    return ", ".join(sorted(values))


def _compare_fields(
    label: str, side: str, ours: Mapping[str, _Field], theirs: Mapping[str, _Field]
) -> Iterator[Difference]:
    for name in sorted(set(theirs) - set(ours)):
        yield Difference("added", label, f"{side} field {name}")
    for name in sorted(set(ours) - set(theirs)):
        yield Difference("removed", label, f"{side} field {name}")
    for name in sorted(set(ours) & set(theirs)):
        mine, live = ours[name], theirs[name]
        subject = f"{side} field {name}"
        if mine.types and live.types and mine.types != live.types:
            detail = f"type {'|'.join(sorted(mine.types))} -> {'|'.join(sorted(live.types))}"
            yield Difference("changed", label, subject, detail)
        if mine.enum != live.enum:
            if live.enum is None:
                yield Difference("changed", label, subject, "no longer an enum")
            elif mine.enum is None:
                yield Difference("changed", label, subject, f"now an enum: {_listed(live.enum)}")
            else:
                parts = []
                if added := live.enum - mine.enum:
                    parts.append(f"enum values added: {_listed(added)}")
                if removed := mine.enum - live.enum:
                    parts.append(f"enum values removed: {_listed(removed)}")
                yield Difference("changed", label, subject, "; ".join(parts))


def compare(bundled: Mapping[str, Any], live: Mapping[str, Any]) -> list[Difference]:
    """What ``live`` has that ``bundled`` lacks and the reverse; ``[]`` when they match.

    Both are decoded OpenAPI documents. Paths match whatever their placeholders are
    called (``/api-keys/{id}`` and ``/api-keys/{key_id}`` are the same route), and a
    contract whose paths start with ``/api/agents/v1`` matches one whose server URL
    ends with it. Descriptions, examples and ordering are not compared.
    """
    ours, theirs = _operations(bundled), _operations(live)
    differences: list[Difference] = []
    for key in sorted(set(theirs) - set(ours)):
        differences.append(Difference("added", theirs[key].label, "operation"))
    for key in sorted(set(ours) - set(theirs)):
        differences.append(Difference("removed", ours[key].label, "operation"))
    for key in sorted(set(ours) & set(theirs)):
        mine, other = ours[key], theirs[key]
        label = mine.label
        differences += _compare_fields(label, "request", mine.request, other.request)
        differences += _compare_fields(label, "response", mine.response, other.response)
        if mine.scope != other.scope:
            detail = f"{mine.scope or 'none'} -> {other.scope or 'none'}"
            differences.append(Difference("changed", label, "required scope", detail))
        if None not in (mine.needs_token, other.needs_token) and (
            mine.needs_token != other.needs_token
        ):
            detail = "now needs a token" if other.needs_token else "no longer needs a token"
            differences.append(Difference("changed", label, "authentication", detail))
    return differences


# -- loading ---------------------------------------------------------------------------


def bundled_contract() -> dict[str, Any]:
    """The OpenAPI description the SDK was generated from."""
    text = importlib.resources.files("modelslab_agents").joinpath("_spec/openapi.json")
    document: dict[str, Any] = json.loads(text.read_bytes())
    return document


def _where(url: str) -> str:
    """The scheme and host of ``url``, for messages (never its path or query)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or '?'}"


def fetch_contract(
    url: str = DEFAULT_CONTRACT_URL,
    *,
    timeout: float = FETCH_TIMEOUT,
    max_bytes: int = MAX_CONTRACT_BYTES,
    transport: httpx.BaseTransport | None = None,
) -> dict[str, Any]:
    """GET an OpenAPI document from ``url`` (no credentials are sent).

    Reads at most ``max_bytes`` (decoded) within ``timeout`` seconds overall. A
    document in the API's ``{"data": ...}`` envelope is unwrapped.

    Raises:
        ValueError: ``url`` is not an http(s) URL.
        ContractFetchError: no answer, a non-200 answer, too large or too slow, not
            JSON, or not an OpenAPI document.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("the contract URL must be an http:// or https:// URL with a host")
    where = _where(url)
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client,
            client.stream("GET", url, headers={"Accept": "application/json"}) as response,
        ):
            if response.status_code != 200:
                raise ContractFetchError(f"{where} answered HTTP {response.status_code}")
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ContractFetchError(
                        f"the contract at {where} is larger than {max_bytes} bytes"
                    )
                if time.monotonic() > deadline:
                    raise ContractFetchError(f"{where} took longer than {timeout:g} s to answer")
                chunks.append(chunk)
    except httpx.TimeoutException:
        raise ContractFetchError(f"{where} did not answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise ContractFetchError(f"could not reach {where} ({type(exc).__name__})") from None
    try:
        document = json.loads(b"".join(chunks))
    except (ValueError, RecursionError):
        raise ContractFetchError(f"the answer of {where} is not JSON") from None
    if (
        isinstance(document, dict)
        and "paths" not in document
        and isinstance(document.get("data"), dict)
    ):
        document = document["data"]
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise ContractFetchError(f"the answer of {where} is not an OpenAPI document")
    return document
