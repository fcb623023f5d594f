"""Every answer of a full flow validates against the OpenAPI description of the API.

The description lives in ``modelslab_agents/_spec/openapi.json`` (OpenAPI 3.1, response
schemas under ``components/schemas``, wrapped in the envelope). Success answers are checked
against the operation's schema for their status, error answers against its ``default``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

import modelslab_agents
from modelslab_agents.testing import FakeControlPlane
from modelslab_agents.testing._routes import AUTH_GROUP, ROUTES

from ._support import BASE_URL, PASSWORD

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")
from referencing.jsonschema import DRAFT202012  # noqa: E402

SPEC_PATH = Path(modelslab_agents.__file__).parent / "_spec" / "openapi.json"
SPEC_URI = "urn:modelslab-agents:openapi"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.exists():
        pytest.skip(f"no OpenAPI description at {SPEC_PATH}")
    document: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return document


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _format_checker() -> Any:
    checker = jsonschema.FormatChecker()

    def is_datetime(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not value.endswith("Z"):
            raise ValueError("not UTC with a trailing Z")
        datetime.fromisoformat(value[:-1])
        return True

    checker.checks("date-time", raises=ValueError)(is_datetime)
    return checker


class Checker:
    """Validates emulator answers against the operations of the spec."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        resource = referencing.Resource.from_contents(spec, default_specification=DRAFT202012)
        self.registry = referencing.Registry().with_resource(SPEC_URI, resource)
        self.format_checker = _format_checker()
        self.checked: set[tuple[str, str, int]] = set()

    def validate(self, method: str, template: str, response: httpx.Response) -> None:
        responses = self.spec["paths"][template][method.lower()]["responses"]
        status = str(response.status_code)
        if status in responses:
            location = _pointer("paths", template, method.lower(), "responses", status)
            location += "/content/application~1json/schema"
        else:
            assert response.status_code >= 400, f"{method} {template}: undocumented {status}"
            location = "components/schemas/ErrorEnvelope"
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"{SPEC_URI}#/{location}"},
            registry=self.registry,
            format_checker=self.format_checker,
        )
        errors = sorted(validator.iter_errors(response.json()), key=str)
        assert not errors, f"{method} {template} -> {status}: {errors[0].message}"
        self.checked.add((method, template, response.status_code))


@pytest.fixture
def checker(spec: dict[str, Any]) -> Checker:
    return Checker(spec)


def test_the_route_table_matches_the_spec(spec: dict[str, Any]) -> None:
    documented = {
        f"{method.upper()} {path}": operation
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if method in {"get", "post", "put", "patch", "delete"}
    }
    assert set(documented) == {route.key for route in ROUTES}
    for route in ROUTES:
        operation = documented[route.key]
        assert operation["x-sdk"]["rate_limit_group"] == route.group, route.key
        assert bool(operation.get("security")) == route.authenticated, route.key
        assert operation.get("x-required-scope") == route.scope, route.key


def test_auth_group_is_the_published_sign_in_routes() -> None:
    auth = sorted(r.key for r in ROUTES if r.group == AUTH_GROUP)
    assert auth == [
        "POST /auth/forgot-password",
        "POST /auth/login",
        "POST /auth/resend-verification",
        "POST /auth/reset-password",
        "POST /auth/signup",
        "POST /auth/verify",
        "POST /auth/verify-email",
    ]


def test_the_served_contract_is_the_bundled_spec() -> None:
    fake = FakeControlPlane()

    async def fetch() -> tuple[httpx.Response, httpx.Response]:
        async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
            return await client.get("/openapi.json"), await client.get("/changelog")

    spec, changelog = anyio.run(fetch)
    assert spec.status_code == 200
    assert spec.headers["Content-Type"] == "application/json"
    assert spec.content == SPEC_PATH.read_bytes()
    log = changelog.json()["data"]
    assert log["current_version"] == json.loads(SPEC_PATH.read_bytes())["info"]["version"]
    assert log["versions"][0]["version"] == log["current_version"]
    assert all(v["changes"] for v in log["versions"])
    assert log["deprecations"] == []


class Flow:
    def __init__(self, client: httpx.AsyncClient, checker: Checker) -> None:
        self.client = client
        self.checker = checker

    async def __call__(
        self,
        method: str,
        template: str,
        *,
        id: object = None,
        token: str | None = None,
        json: Any = None,
    ) -> Any:
        path = template if id is None else template.replace("{id}", str(id))
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        response = await self.client.request(method, path, headers=headers, json=json)
        self.checker.validate(method, template, response)
        return response.json()["data"]


