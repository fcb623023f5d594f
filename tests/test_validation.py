"""Arguments checked locally: the error names the problem, and no request goes out."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
import respx
from conftest import make_client, ok

from modelslab_agents import AsyncModelsLab, MissingTokenError, Secret
from modelslab_agents._validation import (
    check_bool,
    check_choice,
    check_email,
    check_int_id,
    check_number,
    check_secret,
    check_str,
    check_str_list,
    check_uuid,
)

Call = Callable[[AsyncModelsLab], Awaitable[Any]]
INVITE_ID = "0b6f3a52-9a4e-4c1e-9a53-2f1f0f0a8c11"


@pytest.fixture
def answering_router(router: respx.MockRouter) -> Iterator[respx.MockRouter]:
    """A router that would answer anything: a request sent by mistake is not an error."""
    router.route().mock(return_value=ok({"id": 1, "access_token": "t"}))
    yield router
    assert router.calls.call_count == 0, "a request went out"


# -- through the client --------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.auth.login("a@example.com", "pw", token_expiry=7), id="login"),
        pytest.param(
            lambda c: c.auth.login("a@example.com", "pw", token_expiry=None), id="login-none"
        ),
        pytest.param(
            lambda c: c.tokens.switch_account("team", token_expiry=b"1_week"), id="switch"
        ),
        pytest.param(lambda c: c.auth.refresh(token_expiry=["never"]), id="refresh"),
    ],
)
async def test_a_token_expiry_that_is_no_string_names_the_argument(
    answering_router: respx.MockRouter, call: Call
) -> None:
    # Any string goes to the server, which owns the set of lifetimes; only a
    # non-string can be known wrong locally.
    async with make_client(answering_router) as client:
        with pytest.raises(TypeError, match="token_expiry must be a str"):
            await call(client)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.auth.login("", "pw"), id="login"),
        pytest.param(lambda c: c.auth.signup("", "pw"), id="signup"),
        pytest.param(lambda c: c.auth.forgot_password(""), id="forgot"),
        pytest.param(lambda c: c.auth.reset_password("", "tok", "pw"), id="reset"),
        pytest.param(lambda c: c.auth.resend_verification(""), id="resend"),
        pytest.param(lambda c: c.teams.invite(""), id="invite"),
        pytest.param(lambda c: c.auth.login("not-an-email", "pw"), id="no-at"),
        pytest.param(lambda c: c.auth.login("a b@example.com", "pw"), id="space"),
    ],
)
async def test_empty_or_malformed_email(answering_router: respx.MockRouter, call: Call) -> None:
    async with make_client(answering_router) as client:
        with pytest.raises(ValueError, match="email"):
            await call(client)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.auth.login("a@example.com", ""), id="login-password"),
        pytest.param(lambda c: c.auth.login("a@example.com", Secret("")), id="secret-password"),
        pytest.param(lambda c: c.auth.reset_password("a@example.com", "", "pw"), id="reset-token"),
        pytest.param(lambda c: c.profile.update_password("", "new"), id="current-password"),
        pytest.param(lambda c: c.auth.verify_email(""), id="verification-code"),
        pytest.param(lambda c: c.api_keys.create(""), id="key-name"),
        pytest.param(lambda c: c.api_keys.create("x" * 256), id="key-name-too-long"),
        pytest.param(lambda c: c.tokens.switch_account(""), id="account"),
        pytest.param(
            lambda c: c.auth.login("a@example.com", "pw", device_name=""), id="device-name"
        ),
    ],
)
async def test_empty_required_strings(answering_router: respx.MockRouter, call: Call) -> None:
    async with make_client(answering_router) as client:
        with pytest.raises(ValueError):
            await call(client)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "bad_id",
    [0, -1, "7", "../me", "7/../../me", 1.5, True, None, "1%2F..", [1]],
    ids=repr,
)
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c, i: c.api_keys.get(i), id="api_keys.get"),
        pytest.param(lambda c, i: c.api_keys.update(i, name="x"), id="api_keys.update"),
        pytest.param(lambda c, i: c.api_keys.delete(i), id="api_keys.delete"),
        pytest.param(lambda c, i: c.tokens.revoke(i), id="tokens.revoke"),
        pytest.param(lambda c, i: c.teams.get(i), id="teams.get"),
        pytest.param(lambda c, i: c.teams.update(i, role="x"), id="teams.update"),
        pytest.param(lambda c, i: c.teams.remove(i), id="teams.remove"),
        pytest.param(lambda c, i: c.teams.resend_invite(i), id="teams.resend_invite"),
    ],
)
async def test_ids_must_be_positive_ints(
    answering_router: respx.MockRouter,
    call: Callable[[AsyncModelsLab, Any], Awaitable[Any]],
    bad_id: Any,
) -> None:
    async with make_client(answering_router) as client:
        with pytest.raises(ValueError, match="positive int"):
            await call(client, bad_id)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "bad_id",
    ["", "not-a-uuid", "../../me", f"{INVITE_ID}/../../x", 42, None],
    ids=repr,
)
async def test_invitation_id_must_be_a_uuid(
    answering_router: respx.MockRouter, bad_id: Any
) -> None:
    async with make_client(answering_router) as client:
        with pytest.raises(ValueError, match="UUID"):
            await client.teams.accept_invite(bad_id)


@pytest.mark.anyio
async def test_path_injection_is_refused(answering_router: respx.MockRouter) -> None:
    async with make_client(answering_router) as client:
        with pytest.raises(ValueError):
            await client.api_keys.get("../me")  # type: ignore[arg-type]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.profile.update(name=5), id="profile-name"),
        pytest.param(lambda c: c.profile.update_preferences(nsfw_content="yes"), id="bool"),
        pytest.param(
            lambda c: c.profile.update_preferences(wallet_notification_threshold="5"), id="number"
        ),
        pytest.param(lambda c: c.teams.update(1, permissions="all"), id="permissions-str"),
        pytest.param(lambda c: c.teams.update(1, permissions=["a", 1]), id="permissions-item"),
        pytest.param(lambda c: c.auth.login("a@example.com", 1234), id="password-int"),
        pytest.param(lambda c: c.auth.login("a@example.com", "pw", scopes="all"), id="scopes"),
    ],
)
async def test_wrong_types_are_type_errors(answering_router: respx.MockRouter, call: Call) -> None:
    async with make_client(answering_router) as client:
        with pytest.raises(TypeError):
            await call(client)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.profile.get(), id="profile.get"),
        pytest.param(lambda c: c.auth.logout(), id="auth.logout"),
        pytest.param(lambda c: c.api_keys.create("prod"), id="api_keys.create"),
        pytest.param(lambda c: c.teams.accept_invite(INVITE_ID), id="teams.accept_invite"),
        pytest.param(lambda c: c.tokens.switch_account("team"), id="tokens.switch_account"),
    ],
)
async def test_missing_token_says_how_to_give_one(
    answering_router: respx.MockRouter, call: Call
) -> None:
    async with make_client(answering_router, token=None) as client:
        with pytest.raises(MissingTokenError) as info:
            await call(client)
    message = str(info.value)
    assert "token" in message
    assert "token=" in message
    assert "MODELSLAB_AGENT_TOKEN" in message
    assert "with_token" in message


# -- the checks themselves -----------------------------------------------------------------


def test_check_choice_lists_every_choice() -> None:
    with pytest.raises(ValueError, match=r"one of 'a', 'b'; got 'c'"):
        check_choice("x", "c", ("a", "b"))
    assert check_choice("x", "a", ("a", "b")) == "a"


def test_check_email() -> None:
    assert check_email("email", "a@example.com") == "a@example.com"
    with pytest.raises(ValueError, match="email must not be empty"):
        check_email("email", "")
    with pytest.raises(TypeError):
        check_email("email", None)


def test_check_secret_never_shows_the_value() -> None:
    assert check_secret("password", Secret("pw-1")) == "pw-1"
    assert check_secret("password", "pw-1") == "pw-1"
    with pytest.raises(TypeError) as info:
        check_secret("password", 12345678)
    assert "12345678" not in str(info.value)


def test_check_str_bounds() -> None:
    assert check_str("name", "ok", min_length=1, max_length=2) == "ok"
    with pytest.raises(ValueError, match="at most 2"):
        check_str("name", "abc", max_length=2)
    with pytest.raises(ValueError, match="at least 3"):
        check_str("name", "ab", min_length=3)


def test_check_int_id() -> None:
    assert check_int_id("key_id", 1) == 1
    assert check_int_id("key_id", 10**12) == 10**12
    for bad in (0, -5, True, False, "1", 2.0):
        with pytest.raises(ValueError, match="key_id must be a positive int"):
            check_int_id("key_id", bad)


def test_check_uuid_canonicalises() -> None:
    value = uuid.UUID(INVITE_ID)
    assert check_uuid("invite_id", value) == INVITE_ID
    assert check_uuid("invite_id", INVITE_ID.upper()) == INVITE_ID
    with pytest.raises(ValueError, match="invite_id must be a UUID"):
        check_uuid("invite_id", "nope")


def test_check_bool_number_and_list() -> None:
    assert check_bool("b", False) is False
    with pytest.raises(TypeError):
        check_bool("b", 0)
    assert check_number("n", 2.5) == 2.5
    assert check_number("n", 3) == 3
    with pytest.raises(TypeError):
        check_number("n", True)
    assert check_str_list("s", ("a", "b")) == ["a", "b"]
    with pytest.raises(TypeError):
        check_str_list("s", "ab")
