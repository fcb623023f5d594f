"""`AsyncModelsLab`: configuration from arguments and environment, transport safety,
siblings that share one pool, closing, headers and timeouts."""

from __future__ import annotations

import httpx
import pytest
import respx
from conftest import BASE_URL, TOKEN, make_client, ok, transport_for

import modelslab_agents
from modelslab_agents import (
    AsyncModelsLab,
    InsecureTransportError,
    MissingTokenError,
    ModelsLabError,
    Secret,
)
from modelslab_agents._client import DEFAULT_BASE_URL

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
    assert sibling._pool is client._pool
    assert sibling._pool.http is client._pool.http
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


@pytest.mark.anyio
async def test_a_proxy_from_the_environment_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    # A mounted proxy means requests must take httpx's public path, which routes them;
    # without one, the SDK's own pool sends straight to its transport.
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    async with AsyncModelsLab(TOKEN, base_url=BASE_URL) as client:
        http = client._pool.client()
        assert client._pool.direct is None
        assert http._mounts  # httpx routes this client's requests through the proxy
    monkeypatch.delenv("HTTPS_PROXY")
    async with AsyncModelsLab(TOKEN, base_url=BASE_URL) as client:
        client._pool.client()
        assert client._pool.direct is not None
