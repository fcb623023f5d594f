"""What every answer looks like: the envelope, request ids, and the generic errors."""

from __future__ import annotations

import json
import re

import pytest

from ._support import Api

pytestmark = pytest.mark.anyio


async def test_success_envelope_and_headers(api: Api) -> None:
    token = api.seed("agent@example.com")
    response = await api.request("GET", "/me", token=token)
    assert response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["data", "error", "meta"]
    assert body["error"] is None
    assert re.fullmatch(r"req_[0-9a-f]{24}", body["meta"]["request_id"])
    assert response.headers["X-Request-Id"] == body["meta"]["request_id"]
    assert int(response.headers["X-RateLimit-Limit"]) > 0
    assert int(response.headers["X-RateLimit-Remaining"]) >= 0
    assert int(response.headers["X-RateLimit-Reset"]) > 0


async def test_request_ids_differ(api: Api) -> None:
    token = api.seed("agent@example.com")
    ids = {(await api.request("GET", "/me", token=token)).headers["X-Request-Id"] for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize("path", ["/nope", "/api-keys/1/extra", "/", "/../me"])
async def test_unknown_routes_are_not_found(api: Api, path: str) -> None:
    error = await api.fail("GET", path, status=404, code="not_found")
    assert error["details"] is None


async def test_paths_outside_the_api_are_not_found(api: Api) -> None:
    response = await api.client.get("http://fake/api/v6/me")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_trailing_slash_is_ignored(api: Api) -> None:
    token = api.seed("agent@example.com")
    await api.ok("GET", "/api-keys/", token=token)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/auth/login", "POST"),
        ("DELETE", "/me", "GET, PATCH"),
        ("PATCH", "/api-keys/3", "DELETE, GET, PUT"),
        ("GET", "/auth/tokens/revoke-others", "POST"),
        ("PUT", "/auth/tokens/1", "DELETE"),
    ],
)
async def test_a_wrong_method_is_not_allowed(api: Api, method: str, path: str, allow: str) -> None:
    response = await api.request(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allow
    assert response.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "The request body must be valid JSON."),
        (b"\xff\xfe", "The request body must be valid JSON."),
        (b"[1, 2]", "The request body must be a JSON object."),
        (b'"text"', "The request body must be a JSON object."),
        (b"null", "The request body must be a JSON object."),
        (b"[" * 100_000, None),
    ],
)
async def test_unreadable_bodies_are_invalid(api: Api, content: bytes, message: str | None) -> None:
    token = api.seed("agent@example.com")
    error = await api.fail(
        "POST",
        "/api-keys",
        status=422,
        code="validation_error",
        token=token,
        content=content,
        headers={"Content-Type": "application/json"},
    )
    assert list(error["details"]) == ["body"]
    if message is not None:
        assert error["details"]["body"] == [message]
    assert api.fake.api_keys_of("agent@example.com") == []


async def test_bodies_over_64_kib_are_invalid(api: Api) -> None:
    token = api.seed("agent@example.com")
    body = json.dumps({"name": "k", "notes": "x" * 70_000}).encode()
    error = await api.fail(
        "POST", "/api-keys", status=422, code="validation_error", token=token, content=body
    )
    assert error["details"] == {"body": ["The request body must not be larger than 65536 bytes."]}


async def test_an_empty_body_is_an_empty_object(api: Api) -> None:
    token = api.seed("agent@example.com")
    error = await api.fail("POST", "/api-keys", status=422, code="validation_error", token=token)
    assert error["details"] == {"name": ["The name field is required."]}


async def test_authentication_comes_before_body_validation(api: Api) -> None:
    await api.fail("POST", "/api-keys", status=401, code="unauthenticated", content=b"{oops")


async def test_unknown_fields_are_ignored(api: Api) -> None:
    token = api.seed("agent@example.com")
    key = await api.ok(
        "POST", "/api-keys", status=201, token=token, json={"name": "k", "colour": "blue"}
    )
    assert "colour" not in key
