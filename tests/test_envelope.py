"""Every answer shape of the wire facts, through the whole pipeline.

Documented envelopes, the error envelope inside a 200, the tolerated shapes (bare
``message``, legacy ``error`` string, HTML proxy pages, ``data.items``,
``details: []``), bodies that are not JSON, and the status -> exception tree.
Retries are off so each answer is decoded exactly once.
"""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest
import respx
from conftest import BASE_URL, TOKEN, error_envelope, fail, make_client, ok, transport_for

from modelslab_agents import (
    APIError,
    ApiKey,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    EmailNotVerifiedError,
    InsufficientScopeError,
    MemberStatus,
    ModelsLab,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    Secret,
    ServerError,
    ValidationError,
)

pytestmark = pytest.mark.anyio

API_KEY = {"id": 7, "name": "prod", "key": "sk-masked****", "notes": None}
HTML_502 = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1><p>upstream secret-internal-host:8080 refused</p>"
    + b"<!-- padding -->" * 200
    + b"</body></html>"
)


async def get_key(router: respx.MockRouter, response: httpx.Response) -> Any:
    """``api_keys.get(7)`` answered by ``response``, without retries."""
    router.get("/api-keys/7").mock(return_value=response)
    async with make_client(router, max_retries=0) as client:
        return await client.api_keys.get(7)


async def raised_by(router: respx.MockRouter, response: httpx.Response) -> Exception:
    with pytest.raises(Exception) as info:
        await get_key(router, response)
    assert isinstance(info.value, Exception)
    return info.value


# -- success -------------------------------------------------------------------------------


async def test_success_envelope_gives_the_model(router: respx.MockRouter) -> None:
    key = await get_key(router, ok(API_KEY))
    assert type(key) is ApiKey
    assert (key.id, key.name) == (7, "prod")


async def test_success_without_error_and_meta_keys(router: respx.MockRouter) -> None:
    key = await get_key(router, httpx.Response(200, json={"data": API_KEY}))
    assert key.id == 7


async def test_list_route_accepts_data_items(router: respx.MockRouter) -> None:
    router.get("/api-keys").mock(
        return_value=ok({"items": [API_KEY, {**API_KEY, "id": 8}], "total": 2})
    )
    async with make_client(router) as client:
        keys = await client.api_keys.list()
    assert [k.id for k in keys] == [7, 8]


async def test_list_route_accepts_a_plain_list(router: respx.MockRouter) -> None:
    router.get("/api-keys").mock(return_value=ok([API_KEY]))
    async with make_client(router) as client:
        keys = await client.api_keys.list()
    assert [k.id for k in keys] == [7]


async def test_list_route_rejects_a_non_list(router: respx.MockRouter) -> None:
    router.get("/api-keys").mock(return_value=ok({"id": 7}))
    async with make_client(router) as client:
        with pytest.raises(ResponseDecodeError, match="list of ApiKey"):
            await client.api_keys.list()


async def test_unknown_fields_are_kept_in_extra(router: respx.MockRouter) -> None:
    key = await get_key(router, ok({**API_KEY, "scopes": ["images"], "last_used_at": None}))
    assert key.extra == {"scopes": ["images"], "last_used_at": None}
    assert not hasattr(key, "scopes")


async def test_unknown_enum_value_is_kept_as_its_string(router: respx.MockRouter) -> None:
    router.get("/teams/9").mock(return_value=ok({"id": 9, "status": "suspended"}))
    async with make_client(router) as client:
        member = await client.teams.get(9)
    assert member.status == "suspended"
    assert not isinstance(member.status, MemberStatus)


async def test_missing_required_field_names_it(router: respx.MockRouter) -> None:
    error = await raised_by(router, ok({"name": "prod", "key": "sk-full-key-value"}))
    assert type(error) is ResponseDecodeError
    assert error.status_code == 200
    assert "id" in str(error)
    assert "required field missing" in str(error)
    assert "ApiKey" in str(error)
    assert "sk-full-key-value" not in str(error)


