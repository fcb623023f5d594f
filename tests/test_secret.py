"""`Secret`, and the promise that no repr, message, traceback or log line shows a secret.

The secrets of these tests are module constants so that no traceback line of this
file can contain one by quoting the source.
"""

from __future__ import annotations

import copy
import json
import logging
import pickle
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import respx
from conftest import BASE_URL, TOKEN, fail, make_client, ok, transport_for

from modelslab_agents import (
    APIError,
    AsyncModelsLab,
    AuthSession,
    ModelsLab,
    ResponseDecodeError,
    Secret,
    SignupResult,
)
from modelslab_agents._converter import structure

PASSWORD = "hunter2-correct-horse"
NEW_PASSWORD = "battery-staple-9917"
RESET_TOKEN = "reset-7c1f09e2aa"
API_KEY = "sk-live-5d8e0b7f1a2c"
SESSION_TOKEN = "9|fresh-session-abcdef"
VERIFICATION_CODE = "verify-code-884211"
STRAY_TOKEN = "7|stray-token-0a9b8c7d6e"
NON_ASCII_PASSWORD = "pässwörd-ünïcode-✓"
ALL_SECRETS = (
    STRAY_TOKEN,
    NON_ASCII_PASSWORD,
    TOKEN,
    PASSWORD,
    NEW_PASSWORD,
    RESET_TOKEN,
    API_KEY,
    SESSION_TOKEN,
    VERIFICATION_CODE,
)


def assert_no_secret(text: str) -> None:
    for secret in ALL_SECRETS:
        assert secret not in text, f"a secret leaked into: {text!r}"


def exception_texts(error: BaseException) -> str:
    """Everything a person could be shown about an exception, chained causes included."""
    parts = [str(error), repr(error), *traceback.format_exception(error)]
    if isinstance(error, APIError):
        parts += [repr(error.details), error.message]
    return "\n".join(parts)


# -- Secret --------------------------------------------------------------------------------


def test_repr_and_str_are_masked() -> None:
    secret = Secret(API_KEY)
    assert repr(secret) == "Secret('**********')"
    assert str(secret) == "**********"
    assert f"{secret}" == "**********"
    assert f"{secret!r}" == "Secret('**********')"
    assert "%s" % secret == "**********"  # noqa: UP031
    assert_no_secret(repr([secret, {"k": secret}]))


def test_get_secret_value() -> None:
    assert Secret(API_KEY).get_secret_value() == API_KEY


def test_empty_secret_is_falsy_and_shows_empty() -> None:
    assert not Secret("")
    assert Secret("x")
    assert str(Secret("")) == ""


def test_equality_and_hash() -> None:
    assert Secret("a-value") == Secret("a-value")
    assert Secret("a-value") != Secret("b-value")
    assert hash(Secret("a-value")) == hash(Secret("a-value"))
    assert len({Secret("a-value"), Secret("a-value")}) == 1


def test_never_equal_to_a_plain_string() -> None:
    assert Secret("a-value") != "a-value"
    assert "a-value" != Secret("a-value")  # noqa: SIM300 - the reflected comparison


def test_wrapping_a_secret_unwraps_it() -> None:
    assert Secret(Secret(API_KEY)).get_secret_value() == API_KEY


def test_only_strings() -> None:
    with pytest.raises(TypeError):
        Secret(123)  # type: ignore[arg-type]


def test_pickle_and_copy_round_trip() -> None:
    secret = Secret(API_KEY)
    assert pickle.loads(pickle.dumps(secret)) == secret
    assert copy.deepcopy(secret) == secret


def test_secret_is_not_a_str() -> None:
    # A Secret must not slip into string APIs (and so into logs) unnoticed.
    assert not isinstance(Secret("x"), str)


def test_a_secret_wraps_any_text() -> None:
    # Passwords may hold anything; only where a secret becomes a header is it checked.
    secret = Secret(NON_ASCII_PASSWORD + "\n")
    assert secret.get_secret_value() == NON_ASCII_PASSWORD + "\n"
    assert_no_secret(repr(secret) + str(secret) + f"{secret}")


# -- tokens that cannot be a header value ----------------------------------------------------

# What a token picks up on its way in: a file's newline, a Windows line end, a
# stray character pasted with it.
STRAY_TOKENS = [
    pytest.param(STRAY_TOKEN + "\n", id="trailing-newline"),
    pytest.param(STRAY_TOKEN + "\r\n", id="crlf"),
    pytest.param(STRAY_TOKEN[:5] + "\r\nX-Injected: 1" + STRAY_TOKEN[5:], id="header-injection"),
    pytest.param(STRAY_TOKEN.replace("-", "é"), id="non-ascii"),
    pytest.param(STRAY_TOKEN + "\x00", id="nul"),
    pytest.param(STRAY_TOKEN.replace("-", "\t"), id="tab"),
    pytest.param(" " + STRAY_TOKEN, id="leading-space"),
    pytest.param(STRAY_TOKEN + " ", id="trailing-space"),
]


