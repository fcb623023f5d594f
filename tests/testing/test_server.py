"""The emulator over real HTTP: uvicorn in a thread, driven with ``requests``."""

from __future__ import annotations

import builtins
import socket
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import requests

from modelslab_agents.testing import FakeControlPlane

from ._support import PASSWORD


@pytest.fixture
def served() -> Iterator[tuple[FakeControlPlane, str, dict[str, str]]]:
    """A served emulator, its base URL, and auth headers for a seeded account."""
    fake = FakeControlPlane()
    fake.create_account("agent@example.com", PASSWORD)
    headers = {"Authorization": f"Bearer {fake.issue_token('agent@example.com')}"}
    with fake.serve() as base_url:
        yield fake, base_url, headers


def test_the_contract_is_served_over_http(
    served: tuple[FakeControlPlane, str, dict[str, str]],
) -> None:
    _, base_url, _ = served
    spec = requests.get(f"{base_url}/openapi.json", timeout=10)
    assert spec.status_code == 200
    assert spec.headers["Content-Type"] == "application/json"
    assert spec.json()["openapi"].startswith("3.1")
    assert "/auth/refresh" in spec.json()["paths"]
    changelog = requests.get(f"{base_url}/changelog", timeout=10).json()["data"]
    assert changelog["current_version"] == spec.json()["info"]["version"]
    assert int(spec.headers["X-RateLimit-Limit"]) == 120