async def test_wrongly_typed_field_names_it(router: respx.MockRouter) -> None:
    error = await raised_by(router, ok({**API_KEY, "id": {"nested": True}}))
    assert type(error) is ResponseDecodeError
    assert "$.data.id" in str(error)


async def test_switch_account_accepts_token_as_access_token(router: respx.MockRouter) -> None:
    router.post("/auth/switch-account").mock(
        return_value=ok({"token": "5|team-token", "token_type": "Bearer"})
    )
    async with make_client(router) as client:
        session = await client.tokens.switch_account("team-ada")
    assert session.access_token == Secret("5|team-token")
    assert "token" not in session.extra


async def test_access_token_wins_over_its_alias(router: respx.MockRouter) -> None:
    router.post("/auth/switch-account").mock(
        return_value=ok({"access_token": "6|real", "token": "6|alias"})
    )
    async with make_client(router) as client:
        session = await client.tokens.switch_account("team-ada")
    assert session.access_token.get_secret_value() == "6|real"


# -- bodies that are not an envelope -------------------------------------------------------


async def test_non_json_200_is_a_decode_error_without_the_body(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        httpx.Response(200, text="hello from a proxy", headers={"Content-Type": "text/plain"}),
    )
    assert type(error) is ResponseDecodeError
    assert error.status_code == 200
    assert "not JSON" in str(error)
    assert "hello from a proxy" not in str(error)


async def test_html_200_reports_the_title_only(router: respx.MockRouter) -> None:
    error = await raised_by(
        router, httpx.Response(200, content=HTML_502, headers={"Content-Type": "text/html"})
    )
    assert type(error) is ResponseDecodeError
    assert "502 Bad Gateway" in str(error)
    assert "secret-internal-host" not in str(error)


async def test_empty_200_for_a_model_is_a_decode_error(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(200))
    assert type(error) is ResponseDecodeError
    assert "empty body" in str(error)


async def test_json_that_is_not_an_envelope_is_a_decode_error(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(200, json=[1, 2]))
    assert type(error) is ResponseDecodeError


async def test_success_without_data_is_a_decode_error(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(200, json={"error": None, "meta": {}}))
    assert type(error) is ResponseDecodeError
    assert "'data'" in str(error)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200),
        httpx.Response(204),
        httpx.Response(200, json={"data": None, "error": None}),
        httpx.Response(200, json={"message": "Deleted."}),
    ],
    ids=["empty-200", "204", "null-data", "bare-message"],
)
async def test_routes_returning_none_accept_any_success(
    router: respx.MockRouter, response: httpx.Response
) -> None:
    router.delete("/api-keys/7").mock(return_value=response)
    async with make_client(router) as client:
        assert await client.api_keys.delete(7) is None


# -- error envelopes inside a 2xx ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        ("validation_error", ValidationError),
        ("invalid_credentials", AuthenticationError),
        ("access_denied", PermissionDeniedError),
        ("email_not_verified", EmailNotVerifiedError),
        ("insufficient_scope", InsufficientScopeError),
        ("not_found", NotFoundError),
        ("rate_limited", RateLimitError),
        ("brand_new_code", APIError),
        (None, APIError),
    ],
)
async def test_error_envelope_with_status_200_raises_by_code(
    router: respx.MockRouter, code: str | None, cls: type[APIError]
) -> None:
    error = await raised_by(router, fail(200, code, "Something went wrong."))
    assert type(error) is cls
    assert isinstance(error, APIError)
    assert error.status_code == 200
    assert error.code == code
    assert error.message == "Something went wrong."
    assert error.request_id == "req_err"
    assert error.response is not None


async def test_legacy_error_string_in_a_200(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(200, json={"error": "some message"}))
    assert type(error) is APIError
    assert error.status_code == 200
    assert error.message == "some message"
    assert error.code is None