def assert_refused_without_echo(error: BaseException, value: str) -> None:
    assert isinstance(error, ValueError)
    text = exception_texts(error)
    assert "token" in str(error)
    assert_no_secret(text)
    for shown in (value, value.strip(), repr(value)[1:-1], ascii(value)[1:-1]):
        assert shown not in text
    assert error.__cause__ is None
    assert error.__context__ is None


@pytest.mark.parametrize("wrap", [str, Secret], ids=["str", "Secret"])
@pytest.mark.parametrize("value", STRAY_TOKENS)
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(AsyncModelsLab, id="async-constructor"),
        pytest.param(ModelsLab, id="blocking-constructor"),
        pytest.param(lambda t: AsyncModelsLab(TOKEN).with_token(t), id="async-with_token"),
        pytest.param(lambda t: ModelsLab(TOKEN).with_token(t), id="blocking-with_token"),
        pytest.param(lambda t: AsyncModelsLab().with_options(token=t), id="async-with_options"),
    ],
)
def test_a_token_that_cannot_be_a_header_is_refused_where_it_enters(
    make: Callable[[Any], object], value: str, wrap: Callable[[str], Any]
) -> None:
    with pytest.raises(ValueError) as info:
        make(wrap(value))
    assert_refused_without_echo(info.value, value)


def test_a_token_read_from_a_file_with_its_newline_names_the_problem(tmp_path: Any) -> None:
    path = tmp_path / "token"
    path.write_bytes(STRAY_TOKEN.encode() + b"\r\n")
    with open(path, newline="") as f:
        value = f.read()
    with pytest.raises(ValueError) as info:
        ModelsLab(value)
    message = str(info.value)
    assert "carriage return" in message
    assert f"of {len(value)}" in message  # where, by position and length
    assert "strip" in message
    assert_refused_without_echo(info.value, value)


def test_a_token_from_the_environment_is_checked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    value = STRAY_TOKEN.replace("-", "\n", 1)
    monkeypatch.setenv("MODELSLAB_AGENT_TOKEN", value + "\n")  # the outer newline is trimmed
    with pytest.raises(ValueError, match="MODELSLAB_AGENT_TOKEN") as info:
        AsyncModelsLab()
    assert_refused_without_echo(info.value, value)


@pytest.mark.anyio
async def test_a_token_handed_back_by_the_server_is_checked_before_use(
    router: respx.MockRouter,
) -> None:
    router.post("/auth/login").mock(return_value=ok({"access_token": STRAY_TOKEN + "\r\n"}))
    router.get("/me").mock(return_value=ok({"id": 1}))
    async with make_client(router, token=None) as client:
        session = await client.auth.login("ada@example.com", PASSWORD)
        with pytest.raises(ValueError) as info:
            client.with_token(session.access_token)
    assert_refused_without_echo(info.value, STRAY_TOKEN + "\r\n")
    assert not router.routes[1].called  # nothing was sent, so nothing to retry


@pytest.mark.anyio
async def test_a_non_ascii_password_still_travels_in_the_body(router: respx.MockRouter) -> None:
    route = router.post("/auth/login").mock(return_value=ok({"access_token": SESSION_TOKEN}))
    async with make_client(router, token=None) as client:
        await client.auth.login("ada@example.com", Secret(NON_ASCII_PASSWORD))
    assert json.loads(route.calls.last.request.content)["password"] == NON_ASCII_PASSWORD


def test_the_blocking_client_sends_a_non_ascii_password_too(router: respx.MockRouter) -> None:
    route = router.post("/auth/login").mock(return_value=ok({"access_token": SESSION_TOKEN}))
    with ModelsLab(base_url=BASE_URL, transport=transport_for(router)) as client:
        client.auth.login("ada@example.com", NON_ASCII_PASSWORD)
    assert json.loads(route.calls.last.request.content)["password"] == NON_ASCII_PASSWORD


def test_good_tokens_still_pass() -> None:
    for value in (TOKEN, API_KEY, "a b", "x" * 4096, "abc.def_ghi~+/="):
        assert AsyncModelsLab(value).token == Secret(value)
        assert AsyncModelsLab(Secret(value)).token == Secret(value)
    assert AsyncModelsLab("").token is None


