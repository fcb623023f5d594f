"""API keys: create, list, get, update, delete, and isolation between accounts."""

from __future__ import annotations

import re

import pytest

from ._support import Api

pytestmark = pytest.mark.anyio

MASKED = re.compile(r"mlk_\*{12}[A-Za-z0-9]{4}")


async def test_key_lifecycle(api: Api) -> None:
    token = api.seed("agent@example.com")
    created = await api.ok(
        "POST", "/api-keys", status=201, token=token, json={"name": "ci", "notes": "for CI"}
    )
    assert set(created) == {"id", "name", "key", "notes", "created_at"}
    assert re.fullmatch(r"mlk_[A-Za-z0-9]{48}", created["key"])
    assert (created["name"], created["notes"]) == ("ci", "for CI")

    listed = await api.ok("GET", "/api-keys", token=token)
    assert [k["id"] for k in listed] == [created["id"]]
    assert MASKED.fullmatch(listed[0]["key"])
    assert listed[0]["key"].endswith(created["key"][-4:])

    fetched = await api.ok("GET", f"/api-keys/{created['id']}", token=token)
    assert fetched == listed[0]

    updated = await api.ok(
        "PUT", f"/api-keys/{created['id']}", token=token, json={"name": "ci-2", "notes": None}
    )
    assert (updated["name"], updated["notes"]) == ("ci-2", None)
    assert MASKED.fullmatch(updated["key"])
    renamed_only = await api.ok(
        "PUT", f"/api-keys/{created['id']}", token=token, json={"notes": "kept name"}
    )
    assert (renamed_only["name"], renamed_only["notes"]) == ("ci-2", "kept name")

    assert await api.ok("DELETE", f"/api-keys/{created['id']}", token=token) is None
    assert await api.ok("GET", "/api-keys", token=token) == []
    await api.fail("GET", f"/api-keys/{created['id']}", status=404, code="not_found", token=token)
    assert api.fake.api_keys_of("agent@example.com") == []


async def test_the_inspection_helper_shows_the_full_key(api: Api) -> None:
    token = api.seed("agent@example.com")
    created = await api.ok("POST", "/api-keys", status=201, token=token, json={"name": "k"})
    assert api.fake.api_keys_of("agent@example.com") == [created]


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({}, {"name": ["The name field is required."]}),
        ({"name": ""}, {"name": ["The name field is required."]}),
        ({"name": 3}, {"name": ["The name field must be a string."]}),
        (
            {"name": "n" * 256},
            {"name": ["The name field must not be greater than 255 characters."]},
        ),
        ({"name": "ok", "notes": False}, {"notes": ["The notes field must be a string."]}),
    ],
)
async def test_create_validation(api: Api, body: dict[str, object], details: object) -> None:
    token = api.seed("agent@example.com")
    error = await api.fail(
        "POST", "/api-keys", status=422, code="validation_error", token=token, json=body
    )
    assert error["details"] == details
    assert api.fake.api_keys_of("agent@example.com") == []


async def test_update_refuses_a_null_name(api: Api) -> None:
    token = api.seed("agent@example.com")
    created = await api.ok("POST", "/api-keys", status=201, token=token, json={"name": "k"})
    error = await api.fail(
        "PUT",
        f"/api-keys/{created['id']}",
        status=422,
        code="validation_error",
        token=token,
        json={"name": None},
    )
    assert error["details"] == {"name": ["The name field must be a string."]}


async def test_another_accounts_keys_are_invisible(api: Api) -> None:
    mine = api.seed("agent@example.com")
    theirs = api.seed("other@example.com")
    their_key = await api.ok("POST", "/api-keys", status=201, token=theirs, json={"name": "theirs"})
    assert await api.ok("GET", "/api-keys", token=mine) == []
    for method in ("GET", "PUT", "DELETE"):
        await api.fail(
            method,
            f"/api-keys/{their_key['id']}",
            status=404,
            code="not_found",
            token=mine,
            json={},
        )
    assert len(api.fake.api_keys_of("other@example.com")) == 1


@pytest.mark.parametrize("key_id", ["abc", "0", "-3", "1e3", "999"])
async def test_unknown_or_malformed_ids_are_not_found(api: Api, key_id: str) -> None:
    token = api.seed("agent@example.com")
    await api.ok("POST", "/api-keys", status=201, token=token, json={"name": "k"})
    await api.fail("GET", f"/api-keys/{key_id}", status=404, code="not_found", token=token)


async def test_ids_increase_across_accounts(api: Api) -> None:
    first = api.seed("a@example.com")
    second = api.seed("b@example.com")
    ids = [
        (await api.ok("POST", "/api-keys", status=201, token=t, json={"name": "k"}))["id"]
        for t in (first, second, first)
    ]
    assert ids == [1, 2, 3]
