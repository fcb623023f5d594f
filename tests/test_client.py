"""`AsyncModelsLab`: configuration from arguments and environment, transport safety,
siblings that share one pool, closing, headers and timeouts."""

from __future__ import annotations

import contextlib
import datetime
import functools
import re
import socket
import threading
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from conftest import BASE_URL, TOKEN, make_client, mypy_strict_errors, ok, transport_for

import modelslab_agents
from modelslab_agents import (
    APIConnectionError,
    AsyncModelsLab,
    InsecureTransportError,
    MissingTokenError,
    ModelsLabError,
    NotFoundError,
    ResponseDecodeError,
    ResponseTooLargeError,
    Secret,
)
from modelslab_agents._client import DEFAULT_BASE_URL
from modelslab_agents._options import DEFAULT_MAX_RESPONSE_BYTES
from modelslab_agents.testing import FakeControlPlane

PROFILE = {"id": 1, "name": "Ada"}


class CountingTransport(httpx.AsyncBaseTransport):
    """Answers every request with an empty profile envelope and counts closes."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.closed = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return ok(PROFILE)

    async def aclose(self) -> None:
        self.closed += 1


# -- token ---------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_token_is_sent_as_bearer(router: respx.MockRouter) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    async with make_client(router, Secret(TOKEN)) as client:
        await client.profile.get()
    assert router.calls.last.request.headers["Authorization"] == f"Bearer {TOKEN}"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"MODELSLAB_AGENT_TOKEN": "agent-tok"}, "agent-tok"),
        ({"MODELSLAB_TOKEN": "plain-tok"}, "plain-tok"),
        ({"MODELSLAB_AGENT_TOKEN": "agent-tok", "MODELSLAB_TOKEN": "plain-tok"}, "agent-tok"),
        ({"MODELSLAB_AGENT_TOKEN": "", "MODELSLAB_TOKEN": "plain-tok"}, "plain-tok"),
    ],
    ids=["agent", "plain", "agent-first", "empty-agent-skipped"],
)
async def test_token_from_environment(
    router: respx.MockRouter,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    expected: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    router.get("/me").mock(return_value=ok(PROFILE))
    async with make_client(router, token=None) as client:
        assert client.token == Secret(expected)
        await client.profile.get()
    assert router.calls.last.request.headers["Authorization"] == f"Bearer {expected}"


def test_explicit_token_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELSLAB_AGENT_TOKEN", "env-tok")
    assert AsyncModelsLab("arg-tok").token == Secret("arg-tok")


def test_no_token_anywhere() -> None:
    assert AsyncModelsLab().token is None


def test_token_must_be_a_string_or_secret() -> None:
    with pytest.raises(TypeError):
        AsyncModelsLab(123)  # type: ignore[arg-type]


# -- base URL and transport safety ---------------------------------------------------------


def test_default_base_url() -> None:
    assert AsyncModelsLab().base_url == DEFAULT_BASE_URL == "https://modelslab.com/api/agents/v1"


def test_base_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELSLAB_BASE_URL", "https://proxy.example/api/agents/v1/")
    assert AsyncModelsLab().base_url == "https://proxy.example/api/agents/v1"
    assert AsyncModelsLab(base_url="https://arg.example/v1").base_url == "https://arg.example/v1"


@pytest.mark.anyio
async def test_paths_join_the_base_url_with_one_slash(router: respx.MockRouter) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    client = AsyncModelsLab(TOKEN, base_url=BASE_URL + "/", transport=transport_for(router))
    async with client:
        await client.profile.get()
    assert str(router.calls.last.request.url) == f"{BASE_URL}/me"


@pytest.mark.parametrize(
    "url",
    ["http://modelslab.com/api/agents/v1", "http://10.0.0.5:8080", "http://example.localdomain"],
)
def test_plain_http_off_loopback_is_refused(url: str) -> None:
    with pytest.raises(InsecureTransportError) as info:
        AsyncModelsLab(base_url=url)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ModelsLabError)
    assert "allow_insecure_http" in str(info.value)


def test_plain_http_from_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELSLAB_BASE_URL", "http://proxy.example/v1")
    with pytest.raises(InsecureTransportError):
        AsyncModelsLab()


def test_plain_http_allowed_when_asked() -> None:
    client = AsyncModelsLab(base_url="http://proxy.internal/v1", allow_insecure_http=True)
    assert client.base_url == "http://proxy.internal/v1"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/api/agents/v1",
        "http://127.1.2.3/v1",
        "http://localhost:8000/api/agents/v1",
        "http://LOCALHOST/v1",
        "http://[::1]:8000/api/agents/v1",
    ],
)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    assert AsyncModelsLab(base_url=url).base_url == url


def test_sibling_cannot_move_to_plain_http() -> None:
    client = AsyncModelsLab(TOKEN)
    with pytest.raises(InsecureTransportError):
        client.with_options(base_url="http://proxy.example/v1")


@pytest.mark.parametrize("url", ["ftp://modelslab.com/v1", "modelslab.com/v1", "https://"])
def test_base_url_must_be_http_with_a_host(url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        AsyncModelsLab(base_url=url)


# -- siblings and the shared pool ----------------------------------------------------------


@pytest.mark.anyio
async def test_with_token_acts_with_the_new_token_and_leaves_the_original() -> None:
    transport = CountingTransport()
    async with AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=transport) as client:
        sibling = client.with_token("2|other")
        await sibling.profile.get()
        await client.profile.get()
        assert sibling.token == Secret("2|other")
        assert client.token == Secret(TOKEN)
    auth = [r.headers["Authorization"] for r in transport.requests]
    assert auth == ["Bearer 2|other", f"Bearer {TOKEN}"]


@pytest.mark.anyio
async def test_siblings_share_one_pool() -> None:
    transport = CountingTransport()
    client = AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=transport)
    sibling = client.with_options(timeout=5, max_retries=0)
    await client.profile.get()
    await sibling.profile.get()
    assert len(transport.requests) == 2  # both through the one transport
    await client.aclose()
    assert transport.closed == 1  # one pool: closed once


@pytest.mark.anyio
async def test_closing_a_sibling_leaves_the_pool_open() -> None:
    transport = CountingTransport()
    client = AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=transport)
    sibling = client.with_token("2|other")
    await sibling.profile.get()
    await sibling.aclose()
    assert transport.closed == 0
    assert not client.is_closed
    await client.profile.get()  # still works
    assert len(transport.requests) == 2
    await client.aclose()
    assert transport.closed == 1
    assert client.is_closed
    assert sibling.is_closed
    with pytest.raises(RuntimeError, match="closed"):
        await sibling.profile.get()


@pytest.mark.anyio
async def test_closing_twice_is_fine() -> None:
    transport = CountingTransport()
    client = AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=transport)
    await client.profile.get()
    await client.aclose()
    await client.aclose()
    assert transport.closed == 1


@pytest.mark.anyio
async def test_closing_an_unused_client_is_fine() -> None:
    client = AsyncModelsLab(TOKEN)
    await client.aclose()
    assert client.is_closed


@pytest.mark.anyio
async def test_a_closed_client_refuses_requests() -> None:
    client = AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=CountingTransport())
    await client.aclose()
    with pytest.raises(RuntimeError, match="closed"):
        await client.profile.get()


@pytest.mark.anyio
async def test_context_manager_returns_the_client_and_closes_it() -> None:
    transport = CountingTransport()
    async with AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=transport) as client:
        assert isinstance(client, AsyncModelsLab)
        await client.profile.get()
    assert client.is_closed
    assert transport.closed == 1


def test_with_options_rejects_unknown_options() -> None:
    with pytest.raises(TypeError, match="colour"):
        AsyncModelsLab(TOKEN).with_options(colour="blue")


def test_clients_are_immutable() -> None:
    client = AsyncModelsLab(TOKEN)
    with pytest.raises(AttributeError):
        client.token = Secret("x")  # type: ignore[misc]
    with pytest.raises(AttributeError):
        client.base_url = "https://x"  # type: ignore[misc]


@pytest.mark.anyio
async def test_a_passed_http_client_is_used_and_left_open() -> None:
    transport = CountingTransport()
    async with httpx.AsyncClient(transport=transport) as http:
        client = AsyncModelsLab(TOKEN, base_url=BASE_URL, http_client=http)
        await client.profile.get()
        await client.aclose()
        assert not http.is_closed
        request = transport.requests[0]
        assert request.headers["User-Agent"].startswith("modelslab-agents/")
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_transport_and_http_client_are_exclusive() -> None:
    with pytest.raises(ValueError, match="not both"):
        AsyncModelsLab(transport=CountingTransport(), http_client=httpx.AsyncClient())


def test_transport_must_be_async() -> None:
    with pytest.raises(TypeError, match="AsyncBaseTransport"):
        AsyncModelsLab(transport=httpx.HTTPTransport())  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [-1, 1.5, True, "2"])
def test_max_retries_must_be_a_non_negative_int(value: object) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        AsyncModelsLab(max_retries=value)  # type: ignore[arg-type]


# -- headers -------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_user_agent_names_the_sdk_and_version(router: respx.MockRouter) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    async with make_client(router) as client:
        await client.profile.get()
    request = router.calls.last.request
    assert request.headers["User-Agent"].startswith(
        f"modelslab-agents/{modelslab_agents.__version__}"
    )
    assert request.headers["Accept"] == "application/json"


@pytest.mark.anyio
async def test_default_headers_are_sent_and_may_replace_the_user_agent(
    router: respx.MockRouter,
) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    headers = {"X-Team": "blue", "user-agent": "my-app/1.0"}
    async with make_client(router, default_headers=headers) as client:
        await client.profile.get()
    request = router.calls.last.request
    assert request.headers["X-Team"] == "blue"
    assert request.headers.get_list("User-Agent") == ["my-app/1.0"]


@pytest.mark.anyio
async def test_redirects_are_not_followed(router: respx.MockRouter) -> None:
    router.get("/me").mock(
        return_value=httpx.Response(302, headers={"Location": "https://elsewhere.example/me"})
    )
    async with make_client(router, max_retries=0) as client:
        with pytest.raises(modelslab_agents.APIError):
            await client.profile.get()
    assert router.calls.call_count == 1


# -- timeouts ------------------------------------------------------------------------------


def _timeout_of(request: httpx.Request) -> dict[str, float | None]:
    timeout: dict[str, float | None] = request.extensions["timeout"]
    return timeout


@pytest.mark.anyio
async def test_default_timeout_is_finite(router: respx.MockRouter) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    async with make_client(router) as client:
        await client.profile.get()
    timeout = _timeout_of(router.calls.last.request)
    assert set(timeout) == {"connect", "read", "write", "pool"}
    assert all(isinstance(v, float) and 0 < v < 600 for v in timeout.values())


@pytest.mark.anyio
async def test_timeout_in_seconds_and_per_sibling(router: respx.MockRouter) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    async with make_client(router, timeout=7) as client:
        await client.profile.get()
        assert set(_timeout_of(router.calls.last.request).values()) == {7.0}
        await client.with_options(timeout=httpx.Timeout(3.0)).profile.get()
        assert set(_timeout_of(router.calls.last.request).values()) == {3.0}


@pytest.mark.parametrize(
    "timeout", [None, httpx.Timeout(None), httpx.Timeout(5.0, read=None), 0, -1, "5"]
)
def test_timeouts_that_could_hang_are_rejected(timeout: object) -> None:
    with pytest.raises(ValueError, match="timeout"):
        AsyncModelsLab(timeout=timeout)  # type: ignore[arg-type]


def test_sibling_timeout_none_is_rejected() -> None:
    with pytest.raises(ValueError, match="timeout"):
        AsyncModelsLab().with_options(timeout=None)


@pytest.mark.anyio
async def test_with_token_none_means_no_token_even_with_one_in_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MODELSLAB_AGENT_TOKEN", "9|from-env")
    transport = CountingTransport()
    async with AsyncModelsLab(TOKEN, base_url=BASE_URL, transport=transport) as client:
        anonymous = client.with_token(None)
        assert anonymous.token is None
        with pytest.raises(MissingTokenError):
            await anonymous.profile.get()
    assert transport.requests == []


def test_credentials_in_base_url_are_refused_without_echoing_them() -> None:
    with pytest.raises(ValueError, match="credentials") as caught:
        AsyncModelsLab(base_url="https://user:hunter2-secret@api.test/v1")
    assert "hunter2" not in str(caught.value)


@pytest.mark.anyio
async def test_a_users_http_client_keeps_its_event_hooks_and_headers() -> None:
    transport = CountingTransport()
    seen: list[str] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(request.url.path)

    http = httpx.AsyncClient(
        transport=transport, event_hooks={"request": [hook]}, headers={"X-Team": "blue"}
    )
    async with AsyncModelsLab(TOKEN, base_url=BASE_URL, http_client=http) as client:
        await client.profile.get()
    assert seen == ["/api/agents/v1/me"]
    assert transport.requests[0].headers["X-Team"] == "blue"
    assert transport.requests[0].headers["User-Agent"].startswith("modelslab-agents/")
    await http.aclose()


@contextlib.contextmanager
def _recording_proxy() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback "proxy" that records the first line of one request, then hangs up."""
    lines: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(10)

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _ = server.accept()
            with conn, conn.makefile("rb") as incoming:
                lines.append(incoming.readline().strip())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", lines
    finally:
        server.close()
        thread.join(10)


