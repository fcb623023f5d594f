"""``modelslab-agents spec diff`` against the served emulator, a drifted copy of its
contract and a URL where nothing answers."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from modelslab_agents._spec_diff import bundled_contract

from .conftest import Cli


def _serve(body: bytes, status: int = 200) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/agents/v1/openapi.json"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def drifted_url() -> Iterator[str]:
    spec = bundled_contract()
    login = spec["paths"]["/auth/login"]["post"]
    schema = login["requestBody"]["content"]["application/json"]["schema"]
    schema["properties"]["token_expiry"]["enum"].append("2_years")
    spec["paths"]["/auth/google-sign-in"] = {"post": {"responses": {"200": {}}}}
    del spec["paths"]["/teams/{id}/resend-invite"]
    yield from _serve(json.dumps(spec).encode())


@pytest.fixture
def unreachable_url() -> str:
    with socket.socket() as sock:  # a port that was free a moment ago, now closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/agents/v1/openapi.json"


def test_the_served_emulator_matches_the_bundled_contract(cli: Cli, base_url: str) -> None:
    result = cli("spec", "diff", f"{base_url}/openapi.json")  # the installed command
    assert result.code == 0, result.err
    assert "matches" in result.out


def test_a_drifted_contract_exits_1_and_says_how(cli: Cli, drifted_url: str) -> None:
    result = cli.invoke("spec", "diff", drifted_url)
    assert result.code == 1, result.err
    assert "+ POST /auth/google-sign-in: operation added" in result.out
    assert "- POST /teams/{id}/resend-invite: operation removed" in result.out
    assert (
        "~ POST /auth/login: request field token_expiry: enum values added: 2_years" in result.out
    )


def test_json_output_lists_the_differences(cli: Cli, drifted_url: str) -> None:
    result = cli.invoke("--json", "spec", "diff", drifted_url)
    assert result.code == 1
    document = result.json()
    assert document["same"] is False
    assert {
        "change": "added",
        "operation": "POST /auth/google-sign-in",
        "subject": "operation",
        "detail": "",
    } in document["differences"]


def test_an_unreachable_url_exits_2(cli: Cli, unreachable_url: str) -> None:
    result = cli.invoke("spec", "diff", unreachable_url)
    assert result.code == 2
    assert "could not reach http://127.0.0.1" in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"<html><title>502</title></html>", 502, "answered HTTP 502"),
        (b"<html>not json</html>", 200, "not JSON"),
        (b'{"openapi": "3.1.0"}', 200, "not an OpenAPI document"),
    ],
)
def test_an_answer_that_is_no_contract_exits_2(
    cli: Cli, body: bytes, status: int, message: str
) -> None:
    for url in _serve(body, status):
        result = cli.invoke("spec", "diff", url)
        assert result.code == 2
        assert message in result.err


@pytest.mark.parametrize("url", ["ftp://example.com/spec.json", "not a url", "https://?key=sk-1"])
def test_a_bad_url_exits_2_without_echoing_it(cli: Cli, url: str) -> None:
    result = cli.invoke("spec", "diff", url)
    assert result.code == 2
    assert url not in result.err
    assert "http:// or https://" in result.err
