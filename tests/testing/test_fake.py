"""The FakeControlPlane facade: seeding, inspection, the clock, and determinism."""

from __future__ import annotations

import anyio
import httpx
import pytest

from modelslab_agents.testing import Email, FakeControlPlane, HandledRequest

from ._support import BASE_URL, PASSWORD


async def _flow(fake: FakeControlPlane) -> list[object]:
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
        signup = await client.post(
            "/auth/signup", json={"email": "a@example.com", "password": PASSWORD}
        )
        token = signup.json()["data"]["access_token"]
        key = await client.post(
            "/api-keys", json={"name": "k"}, headers={"Authorization": f"Bearer {token}"}
        )
        await client.post(
            "/teams", json={"email": "b@example.com"}, headers={"Authorization": f"Bearer {token}"}
        )
        return [
            token,
            key.json()["data"]["key"],
            key.headers["X-Request-Id"],
            fake.outbox[0].token,
        ]


def test_a_seed_makes_secrets_and_ids_reproducible() -> None:
    first = anyio.run(_flow, FakeControlPlane(seed=99))
    second = anyio.run(_flow, FakeControlPlane(seed=99))
    other = anyio.run(_flow, FakeControlPlane(seed=100))
    assert first == second
    assert first != other


def test_create_account_and_issue_token() -> None:
    fake = FakeControlPlane()
    account_id = fake.create_account("a@example.com", "pw", name="A", username="alpha")
    assert account_id == 1
    token = fake.issue_token("a@example.com", scopes=["profile:read"], token_expiry="never")
    (listed,) = fake.tokens_of("a@example.com")
    assert listed["name"] == "seed"
    assert listed["abilities"] == ["profile:read"]
    assert listed["expires_at"] is None
    assert listed["account"] == "alpha"
    assert token.startswith(f"{listed['id']}|")


def test_seeding_is_checked() -> None:
    fake = FakeControlPlane()
    fake.create_account("a@example.com", "pw", username="alpha")
    with pytest.raises(ValueError, match="exists already"):
        fake.create_account("A@example.com", "pw")
    with pytest.raises(ValueError, match="taken"):
        fake.create_account("b@example.com", "pw", username="Alpha")
    with pytest.raises(ValueError, match="not an email"):
        fake.create_account("nope", "pw")
    with pytest.raises(ValueError, match="token_expiry"):
        fake.issue_token("a@example.com", token_expiry="1_day")
    with pytest.raises(ValueError, match="unknown scopes"):
        fake.issue_token("a@example.com", scopes=["root"])
    with pytest.raises(KeyError, match=r"ghost@example\.com"):
        fake.issue_token("ghost@example.com")
    for inspect in (fake.api_keys_of, fake.team_members_of, fake.tokens_of):
        with pytest.raises(KeyError):
            inspect("ghost@example.com")


def test_unverified_seeded_account_with_required_verification() -> None:
    fake = FakeControlPlane(require_email_verification=True)
    fake.create_account("a@example.com", PASSWORD, verified=False)

    async def login() -> httpx.Response:
        async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
            return await client.post(
                "/auth/login", json={"email": "a@example.com", "password": PASSWORD}
            )

    assert anyio.run(login).status_code == 403


def test_outbox_and_requests_are_copies() -> None:
    fake = FakeControlPlane()
    fake.outbox.append(Email("x", "verification", "t", "s", None))  # type: ignore[arg-type]
    fake.requests.append(HandledRequest("GET", "/x", 200))
    assert fake.outbox == []
    assert fake.requests == []


def test_email_is_frozen() -> None:
    fake = FakeControlPlane()
    fake.create_account("a@example.com", PASSWORD)

    async def forgot() -> None:
        async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL) as client:
            await client.post("/auth/forgot-password", json={"email": "a@example.com"})

    anyio.run(forgot)
    (email,) = fake.outbox
    assert email.subject == "Reset your ModelsLab password"
    assert email.sent_at.tzinfo is not None
    with pytest.raises(AttributeError):
        email.token = "x"  # type: ignore[misc]


def test_clock_only_moves_forward() -> None:
    with pytest.raises(ValueError, match="forward"):
        FakeControlPlane().advance_time(-1)


def test_routes_lists_every_route_and_the_contract() -> None:
    # The 28, verify-email and its /auth/verify alias, refresh, scopes; openapi.json
    # and the changelog.
    assert len(FakeControlPlane.routes) == len(set(FakeControlPlane.routes)) == 34
    assert {"POST /auth/refresh", "GET /auth/scopes", "GET /openapi.json"} <= set(
        FakeControlPlane.routes
    )
    assert "DELETE /api-keys/{id}" in FakeControlPlane.routes
    assert "POST /teams/invitations/{id}/accept" in FakeControlPlane.routes


def test_repr() -> None:
    assert repr(FakeControlPlane()) == "<FakeControlPlane requests=0 emails=0>"


def test_package_exports() -> None:
    import modelslab_agents.testing as testing

    assert sorted(testing.__all__) == ["Email", "FakeControlPlane", "Fault", "HandledRequest"]
    assert set(testing.__all__) <= set(dir(testing))
    with pytest.raises(AttributeError):
        _ = testing.Nope