@pytest.mark.anyio
async def test_a_proxy_from_the_environment_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    with _recording_proxy() as (proxy, lines):
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        async with AsyncModelsLab(TOKEN, base_url=BASE_URL, max_retries=0) as client:
            with pytest.raises(APIConnectionError):
                await client.profile.get()
    assert lines == [b"CONNECT api.test:443 HTTP/1.1"]  # TLS end to end, through the proxy


@pytest.mark.anyio
@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy"])
async def test_a_loopback_base_url_never_goes_through_a_proxy(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    # Over plain http the proxy would see the bearer token in clear.
    fake = FakeControlPlane()
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")
    monkeypatch.setenv(variable, "http://proxy.example:3128")
    with fake.serve() as base_url:
        async with AsyncModelsLab(token, base_url=base_url, max_retries=0) as client:
            assert (await client.profile.get()).email == "ada@example.com"


# -- what users get from httpx -------------------------------------------------------------


@pytest.mark.anyio
async def test_errors_carry_httpxs_own_response_and_request_objects() -> None:
    fake = FakeControlPlane()
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")
    with fake.serve() as base_url:
        async with AsyncModelsLab(token, base_url=base_url, max_retries=0) as client:
            with pytest.raises(NotFoundError) as caught:
                await client.api_keys.get(424242)
    response = caught.value.response
    assert response is not None
    assert isinstance(response.elapsed, datetime.timedelta)
    assert response.request.url == f"{base_url}/api-keys/424242"
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.anyio
async def test_a_connection_error_keeps_httpxs_request() -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api/agents/v1"
    async with AsyncModelsLab(TOKEN, base_url=url, max_retries=0) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.profile.get()
    cause = caught.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert cause.request.url == f"{url}/me"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# -- answers are bounded in size -----------------------------------------------------------

MiB = 1024 * 1024
CAP = DEFAULT_MAX_RESPONSE_BYTES
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"


def _huge_body(conn: socket.socket) -> None:
    conn.sendall(HEAD + b"Content-Length: %d\r\n\r\n" % (300 * MiB) + b'{"data": "')
    piece = b"x" * MiB
    for _ in range(300):
        conn.sendall(piece)


def _gzip_bomb(conn: socket.socket) -> None:
    body = _bomb()
    conn.sendall(HEAD + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(body))
    conn.sendall(body)


def _endless_chunks(conn: socket.socket) -> None:
    conn.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (64 * 1024, b" " * 64 * 1024)
    while True:
        conn.sendall(chunk)


def _understated_length(conn: socket.socket) -> None:
    conn.sendall(HEAD + b"Content-Length: 10\r\n\r\n" + b'{"data": "')
    piece = b"x" * MiB
    for _ in range(300):
        conn.sendall(piece)


@functools.cache
def _bomb() -> bytes:
    """64 MiB of JSON whitespace, gzipped (about 64 KiB): 16 times the cap."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    blank = b" " * MiB
    return b"".join(packer.compress(blank) for _ in range(64)) + packer.flush()


@contextlib.contextmanager
def _hostile_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A loopback server answering every connection with ``answer``."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn, contextlib.suppress(OSError):
                conn.makefile("rb").readline()  # the request line is enough
                answer(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/api/agents/v1"
    finally:
        stop.set()
        thread.join(30)
        server.close()


async def _profile_get_against(answer: Callable[[socket.socket], None]) -> tuple[Exception, int]:
    """The error ``profile.get()`` raises against a hostile server, and the peak memory
    traced while it ran."""
    with _hostile_server(answer) as base_url:
        async with AsyncModelsLab(TOKEN, base_url=base_url, max_retries=0) as client:
            tracemalloc.start()
            try:
                with pytest.raises(Exception) as caught:
                    await client.profile.get()
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    assert isinstance(caught.value, Exception)
    return caught.value, peak


@pytest.mark.anyio
@pytest.mark.parametrize(
    "answer", [_huge_body, _gzip_bomb, _endless_chunks], ids=["300MiB", "gzip-bomb", "endless"]
)
async def test_a_hostile_answer_is_cut_at_the_cap_with_bounded_memory(
    answer: Callable[[socket.socket], None],
) -> None:
    if answer is _gzip_bomb:
        _bomb()  # built before measuring
    error, peak = await _profile_get_against(answer)
    assert isinstance(error, ResponseTooLargeError)
    assert isinstance(error, ResponseDecodeError)
    assert f"max_response_bytes ({CAP} bytes)" in str(error)
    assert peak < CAP + 6 * MiB, f"peak {peak / MiB:.1f} MiB"


@pytest.mark.anyio
async def test_a_body_longer_than_its_content_length_is_never_read_past_it() -> None:
    error, peak = await _profile_get_against(_understated_length)
    assert isinstance(error, ResponseDecodeError)
    assert not isinstance(error, ResponseTooLargeError)  # 10 bytes were read
    assert peak < 6 * MiB, f"peak {peak / MiB:.1f} MiB"


@pytest.mark.anyio
async def test_an_in_process_answer_longer_than_it_says_is_still_cut_at_the_cap() -> None:
    def lying(request: httpx.Request) -> httpx.Response:
        body = b'{"data": {"id": 1, "name": "' + b"x" * 5000 + b'"}}'
        return httpx.Response(200, headers={"Content-Length": "10"}, content=body)

    transport = httpx.MockTransport(lying)
    async with AsyncModelsLab(
        TOKEN, base_url=BASE_URL, transport=transport, max_response_bytes=1000
    ) as client:
        with pytest.raises(ResponseTooLargeError, match=r"max_response_bytes \(1000 bytes\)"):
            await client.profile.get()


@pytest.mark.anyio
async def test_the_answer_cap_is_configurable_and_siblings_inherit_it(
    router: respx.MockRouter,
) -> None:
    router.get("/me").mock(return_value=ok({"id": 1, "name": "x" * 2000}))
    async with make_client(router, max_response_bytes=1000) as client:
        with pytest.raises(ResponseTooLargeError, match=r"max_response_bytes \(1000 bytes\)"):
            await client.profile.get()
        with pytest.raises(ResponseTooLargeError):
            await client.with_token("2|other").profile.get()
        assert (await client.with_options(max_response_bytes=10_000).profile.get()).id == 1
    assert len(router.calls) == 3  # never retried


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "big"])
def test_the_answer_cap_must_be_a_positive_int(value: object) -> None:
    with pytest.raises(ValueError, match="max_response_bytes"):
        AsyncModelsLab(max_response_bytes=value)  # type: ignore[arg-type]


# -- finite timeouts -----------------------------------------------------------------------

INF, NAN = float("inf"), float("nan")


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"timeout": INF}, "timeout"),
        ({"timeout": NAN}, "timeout"),
        ({"timeout": httpx.Timeout(INF)}, "timeout.connect"),
        ({"timeout": httpx.Timeout(5.0, read=NAN)}, "timeout.read"),
        ({"timeout": httpx.Timeout(5.0, pool=-1.0)}, "timeout.pool"),
        ({"total_timeout": INF}, "total_timeout"),
        ({"total_timeout": NAN}, "total_timeout"),
        ({"total_timeout": -1}, "total_timeout"),
        ({"retry_backoff": INF}, "retry_backoff"),
        ({"max_retry_after": NAN}, "max_retry_after"),
        ({"max_retry_after": -5}, "max_retry_after"),
    ],
)
def test_timeouts_that_are_not_finite_are_refused_at_construction(
    options: dict[str, Any], named: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(named)):
        AsyncModelsLab(**options)
    with pytest.raises(ValueError, match=re.escape(named)):
        AsyncModelsLab().with_options(**options)


# -- options shared by both constructors and with_options ----------------------------------


@pytest.mark.anyio
async def test_with_options_allow_insecure_http_keeps_the_base_url(
    router: respx.MockRouter,
) -> None:
    router.get("/me").mock(return_value=ok(PROFILE))
    async with make_client(router) as client:
        sibling = client.with_options(allow_insecure_http=True)
        assert sibling.base_url == BASE_URL
        await sibling.profile.get()
        assert client.with_options(max_retries=0).base_url == BASE_URL


def test_both_constructors_and_with_options_take_the_same_options() -> None:
    from modelslab_agents import ModelsLab
    from modelslab_agents._options import ClientOptions, SiblingOptions

    shared = set(ClientOptions.__optional_keys__) - {"transport", "http_client"}
    assert set(SiblingOptions.__optional_keys__) == shared | {"token"}
    options = {"timeout": 7.0, "max_retries": 1, "max_response_bytes": 1234}
    for cls in (AsyncModelsLab, ModelsLab):
        with pytest.raises(TypeError, match="colour"):
            cls(colour="blue")  # type: ignore[call-arg]
        client = cls(TOKEN, **options)  # type: ignore[arg-type]
        assert client.with_options(base_url="https://other.test").base_url == "https://other.test"


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Trace": "line\r\nX-Injected: 1"},
        {"X-Trace": "tab\x00nul"},
        {"X-Trace": "caf\u00e9-secret"},
        {"X-Trace": " padded-secret "},
        {"Bad Name": "value-secret"},
        {"X-Trace": 5},
    ],
    ids=["crlf", "nul", "non-ascii", "padded", "bad-name", "not-a-str"],
)
def test_default_headers_that_cannot_be_sent_are_refused_without_echoing_them(
    headers: dict[str, Any],
) -> None:
    with pytest.raises((ValueError, TypeError)) as caught:
        AsyncModelsLab(default_headers=headers)
    value = next(iter(headers.values()))
    assert not isinstance(value, str) or value.strip() not in str(caught.value)
    with pytest.raises((ValueError, TypeError)):
        AsyncModelsLab().with_options(default_headers=headers)


# -- an error before any byte was sent ------------------------------------------------------


@pytest.mark.anyio
async def test_a_request_h11_refuses_is_not_retried_nor_said_to_have_reached_the_server() -> None:
    fake = FakeControlPlane()
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")
    retries: list[object] = []
    with fake.serve() as base_url:
        # A user's client whose own header h11 will not write.
        http = httpx.AsyncClient(headers={"X-Bad": "nul\x00here"})
        async with AsyncModelsLab(
            token, base_url=base_url, http_client=http, on_retry=retries.append
        ) as client:
            with pytest.raises(APIConnectionError) as caught:
                await client.profile.get()
        await http.aclose()
    assert retries == []
    assert "never saw" in str(caught.value)
    assert "may have acted" not in str(caught.value)
    assert "nul" not in str(caught.value)
    assert fake.requests == []


# -- the aiohttp transport -----------------------------------------------------------------


@pytest.fixture
def aiohttp_transport() -> Callable[[], httpx.AsyncBaseTransport]:
    module = pytest.importorskip("httpx_aiohttp")
    transport: Callable[[], httpx.AsyncBaseTransport] = module.AiohttpTransport
    return transport


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # aiohttp runs on asyncio only
async def test_the_aiohttp_transport_serves_the_async_client(
    aiohttp_transport: Callable[[], httpx.AsyncBaseTransport],
) -> None:
    fake = FakeControlPlane()
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")
    with fake.serve() as base_url:
        async with AsyncModelsLab(token, base_url=base_url, transport=aiohttp_transport()) as c:
            created = await c.api_keys.create("fast")
            assert (await c.api_keys.get(created.id)).name == "fast"
            assert (await c.map(c.api_keys.get, [created.id] * 20)).ok
            with pytest.raises(NotFoundError) as caught:
                await c.api_keys.get(424242)
    assert caught.value.response is not None
    assert caught.value.response.request.url == f"{base_url}/api-keys/424242"


def test_the_aiohttp_transport_serves_the_blocking_client(
    aiohttp_transport: Callable[[], httpx.AsyncBaseTransport],
) -> None:
    from modelslab_agents import ModelsLab

    fake = FakeControlPlane()
    fake.create_account("ada@example.com", "correct horse battery")
    token = fake.issue_token("ada@example.com")
    with (
        fake.serve() as base_url,
        ModelsLab(token, base_url=base_url, transport=aiohttp_transport()) as client,
    ):
        created = client.api_keys.create("fast")
        assert client.api_keys.get(created.id).name == "fast"
        assert client.map(client.api_keys.get, [created.id] * 20).ok
        assert [k.name for k in client.api_keys.list()] == ["fast"]


def test_a_misspelt_option_is_a_type_error_under_mypy_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = mypy_strict_errors(
        "from modelslab_agents import AsyncModelsLab, ModelsLab\n"
        "AsyncModelsLab(max_retries=1).with_options(timeout=5.0, total_timeout=9.0)\n"
        "ModelsLab(base_url='https://x.test').with_options(max_retires=1)\n"
        "AsyncModelsLab(totl_timeout=3.0)\n",
        tmp_path,
        monkeypatch,
    )
    assert len(errors) == 2, errors
    assert '"max_retires"' in errors[0]
    assert '"totl_timeout"' in errors[1]


# -- cookies ---------------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_cookie_one_token_was_set_never_rides_with_another_tokens_requests() -> None:
    sent_cookies: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent_cookies.append(request.headers.get("cookie"))
        return httpx.Response(
            200,
            headers={"Set-Cookie": "laravel_session=s3ss10n; Path=/; HttpOnly"},
            json={"data": {"id": 1, "email": "ada@example.com"}},
        )

    async with AsyncModelsLab(
        TOKEN,
        base_url="https://api.example.com/api/agents/v1",
        transport=httpx.MockTransport(answer),
    ) as client:
        await client.profile.get()
        await client.with_token("2|another-token-value").profile.get()
        await client.profile.get()
    assert sent_cookies == [None, None, None]