async def _full_flow(fake: FakeControlPlane, checker: Checker) -> None:
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        call = Flow(client, checker)
        owner = (
            await call(
                "POST",
                "/auth/signup",
                json={"email": "owner@example.com", "password": PASSWORD, "name": "Owner"},
            )
        )["access_token"]
        await call("POST", "/auth/signup", json={"email": "bad"})
        await call("POST", "/auth/signup", json={"email": "new@example.com", "password": PASSWORD})
        login = await call(
            "POST",
            "/auth/login",
            json={"email": "owner@example.com", "password": PASSWORD, "token_expiry": "never"},
        )
        await call("POST", "/auth/login", json={"email": "owner@example.com", "password": "nope!"})
        await call("GET", "/me", token="invalid")
        await call("GET", "/me", token=owner)
        await call("PATCH", "/me", token=owner, json={"about_me": "hi", "name": None})
        await call("PATCH", "/me", token=owner, json={"username": 3})
        await call("PATCH", "/me/socials", token=owner, json={"github": "octo"})
        await call("PATCH", "/me/preferences", token=owner, json={"nsfw_content": True})
        await call(
            "PATCH",
            "/me/password",
            token=owner,
            json={
                "current_password": PASSWORD,
                "password": "another-pass",
                "password_confirmation": "another-pass",
            },
        )
        tokens = await call("GET", "/auth/tokens", token=owner)
        await call("DELETE", "/auth/tokens/{id}", id=9999, token=owner)

        key = await call("POST", "/api-keys", token=owner, json={"name": "k", "notes": "n"})
        await call("GET", "/api-keys", token=owner)
        await call("GET", "/api-keys/{id}", id=key["id"], token=owner)
        await call("PUT", "/api-keys/{id}", id=key["id"], token=owner, json={"name": "k2"})
        await call("DELETE", "/api-keys/{id}", id=key["id"], token=owner)
        await call("GET", "/api-keys/{id}", id=key["id"], token=owner)

        seat = await call("POST", "/teams", token=owner, json={"email": "new@example.com"})
        await call("POST", "/teams", token=owner, json={"email": "new@example.com"})
        await call("GET", "/teams", token=owner)
        await call("GET", "/teams/{id}", id=seat["id"], token=owner)
        await call("PUT", "/teams/{id}", id=seat["id"], token=owner, json={"role": "admin"})
        await call("POST", "/teams/{id}/resend-invite", id=seat["id"], token=owner)
        member = fake.issue_token("new@example.com")
        invitation = fake.outbox[-1].token
        await call("POST", "/teams/invitations/{id}/accept", id=invitation, token=member)
        await call("POST", "/teams/invitations/{id}/accept", id=invitation, token=owner)
        await call("POST", "/auth/switch-account", token=member, json={"account_username": "owner"})
        await call("GET", "/me", token=fake.issue_token("new@example.com", scopes=[]))
        await call(
            "POST",
            "/auth/switch-account",
            token=fake.issue_token("new@example.com", scopes=["profile:read"]),
            json={"account_username": "owner", "scopes": ["teams:write"]},
        )
        await call("DELETE", "/teams/{id}", id=seat["id"], token=owner)

        await call("POST", "/auth/forgot-password", json={"email": "owner@example.com"})
        await call(
            "POST",
            "/auth/reset-password",
            json={
                "email": "owner@example.com",
                "token": fake.outbox[-1].token,
                "password": PASSWORD,
                "password_confirmation": PASSWORD,
            },
        )
        await call("POST", "/auth/resend-verification", json={"email": "owner@example.com"})
        await call("POST", "/auth/verify-email", json={"verification_code": "000000"})
        await call("POST", "/auth/verify", json={"verification_code": "000000"})
        await call("GET", "/auth/scopes")
        refreshed = await call(
            "POST", "/auth/refresh", token=login["access_token"], json={"token_expiry": "1_year"}
        )
        await call("POST", "/auth/refresh", token=login["access_token"])  # revoked: 401
        await call("POST", "/auth/refresh", token=refreshed["access_token"], json={"x": 1})
        login = await call(
            "POST", "/auth/login", json={"email": "owner@example.com", "password": PASSWORD}
        )
        await call(
            "POST",
            "/auth/login",
            json={"email": "owner@example.com", "password": PASSWORD, "scopes": ["nope"]},
        )
        await call("POST", "/auth/tokens/revoke-others", token=login["access_token"])
        await call("DELETE", "/auth/tokens/{id}", id=tokens[0]["id"], token=login["access_token"])
        await call("POST", "/auth/logout", token=login["access_token"])
        await call("POST", "/auth/logout-all", token=member)


async def _verification_flow(fake: FakeControlPlane, checker: Checker, path: str) -> None:
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        call = Flow(client, checker)
        await call("POST", "/auth/signup", json={"email": "v@example.com", "password": PASSWORD})
        await call("POST", "/auth/login", json={"email": "v@example.com", "password": PASSWORD})
        await call("POST", "/auth/resend-verification", json={"email": "v@example.com"})
        code = fake.outbox[-1].token
        await call("POST", path, json={"verification_code": code})


@pytest.fixture
def run_flows(checker: Checker) -> Checker:
    anyio.run(_full_flow, FakeControlPlane(max_token_lifetime="3_months"), checker)
    for path in ("/auth/verify-email", "/auth/verify"):
        fake = FakeControlPlane(require_email_verification=True)
        anyio.run(_verification_flow, fake, checker, path)
    return checker


def test_every_answer_of_a_full_flow_matches_the_spec(run_flows: Checker) -> None:
    exercised = {f"{method} {template}" for method, template, _ in run_flows.checked}
    assert exercised == {route.key for route in ROUTES}
    statuses = {status for _, _, status in run_flows.checked}
    assert {200, 201, 401, 403, 404, 409, 422} <= statuses