# -- reprs of clients and models -----------------------------------------------------------


def test_client_repr_hides_the_token() -> None:
    client = AsyncModelsLab(TOKEN)
    texts = [repr(client), str(client), repr(client.api_keys), repr(client.token)]
    texts.append(repr(client.with_token(SESSION_TOKEN)))
    assert_no_secret("\n".join(texts))
    assert "token=set" in repr(client)


def test_blocking_client_repr_hides_the_token() -> None:
    client = ModelsLab(TOKEN)
    try:
        assert_no_secret(repr(client) + repr(client.auth) + repr(client.with_token(API_KEY)))
    finally:
        client.close()


def test_model_reprs_hide_secrets() -> None:
    session = structure(
        {"access_token": SESSION_TOKEN, "api_key": API_KEY, "user": {"id": 1}}, AuthSession
    )
    signup = structure({"token": SESSION_TOKEN}, SignupResult)
    assert_no_secret(repr(session) + str(session) + repr(signup))


# -- exceptions, including servers that echo what they were sent ---------------------------

Call = Callable[[AsyncModelsLab], Awaitable[Any]]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("call", "echoed"),
    [
        pytest.param(
            lambda c: c.auth.login("ada@example.com", PASSWORD), PASSWORD, id="login-password"
        ),
        pytest.param(
            lambda c: c.auth.signup("ada@example.com", Secret(PASSWORD)),
            PASSWORD,
            id="signup-password",
        ),
        pytest.param(
            lambda c: c.auth.reset_password("ada@example.com", RESET_TOKEN, NEW_PASSWORD),
            RESET_TOKEN,
            id="reset-token",
        ),
        pytest.param(
            lambda c: c.auth.reset_password("ada@example.com", RESET_TOKEN, NEW_PASSWORD),
            NEW_PASSWORD,
            id="reset-password",
        ),
        pytest.param(
            lambda c: c.profile.update_password(PASSWORD, NEW_PASSWORD),
            PASSWORD,
            id="current-password",
        ),
        pytest.param(
            lambda c: c.auth.verify_email(VERIFICATION_CODE),
            VERIFICATION_CODE,
            id="verification-code",
        ),
        pytest.param(lambda c: c.profile.get(), TOKEN, id="bearer-token"),
        pytest.param(lambda c: c.api_keys.create("prod"), TOKEN, id="bearer-token-on-post"),
    ],
)
@pytest.mark.parametrize("status", [200, 401, 422, 500])
async def test_server_echoing_a_secret_never_reaches_the_exception(
    router: respx.MockRouter, call: Call, echoed: str, status: int
) -> None:
    router.route().mock(
        return_value=fail(
            status,
            "validation_error" if status == 422 else None,
            f"Value '{echoed}' was rejected",
            {"password": [f"{echoed} is too weak"], "nested": {"deep": [echoed]}},
        )
    )
    async with make_client(router, max_retries=0) as client:
        with pytest.raises(APIError) as info:
            await call(client)
    error = info.value
    text = exception_texts(error)
    assert echoed in router.calls.last.request.content.decode() or echoed == TOKEN
    assert_no_secret(text)
    assert "was rejected" in error.message  # the rest of the server's message survives
    assert "**********" in error.message


def everything_about(error: APIError) -> str:
    """Every text of an error, its pickled form and its pickled-and-loaded copy included."""
    again = pickle.loads(pickle.dumps(error))
    return "\n".join(
        [
            exception_texts(error),
            exception_texts(again),
            repr(dict(error.details)),
            repr(list(error.details)),
            pickle.dumps(error).decode("latin-1"),
        ]
    )


ECHOED_AS_KEYS = [
    pytest.param(422, "validation_error", {PASSWORD: ["is not allowed"]}, id="validation-field"),
    pytest.param(400, None, {TOKEN: "unknown token", "other": 1}, id="top-level-key"),
    pytest.param(403, None, {"seen": {TOKEN: [PASSWORD]}}, id="nested-key"),
    pytest.param(
        500, None, {f"token {TOKEN}": 1, f"token {PASSWORD}": 2}, id="keys-that-mask-alike"
    ),
    pytest.param(
        403,
        "insufficient_scope",
        {"required_scope": TOKEN, "granted_scopes": [PASSWORD]},
        id="scopes",
    ),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("status", "code", "details"), ECHOED_AS_KEYS)
