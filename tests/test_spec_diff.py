"""Comparing two OpenAPI contracts, and fetching one with bounded size and time."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelslab_agents._spec_diff import (
    ContractFetchError,
    Difference,
    bundled_contract,
    compare,
    fetch_contract,
)


def _spec(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": paths, "components": {"schemas": schemas or {}}}


def _op(body: dict[str, Any] | None = None, data: Any = None, **extra: Any) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "responses": {
            "200": {
                "content": {
                    "application/json": {
                        "schema": {
                            "allOf": [{"$ref": "#/components/schemas/Envelope"}],
                            "properties": {"data": data or {"type": "null"}},
                        }
                    }
                }
            }
        },
        **extra,
    }
    if body is not None:
        operation["requestBody"] = {
            "content": {"application/json": {"schema": {"type": "object", "properties": body}}}
        }
    return operation


ENVELOPE = {"Envelope": {"type": "object", "properties": {"data": {}, "error": {}}}}
KEY = {
    "type": "object",
    "properties": {"id": {"type": "integer"}, "owner": {"$ref": "#/components/schemas/User"}},
}
USER = {"type": "object", "properties": {"email": {"type": "string"}}}


def _base() -> dict[str, Any]:
    """A small contract; a fresh copy each time, so tests may change it."""
    return copy.deepcopy(_BASE)


def _make_base() -> dict[str, Any]:
    return _spec(
        {
            "/api-keys/{id}": {
                "get": _op(data={"$ref": "#/components/schemas/Key"}, **{"x-required-scope": "a"})
            },
            "/login": {
                "post": _op(
                    body={"expiry": {"type": "string", "enum": ["1_week", "never"]}},
                    security=[],
                )
            },
        },
        {**ENVELOPE, "Key": KEY, "User": USER},
    )


_BASE = _make_base()


def test_a_contract_matches_itself() -> None:
    assert compare(_base(), _base()) == []
    assert compare(bundled_contract(), bundled_contract()) == []


def test_operations_added_and_removed() -> None:
    live = _base()
    live["paths"]["/google"] = {"post": _op()}
    del live["paths"]["/login"]
    assert compare(_base(), live) == [
        Difference("added", "POST /google", "operation"),
        Difference("removed", "POST /login", "operation"),
    ]


def test_request_fields_and_enum_values() -> None:
    live = _base()
    body = live["paths"]["/login"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"]["properties"]["expiry"]["enum"] = ["1_week", "1_year"]
    body["schema"]["properties"]["remember"] = {"type": "boolean"}
    assert compare(_base(), live) == [
        Difference("added", "POST /login", "request field remember"),
        Difference(
            "changed",
            "POST /login",
            "request field expiry",
            "enum values added: 1_year; enum values removed: never",
        ),
    ]


def test_nested_response_fields_through_refs_and_types() -> None:
    live = _base()
    live["components"]["schemas"]["User"] = {
        "type": "object",
        "properties": {"email": {"type": ["string", "null"]}, "avatar": {"type": "string"}},
    }
    live["components"]["schemas"]["Key"]["properties"]["id"] = {"type": "string"}
    assert [str(d) for d in compare(_base(), live)] == [
        "+ GET /api-keys/{id}: response field owner.avatar added",
        "~ GET /api-keys/{id}: response field id: type integer -> string",
        "~ GET /api-keys/{id}: response field owner.email: type string -> null|string",
    ]


def test_scope_and_authentication() -> None:
    live = _base()
    live["paths"]["/api-keys/{id}"]["get"]["x-required-scope"] = "b"
    live["paths"]["/login"]["post"]["security"] = [{"bearer": []}]
    assert [str(d) for d in compare(_base(), live)] == [
        "~ GET /api-keys/{id}: required scope: a -> b",
        "~ POST /login: authentication: now needs a token",
    ]


def test_placeholder_names_and_a_host_only_server_do_not_count() -> None:
    live = _base()
    live["paths"] = {
        "/api/agents/v1/api-keys/{key_id}": live["paths"]["/api-keys/{id}"],
        "/api/agents/v1/login": live["paths"]["/login"],
    }
    assert compare(_base(), live) == []


def test_a_reference_cycle_ends() -> None:
    cyclic = _base()
    cyclic["components"]["schemas"]["User"]["properties"]["manager"] = {
        "$ref": "#/components/schemas/User"
    }
    assert compare(cyclic, copy.deepcopy(cyclic)) == []


def test_a_drifted_copy_of_the_bundled_contract() -> None:
    live = bundled_contract()
    schema = live["paths"]["/auth/refresh"]["post"]["requestBody"]["content"]["application/json"]
    schema["schema"]["properties"]["token_expiry"]["enum"].remove("never")
    live["components"]["schemas"]["Scope"]["properties"]["grants"] = {"type": "array"}
    differences = [str(d) for d in compare(bundled_contract(), live)]
    assert differences == [
        "+ GET /auth/scopes: response field [].grants added",
        "~ POST /auth/refresh: request field token_expiry: enum values removed: never",
    ]


# -- fetching --------------------------------------------------------------------------


def _transport(*responses: httpx.Response) -> httpx.MockTransport:
    answers = iter(responses)
    return httpx.MockTransport(lambda request: next(answers))


def test_fetch_reads_a_contract_and_unwraps_an_envelope() -> None:
    spec = {"openapi": "3.1.0", "paths": {}}
    plain = fetch_contract(
        "https://x.test/openapi.json", transport=_transport(httpx.Response(200, json=spec))
    )
    wrapped = fetch_contract(
        "https://x.test/openapi.json",
        transport=_transport(httpx.Response(200, json={"data": spec, "error": None})),
    )
    assert plain == wrapped == spec


def test_fetch_refuses_an_answer_past_the_cap() -> None:
    big = json.dumps({"paths": {}, "pad": "x" * 5000}).encode()
    with pytest.raises(ContractFetchError, match="larger than 1000 bytes"):
        fetch_contract(
            "https://x.test/openapi.json",
            max_bytes=1000,
            transport=_transport(httpx.Response(200, content=big)),
        )


def test_fetch_sends_no_credentials() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"paths": {}})

    fetch_contract("https://x.test/openapi.json", transport=httpx.MockTransport(handler))
    assert "authorization" not in seen[0].headers


def test_a_timeout_is_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(ContractFetchError, match="did not answer within 2 s"):
        fetch_contract(
            "https://x.test/openapi.json", timeout=2, transport=httpx.MockTransport(handler)
        )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)
KEYS = st.sampled_from(
    [
        "get",
        "post",
        "responses",
        "200",
        "content",
        "application/json",
        "schema",
        "$ref",
        "properties",
        "allOf",
        "anyOf",
        "items",
        "enum",
        "type",
        "parameters",
        "requestBody",
        "security",
        "x-required-scope",
        "#/components/schemas/X",
        "components",
        "schemas",
        "X",
    ]
)
SHAPED = st.recursive(
    JSON,
    lambda inner: st.dictionaries(KEYS, inner, max_size=5) | st.lists(inner, max_size=3),
    max_leaves=40,
)


@settings(max_examples=50, deadline=None)
@given(paths=st.dictionaries(st.text(max_size=6), SHAPED, max_size=4), components=SHAPED)
def test_a_malformed_live_contract_never_crashes_the_comparison(
    paths: dict[str, Any], components: Any
) -> None:
    differences = compare(_BASE, {"paths": paths, "components": components})
    assert all(isinstance(d, Difference) for d in differences)