# -- error statuses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (418, APIError),
        (410, APIError),
    ],
)
async def test_status_picks_the_class(
    router: respx.MockRouter, status: int, cls: type[APIError]
) -> None:
    error = await raised_by(router, fail(status, None, "Nope."))
    assert type(error) is cls
    assert error.status_code == status
    assert error.message == "Nope."


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        ("email_not_verified", EmailNotVerifiedError),
        ("insufficient_scope", InsufficientScopeError),
        ("access_denied", PermissionDeniedError),
        ("not_found", PermissionDeniedError),  # the status wins over a code of another class
    ],
)
async def test_403_codes_pick_the_subclass(
    router: respx.MockRouter, code: str, cls: type[APIError]
) -> None:
    error = await raised_by(router, fail(403, code, "Forbidden."))
    assert type(error) is cls
    assert isinstance(error, PermissionDeniedError)
    assert error.code == code


async def test_email_not_verified_keeps_its_details(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        fail(403, "email_not_verified", "Verify first.", {"verification_required": True}),
    )
    assert isinstance(error, EmailNotVerifiedError)
    assert error.details == {"verification_required": True}


async def test_insufficient_scope_exposes_the_scopes(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        fail(
            403,
            "insufficient_scope",
            "Missing scope.",
            {"required_scope": "api_keys:write", "granted_scopes": ["profile:read"]},
            headers={"WWW-Authenticate": 'Bearer error="insufficient_scope"'},
        ),
    )
    assert isinstance(error, InsufficientScopeError)
    assert error.required_scope == "api_keys:write"
    assert error.granted_scopes == ["profile:read"]


SCOPE_CHALLENGE = 'Bearer realm="modelslab", error="insufficient_scope", scope="wallet:read"'


async def test_insufficient_scope_reads_the_challenge_when_the_body_lacks_details(
    router: respx.MockRouter,
) -> None:
    error = await raised_by(
        router,
        fail(
            403, "insufficient_scope", "Forbidden.", headers={"WWW-Authenticate": SCOPE_CHALLENGE}
        ),
    )
    assert isinstance(error, InsufficientScopeError)
    assert error.required_scope == "wallet:read"
    assert error.granted_scopes is None
    assert "wallet:read" in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, InsufficientScopeError)
    assert again.required_scope == "wallet:read"


def test_the_blocking_client_reads_the_challenge_too(router: respx.MockRouter) -> None:
    router.get("/api-keys/7").mock(
        return_value=fail(
            403, "insufficient_scope", "Forbidden.", headers={"WWW-Authenticate": SCOPE_CHALLENGE}
        )
    )
    with (
        ModelsLab(TOKEN, base_url=BASE_URL, transport=transport_for(router)) as client,
        pytest.raises(InsufficientScopeError) as info,
    ):
        client.api_keys.get(7)
    assert info.value.required_scope == "wallet:read"


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(fail(500, "server_error", "x" * 1_000_000), id="envelope-message"),
        pytest.param(httpx.Response(400, json={"message": "y" * 1_000_000}), id="bare-message"),
        pytest.param(httpx.Response(400, json={"error": "z" * 1_000_000}), id="legacy-string"),
        pytest.param(
            fail(422, "validation_error", "Invalid.", {"f": ["w" * 1_000_000]}), id="details"
        ),
        pytest.param(
            httpx.Response(502, content=b"<html><title>" + b"t" * 1_000_000 + b"</title></html>"),
            id="html-title",
        ),
        pytest.param(
            httpx.Response(
                500,
                json={
                    "error": {"code": "c" * 1_000_000, "message": "m"},
                    "meta": {"request_id": "r" * 1_000_000},
                },
            ),
            id="code-and-request-id",
        ),
    ],
)
async def test_a_huge_server_message_becomes_a_bounded_exception_text(
    router: respx.MockRouter, response: httpx.Response
) -> None:
    error = await raised_by(router, response)
    assert isinstance(error, APIError)
    assert len(str(error)) <= 8192
    assert len(repr(error)) <= 8192
    assert len(error.message) <= 4096
    if not error.details:  # the details bag is data, kept whole; the text is not
        assert len(pickle.dumps(error)) <= 16384