async def test_a_secret_echoed_as_a_details_key_is_masked(
    router: respx.MockRouter, status: int, code: str | None, details: dict[str, Any]
) -> None:
    router.post("/auth/login").mock(return_value=fail(status, code, "Rejected.", details))
    async with make_client(router, max_retries=0) as client:
        with pytest.raises(APIError) as info:
            await client.auth.login("ada@example.com", PASSWORD)
    assert_no_secret(everything_about(info.value))
    assert len(info.value.details) == len(details)  # masked, none dropped
    assert "**********" in repr(info.value.details)


@pytest.mark.parametrize(("status", "code", "details"), ECHOED_AS_KEYS)
def test_the_blocking_client_masks_details_keys_too(
    router: respx.MockRouter, status: int, code: str | None, details: dict[str, Any]
) -> None:
    router.post("/auth/login").mock(return_value=fail(status, code, "Rejected.", details))
    client = ModelsLab(TOKEN, base_url=BASE_URL, transport=transport_for(router), max_retries=0)
    with client, pytest.raises(APIError) as info:
        client.auth.login("ada@example.com", PASSWORD)
    assert_no_secret(everything_about(info.value))


@pytest.mark.anyio
async def test_a_secret_cut_in_half_by_the_length_cap_is_masked(
    router: respx.MockRouter,
) -> None:
    # The server's message is cut to a sane length; wherever the cut falls in the
    # echoed token, what is left of it must not show.
    size = 1_000_000
    route = router.get("/me")
    async with make_client(router, max_retries=0) as client:
        route.mock(return_value=fail(400, None, "x" * size))
        with pytest.raises(APIError) as probe:
            await client.profile.get()
        kept = probe.value.message.index("\u2026")  # where the cut falls
        for inside in range(1, len(TOKEN)):
            head = "x" * (kept - inside)
            message = head + TOKEN + "y" * (size - len(head) - len(TOKEN))
            route.mock(return_value=fail(400, None, message))
            with pytest.raises(APIError) as info:
                await client.profile.get()
            assert info.value.message.startswith(head + "**********\u2026 ["), inside
            if inside >= 4:  # shorter heads ("1|") are found anywhere, by chance
                assert TOKEN[:inside] not in everything_about(info.value), inside


@pytest.mark.anyio
async def test_html_page_echoing_the_token_is_masked(router: respx.MockRouter) -> None:
    page = f"<html><head><title>Denied for {TOKEN}</title></head><body>{TOKEN}</body></html>"
    router.get("/me").mock(return_value=httpx.Response(403, text=page))
    async with make_client(router, max_retries=0) as client:
        with pytest.raises(APIError) as info:
            await client.profile.get()
    assert_no_secret(exception_texts(info.value))


@pytest.mark.anyio
async def test_decode_error_never_shows_the_key_it_could_not_read(
    router: respx.MockRouter,
) -> None:
    router.post("/api-keys").mock(
        return_value=ok({"key": API_KEY, "name": "prod", "created_at": "not a date"}, status=201)
    )
    async with make_client(router) as client:
        with pytest.raises(ResponseDecodeError) as info:
            await client.api_keys.create("prod")
    assert_no_secret(exception_texts(info.value))


@pytest.mark.anyio
async def test_connection_errors_never_show_the_token(router: respx.MockRouter) -> None:
    router.get("/me").mock(side_effect=httpx.ConnectError("connection refused"))
    async with make_client(router, max_retries=1) as client:
        with pytest.raises(Exception) as info:
            await client.profile.get()
    assert_no_secret(exception_texts(info.value))


# -- logs ----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_debug_logs_never_carry_a_secret(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    router.post("/auth/login").mock(
        return_value=ok({"access_token": SESSION_TOKEN, "api_key": API_KEY})
    )
    router.post("/auth/reset-password").mock(return_value=ok())
    router.post("/api-keys").mock(return_value=ok({"id": 1, "key": API_KEY}, status=201))
    router.get("/me").mock(
        side_effect=[
            httpx.Response(503, json={"message": f"down, token {TOKEN}"}),
            fail(401, None, f"token {TOKEN} revoked"),
        ]
    )
    async with make_client(router, max_retries=1) as client:
        session = await client.auth.login("ada@example.com", PASSWORD)
        await client.auth.reset_password("ada@example.com", RESET_TOKEN, NEW_PASSWORD)
        await client.with_token(session.access_token).api_keys.create("prod")
        with pytest.raises(APIError):
            await client.profile.get()

    assert any(r.name == "modelslab_agents" for r in caplog.records)
    assert any("retrying" in r.getMessage() for r in caplog.records)
    for record in caplog.records:
        assert_no_secret(record.getMessage())
        assert_no_secret(repr(record.args))
    assert_no_secret(caplog.text)
