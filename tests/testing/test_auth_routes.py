"""Signup, login, logout, password reset and email verification."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._support import BASE_URL, PASSWORD, Api

pytestmark = pytest.mark.anyio

ALL_SCOPES = ["*"]  # a login without ``scopes`` gets every scope


def _parse(timestamp: str) -> datetime:
    assert timestamp.endswith("Z")
    return datetime.fromisoformat(timestamp[:-1]).replace(tzinfo=timezone.utc)


async def test_signup_returns_a_user_and_a_working_token(api: Api) -> None:
    data = await api.ok(
        "POST",
        "/auth/signup",
        status=201,
        json={"email": "agent@example.com", "password": PASSWORD, "name": "Agent"},
    )
    assert data["user"] == {
        "id": data["user"]["id"],
        "name": "Agent",
        "email": "agent@example.com",
        "username": "agent",
        "verified": True,
    }
    assert data["token_type"] == "Bearer"
    assert data["verification_required"] is False
    assert re.fullmatch(r"\d+\|[A-Za-z0-9]{40}", data["access_token"])
    profile = await api.ok("GET", "/me", token=data["access_token"])
    assert profile["email"] == "agent@example.com"
    assert api.fake.outbox == []


async def test_signup_derives_unique_usernames_and_treats_empty_name_as_null(api: Api) -> None:
    first = await api.ok(
        "POST",
        "/auth/signup",
        status=201,
        json={"email": "Jo.Doe@example.com", "password": PASSWORD, "name": ""},
    )
    second = await api.ok(
        "POST", "/auth/signup", status=201, json={"email": "jo.doe@other.org", "password": PASSWORD}
    )
    assert first["user"]["username"] == "jo_doe"
    assert first["user"]["name"] is None
    assert second["user"]["username"] == "jo_doe1"


async def test_signup_reports_every_invalid_field(api: Api) -> None:
    error = await api.fail(
        "POST",
        "/auth/signup",
        status=422,
        code="validation_error",
        json={"email": "not-an-email", "password": "short", "name": 7},
    )
    assert error["message"] == "The given data was invalid."
    assert error["details"] == {
        "email": ["The email field must be a valid email address."],
        "password": ["The password field must be at least 8 characters."],
        "name": ["The name field must be a string."],
    }
    missing = await api.fail("POST", "/auth/signup", status=422, code="validation_error", json={})
    assert missing["details"] == {
        "email": ["The email field is required."],
        "password": ["The password field is required."],
    }


async def test_signup_refuses_a_taken_email_case_insensitively(api: Api) -> None:
    await api.signup("taken@example.com")
    error = await api.fail(
        "POST",
        "/auth/signup",
        status=422,
        code="validation_error",
        json={"email": "TAKEN@example.com", "password": PASSWORD},
    )
    assert error["details"] == {"email": ["The email has already been taken."]}


async def test_login_defaults(api: Api) -> None:
    await api.signup("agent@example.com")
    session = await api.login("agent@example.com")
    assert set(session) == {
        "access_token",
        "token_type",
        "token_expiry",
        "expires_at",
        "token_lifetime_capped",
        "user",
        "scopes",
    }
    assert session["token_lifetime_capped"] is False
    assert session["token_type"] == "Bearer"
    assert session["token_expiry"] == "1_month"
    assert session["scopes"] == ALL_SCOPES
    assert session["user"]["email"] == "agent@example.com"
    lifetime = _parse(session["expires_at"]) - datetime.now(timezone.utc)
    assert timedelta(days=29, hours=23) < lifetime <= timedelta(days=30)
    tokens = await api.ok("GET", "/auth/tokens", token=session["access_token"])
    assert [t["name"] for t in tokens] == ["agent-control-plane", "agent-control-plane"]


@pytest.mark.parametrize(
    ("expiry", "days"),
    [
        ("1_week", 7),
        ("1_month", 30),
        ("3_months", 90),
        ("6_months", 180),
        ("1_year", 365),
        ("never", None),
    ],
)
async def test_login_token_expiry(api: Api, expiry: str, days: int | None) -> None:
    await api.signup("agent@example.com")
    session = await api.login("agent@example.com", token_expiry=expiry, device_name="ci")
    assert session["token_expiry"] == expiry
    if days is None:
        assert session["expires_at"] is None
    else:
        lifetime = _parse(session["expires_at"]) - datetime.now(timezone.utc)
        assert timedelta(days=days) - timedelta(minutes=1) < lifetime <= timedelta(days=days)


async def test_login_rejects_an_unknown_token_expiry_and_scope(api: Api) -> None:
    await api.signup("agent@example.com")
    error = await api.fail(
        "POST",
        "/auth/login",
        status=422,
        code="validation_error",
        json={
            "email": "agent@example.com",
            "password": PASSWORD,
            "token_expiry": "forever",
            "scopes": ["profile:read", "billing:admin"],
        },
    )
    assert error["details"] == {
        "token_expiry": ["The selected token expiry is invalid."],
        "scopes.1": ["The selected scopes.1 is invalid."],
    }


async def test_login_with_scopes_limits_the_token(api: Api) -> None:
    await api.signup("agent@example.com")
    session = await api.login("agent@example.com", scopes=["api-keys:read", "api-keys:read"])
    assert session["scopes"] == ["api-keys:read"]
    await api.ok("GET", "/api-keys", token=session["access_token"])


@pytest.mark.parametrize(
    ("email", "password"),
    [("agent@example.com", "wrong-password"), ("nobody@example.com", PASSWORD)],
)
async def test_login_with_bad_credentials(api: Api, email: str, password: str) -> None:
    await api.signup("agent@example.com")
    error = await api.fail(
        "POST",
        "/auth/login",
        status=401,
        code="invalid_credentials",
        json={"email": email, "password": password},
    )
    assert error["message"] == "These credentials do not match our records."


async def test_login_email_is_case_insensitive(api: Api) -> None:
    await api.signup("agent@example.com")
    await api.login("AGENT@Example.com")


async def test_logout_revokes_only_the_calling_token(api: Api) -> None:
    first = await api.signup("agent@example.com")
    second = (await api.login("agent@example.com"))["access_token"]
    assert await api.ok("POST", "/auth/logout", token=first) is None
    error = await api.fail("GET", "/me", status=401, code="unauthenticated", token=first)
    assert error["message"] == "Unauthenticated."
    await api.ok("GET", "/me", token=second)


async def test_logout_all_revokes_every_token(api: Api) -> None:
    first = await api.signup("agent@example.com")
    second = (await api.login("agent@example.com"))["access_token"]
    await api.ok("POST", "/auth/logout-all", token=first)
    for token in (first, second):
        await api.fail("GET", "/me", status=401, code="unauthenticated", token=token)
    assert api.fake.tokens_of("agent@example.com") == []


async def test_password_reset_flow(api: Api) -> None:
    await api.signup("agent@example.com")
    assert (
        await api.ok("POST", "/auth/forgot-password", json={"email": "agent@example.com"}) is None
    )
    (email,) = api.fake.outbox
    assert (email.to, email.kind) == ("agent@example.com", "password_reset")
    await api.ok(
        "POST",
        "/auth/reset-password",
        json={
            "email": "agent@example.com",
            "token": email.token,
            "password": "brand-new-pass",
            "password_confirmation": "brand-new-pass",
        },
    )
    await api.fail(
        "POST",
        "/auth/login",
        status=401,
        code="invalid_credentials",
        json={"email": "agent@example.com", "password": PASSWORD},
    )
    await api.login("agent@example.com", password="brand-new-pass")
    reused = await api.fail(
        "POST",
        "/auth/reset-password",
        status=422,
        code="validation_error",
        json={
            "email": "agent@example.com",
            "token": email.token,
            "password": "another-pass",
            "password_confirmation": "another-pass",
        },
    )
    assert reused["details"] == {"token": ["This password reset token is invalid."]}


async def test_forgot_password_for_an_unknown_email_still_succeeds(api: Api) -> None:
    await api.ok("POST", "/auth/forgot-password", json={"email": "ghost@example.com"})
    assert api.fake.outbox == []


async def test_only_the_latest_reset_token_is_valid(api: Api) -> None:
    await api.signup("agent@example.com")
    for _ in range(2):
        await api.ok("POST", "/auth/forgot-password", json={"email": "agent@example.com"})
    old, new = api.fake.outbox
    body = {"email": "agent@example.com", "password": "x" * 8, "password_confirmation": "x" * 8}
    await api.fail(
        "POST",
        "/auth/reset-password",
        status=422,
        code="validation_error",
        json={**body, "token": old.token},
    )
    await api.ok("POST", "/auth/reset-password", json={**body, "token": new.token})


async def test_reset_token_expires(api: Api) -> None:
    await api.signup("agent@example.com")
    await api.ok("POST", "/auth/forgot-password", json={"email": "agent@example.com"})
    api.fake.advance_time(3601)
    body = {
        "email": "agent@example.com",
        "token": api.fake.outbox[-1].token,
        "password": "x" * 8,
        "password_confirmation": "x" * 8,
    }
    await api.fail("POST", "/auth/reset-password", status=422, code="validation_error", json=body)


async def test_reset_password_needs_a_matching_confirmation(api: Api) -> None:
    error = await api.fail(
        "POST",
        "/auth/reset-password",
        status=422,
        code="validation_error",
        json={
            "email": "agent@example.com",
            "token": "t",
            "password": "long-enough",
            "password_confirmation": "different",
        },
    )
    assert error["details"] == {"password": ["The password field confirmation does not match."]}


@pytest.fixture
def verifying_fake() -> FakeControlPlane:
    return FakeControlPlane(require_email_verification=True, seed=7)


@pytest.fixture
async def verifying_api(verifying_fake: FakeControlPlane) -> AsyncIterator[Api]:
    transport = verifying_fake.transport()
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        yield Api(verifying_fake, client)


async def test_email_verification_flow(verifying_api: Api) -> None:
    api = verifying_api
    data = await api.ok(
        "POST", "/auth/signup", status=201, json={"email": "new@example.com", "password": PASSWORD}
    )
    assert data["access_token"] is None
    assert data["verification_required"] is True
    assert data["user"]["verified"] is False
    error = await api.fail(
        "POST",
        "/auth/login",
        status=403,
        code="email_not_verified",
        json={"email": "new@example.com", "password": PASSWORD},
    )
    assert error["details"] == {"verification_required": True}

    (email,) = api.fake.outbox
    assert (email.to, email.kind) == ("new@example.com", "verification")
    assert re.fullmatch(r"\d{6}", email.token)
    session = await api.ok("POST", "/auth/verify-email", json={"verification_code": email.token})
    assert session["user"]["verified"] is True
    await api.ok("GET", "/me", token=session["access_token"])
    await api.login("new@example.com")
    again = await api.fail(
        "POST",
        "/auth/verify-email",
        status=422,
        code="validation_error",
        json={"verification_code": email.token},
    )
    assert "verification_code" in again["details"]


async def test_resend_verification_replaces_the_code(verifying_api: Api) -> None:
    api = verifying_api
    await api.ok(
        "POST", "/auth/signup", status=201, json={"email": "new@example.com", "password": PASSWORD}
    )
    await api.ok("POST", "/auth/resend-verification", json={"email": "new@example.com"})
    await api.ok("POST", "/auth/resend-verification", json={"email": "ghost@example.com"})
    first, second = api.fake.outbox
    assert second.kind == "verification"
    await api.fail(
        "POST",
        "/auth/verify-email",
        status=422,
        code="validation_error",
        json={"verification_code": first.token},
    )
    await api.ok("POST", "/auth/verify-email", json={"verification_code": second.token})


async def test_resend_verification_for_a_verified_account_sends_nothing(api: Api) -> None:
    await api.signup("agent@example.com")
    await api.ok("POST", "/auth/resend-verification", json={"email": "agent@example.com"})
    assert api.fake.outbox == []


async def test_verification_code_expires(verifying_api: Api) -> None:
    api = verifying_api
    await api.ok(
        "POST", "/auth/signup", status=201, json={"email": "new@example.com", "password": PASSWORD}
    )
    api.fake.advance_time(3601)
    await api.fail(
        "POST",
        "/auth/verify-email",
        status=422,
        code="validation_error",
        json={"verification_code": api.fake.outbox[0].token},
    )