async def test_bare_message_on_401(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(401, json={"message": "Unauthenticated."}))
    assert type(error) is AuthenticationError
    assert error.status_code == 401
    assert error.message == "Unauthenticated."
    assert error.code is None
    assert error.details == {}
    assert "Unauthenticated." in str(error)


async def test_legacy_error_string_on_400(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(400, json={"error": "some message"}))
    assert type(error) is BadRequestError
    assert error.message == "some message"


async def test_html_502_reports_status_and_title_never_the_page(
    router: respx.MockRouter,
) -> None:
    error = await raised_by(
        router,
        httpx.Response(502, content=HTML_502, headers={"Content-Type": "text/html; charset=utf-8"}),
    )
    assert type(error) is ServerError
    assert error.status_code == 502
    text = str(error)
    assert "502" in text
    assert "Bad Gateway" in text
    assert "secret-internal-host" not in text
    assert "<html" not in text.lower()
    assert len(text) < 300


async def test_html_without_title_is_described_not_dumped(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        httpx.Response(503, content=b"<html><body>internal details</body></html>"),
    )
    assert type(error) is ServerError
    assert "internal details" not in str(error)
    assert "503" in str(error)


async def test_empty_error_body(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(500))
    assert type(error) is ServerError
    assert "500" in str(error)


async def test_error_without_message_is_named_by_its_code(router: respx.MockRouter) -> None:
    body = {"data": None, "error": {"code": "not_found"}, "meta": {"request_id": "r1"}}
    error = await raised_by(router, httpx.Response(404, json=body))
    assert type(error) is NotFoundError
    assert "not_found" in error.message
    assert "404" in error.message


async def test_validation_details_map_fields_to_messages(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        fail(
            422,
            "validation_error",
            "The given data was invalid.",
            {"token_expiry": ["The selected token expiry is invalid."], "name": "Too long."},
        ),
    )
    assert isinstance(error, ValidationError)
    assert error.details == {
        "token_expiry": ["The selected token expiry is invalid."],
        "name": ["Too long."],
    }
    assert "The selected token expiry is invalid." in str(error)


@pytest.mark.parametrize("details", [[], None, "oops"], ids=["list", "null", "string"])
async def test_details_that_are_not_a_bag_become_empty(
    router: respx.MockRouter, details: Any
) -> None:
    error = await raised_by(router, fail(422, "validation_error", "Invalid.", details))
    assert isinstance(error, ValidationError)
    assert error.details == {}


async def test_rate_limit_carries_retry_after(router: respx.MockRouter) -> None:
    error = await raised_by(
        router, fail(429, "rate_limited", "Too Many Attempts.", headers={"Retry-After": "60"})
    )
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 60.0
    assert "60" in str(error)


async def test_rate_limit_without_retry_after(router: respx.MockRouter) -> None:
    error = await raised_by(router, fail(429, "rate_limited", "Too Many Attempts."))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


# -- request ids ---------------------------------------------------------------------------


async def test_request_id_from_meta_wins_over_header(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        httpx.Response(
            404,
            json=error_envelope("not_found", "No such key.", request_id="req_meta"),
            headers={"X-Request-Id": "req_header"},
        ),
    )
    assert isinstance(error, APIError)
    assert error.request_id == "req_meta"
    assert "req_meta" in str(error)


async def test_request_id_from_header_when_no_meta(router: respx.MockRouter) -> None:
    error = await raised_by(
        router,
        httpx.Response(401, json={"message": "Unauthenticated."}, headers={"X-Request-Id": "r9"}),
    )
    assert isinstance(error, APIError)
    assert error.request_id == "r9"
    assert "r9" in str(error)


async def test_no_request_id_at_all(router: respx.MockRouter) -> None:
    error = await raised_by(router, httpx.Response(500, json={"message": "boom"}))
    assert isinstance(error, APIError)
    assert error.request_id is None
