"""A client written with plain ``requests``, like the product reference's samples, runs the
agent bootstrap flow against the served emulator."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from modelslab_agents.testing import FakeControlPlane


class RequestsAgent:
    """The reference's ``ModelsLabAgent`` sample, with the envelope checked correctly."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.token: str | None = None
        self.api_key: str | None = None

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @staticmethod
    def _data(response: requests.Response) -> Any:
        body = response.json()
        if body.get("error") is not None:  # not `"error" in body`: it is null on success
            raise RuntimeError(body["error"])
        return body["data"]

    def signup(self, email: str, password: str, name: str | None = None) -> Any:
        response = requests.post(
            f"{self.base}/auth/signup",
            json={"email": email, "password": password, "name": name or ""},
            timeout=5,
        )
        return self._data(response)

    def login(self, email: str, password: str) -> RequestsAgent:
        response = requests.post(
            f"{self.base}/auth/login",
            json={"email": email, "password": password, "token_expiry": "1_month"},
            timeout=5,
        )
        self.token = self._data(response)["access_token"]
        return self

    def get_or_create_api_key(self, name: str = "agent-key") -> str:
        keys = self._data(requests.get(f"{self.base}/api-keys", headers=self._headers(), timeout=5))
        for key in keys:
            if key["name"] == name:
                self.api_key = str(key["key"])
                return self.api_key
        new_key = self._data(
            requests.post(
                f"{self.base}/api-keys", headers=self._headers(), json={"name": name}, timeout=5
            )
        )
        self.api_key = str(new_key["key"])
        return self.api_key

    def check_ready(self) -> dict[str, Any]:
        profile: dict[str, Any] = self._data(
            requests.get(f"{self.base}/me", headers=self._headers(), timeout=5)
        )
        return profile


@pytest.fixture
def served() -> Iterator[tuple[FakeControlPlane, str]]:
    fake = FakeControlPlane()
    with fake.serve() as base_url:
        yield fake, base_url


def test_bootstrap_flow(served: tuple[FakeControlPlane, str]) -> None:
    fake, base_url = served
    agent = RequestsAgent(base_url)
    signup = agent.signup("agent@example.com", "securepass123", "My Agent")
    assert signup["access_token"]

    agent.login("agent@example.com", "securepass123")
    full_key = agent.get_or_create_api_key("production")
    assert full_key.startswith("mlk_")
    assert "*" not in full_key
    # A second run finds the key by name; the list shows it masked.
    again = agent.get_or_create_api_key("production")
    assert again != full_key
    assert again.endswith(full_key[-4:])
    profile = agent.check_ready()
    assert (profile["name"], profile["email"]) == ("My Agent", "agent@example.com")
    assert [k["name"] for k in fake.api_keys_of("agent@example.com")] == ["production"]


def test_errors_surface_through_the_envelope(served: tuple[FakeControlPlane, str]) -> None:
    _, base_url = served
    agent = RequestsAgent(base_url)
    with pytest.raises(RuntimeError, match="invalid_credentials"):
        agent.login("ghost@example.com", "whatever-password")