def test_base_url_shape(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    _, base_url, _ = served
    parts = urlsplit(base_url)
    assert (parts.scheme, parts.hostname, parts.path) == ("http", "127.0.0.1", "/api/agents/v1")
    assert parts.port is not None
    assert parts.port > 0


def test_a_round_trip(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    _, base_url, headers = served
    response = requests.post(f"{base_url}/api-keys", json={"name": "k"}, headers=headers, timeout=5)
    assert response.status_code == 201
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["X-Request-Id"] == response.json()["meta"]["request_id"]
    assert "server" not in response.headers
    listed = requests.get(f"{base_url}/api-keys", headers=headers, timeout=5).json()
    assert [k["name"] for k in listed["data"]] == ["k"]


def test_errors_and_405_over_http(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    _, base_url, headers = served
    response = requests.delete(f"{base_url}/me", headers=headers, timeout=5)
    assert (response.status_code, response.headers["Allow"]) == (405, "GET, PATCH")
    response = requests.get(f"{base_url}/me", timeout=5)
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Unauthenticated."


def test_oversized_bodies_over_http(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    _, base_url, headers = served
    response = requests.post(
        f"{base_url}/api-keys", data=b"x" * 200_000, headers=headers, timeout=5
    )
    assert response.status_code == 422
    assert list(response.json()["error"]["details"]) == ["body"]


@pytest.mark.parametrize("kind", ["drop_before", "drop_after"])
def test_drops_really_drop_the_connection(
    served: tuple[FakeControlPlane, str, dict[str, str]], kind: str
) -> None:
    fake, base_url, headers = served
    fake.inject_fault(kind, route="POST /api-keys")  # type: ignore[arg-type]
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.post(f"{base_url}/api-keys", json={"name": "k"}, headers=headers, timeout=5)
    fake.inject_fault(kind, route="POST /api-keys")  # type: ignore[arg-type]
    with pytest.raises(httpx.TransportError):
        httpx.post(f"{base_url}/api-keys", json={"name": "k"}, headers=headers, timeout=5)
    expected = 0 if kind == "drop_before" else 2
    assert len(fake.api_keys_of("agent@example.com")) == expected
    # The server is fine afterwards.
    assert requests.get(f"{base_url}/me", headers=headers, timeout=5).status_code == 200


def test_truncated_and_malformed_over_http(
    served: tuple[FakeControlPlane, str, dict[str, str]],
) -> None:
    fake, base_url, headers = served
    fake.inject_fault("truncated")
    response = requests.get(f"{base_url}/me", headers=headers, timeout=5)
    assert response.status_code == 200
    with pytest.raises(requests.exceptions.JSONDecodeError):
        response.json()
    fake.inject_fault("malformed")
    response = requests.get(f"{base_url}/me", headers=headers, timeout=5)
    assert (response.status_code, response.content) == (200, b"OK")


def test_html_error_over_http(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    fake, base_url, headers = served
    fake.inject_fault("html_error", status=504)
    response = requests.get(f"{base_url}/me", headers=headers, timeout=5)
    assert response.status_code == 504
    assert "<title>504 Gateway Timeout</title>" in response.text


def test_slow_really_delays(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    fake, base_url, headers = served
    fake.inject_fault("slow", delay=0.3)
    started = time.perf_counter()
    assert requests.get(f"{base_url}/me", headers=headers, timeout=5).status_code == 200
    assert time.perf_counter() - started >= 0.3


def test_a_client_that_times_out_abandons_the_request(
    served: tuple[FakeControlPlane, str, dict[str, str]],
) -> None:
    fake, base_url, headers = served
    fake.inject_fault("slow", delay=0.6, route="POST /api-keys")
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.post(f"{base_url}/api-keys", json={"name": "k"}, headers=headers, timeout=0.1)
    deadline = time.monotonic() + 10  # the server finishes the slow request, then logs it
    while not fake.requests or fake.requests[-1].path != "/api-keys":
        assert time.monotonic() < deadline, "the abandoned request was never logged"
        time.sleep(0.01)
    assert fake.api_keys_of("agent@example.com") == []
    assert fake.requests[-1] == ("POST", "/api-keys", None)


def test_many_threads_share_the_state(served: tuple[FakeControlPlane, str, dict[str, str]]) -> None:
    fake, base_url, headers = served
    fake.set_latency(0.05)
    statuses: list[int] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        with requests.Session() as session:
            for n in range(5):
                response = session.post(
                    f"{base_url}/api-keys",
                    json={"name": f"{index}-{n}"},
                    headers=headers,
                    timeout=10,
                )
                with lock:
                    statuses.append(response.status_code)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 40
    keys = fake.api_keys_of("agent@example.com")
    assert len({k["id"] for k in keys}) == 40


def test_shutdown_closes_the_port() -> None:
    fake = FakeControlPlane()
    with fake.serve() as base_url:
        parts = urlsplit(base_url)
        requests.get(f"{base_url}/me", timeout=5)
    assert parts.port is not None
    with pytest.raises(OSError), socket.create_connection((parts.hostname, parts.port), timeout=1):
        pass
    assert not [t for t in threading.enumerate() if t.name.startswith("modelslab-emulator")]


def test_two_servers_share_one_state() -> None:
    fake = FakeControlPlane()
    fake.create_account("agent@example.com", PASSWORD)
    headers = {"Authorization": f"Bearer {fake.issue_token('agent@example.com')}"}
    with fake.serve() as first, fake.serve() as second:
        assert first != second
        requests.post(f"{first}/api-keys", json={"name": "k"}, headers=headers, timeout=5)
        listed = requests.get(f"{second}/api-keys", headers=headers, timeout=5).json()["data"]
    assert [k["name"] for k in listed] == ["k"]


def test_a_port_in_use_fails_clearly() -> None:
    fake = FakeControlPlane()
    with fake.serve() as base_url:
        port = urlsplit(base_url).port
        assert port is not None
        with pytest.raises(OSError, match="cannot serve the emulator"), fake.serve(port=port):
            pass


def test_a_missing_uvicorn_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_uvicorn(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "uvicorn" or name.startswith("uvicorn."):
            raise ImportError("No module named 'uvicorn'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "uvicorn", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_uvicorn)
    with pytest.raises(ImportError, match=r"pip install modelslab-agents\[emulator\]"):
        FakeControlPlane().serve().__enter__()
