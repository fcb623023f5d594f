"""Retries: what is retried, how often, what is never repeated, and the rate gate.

Clients here use ``retry_backoff=0`` so a retry is instant; nothing asserts on
elapsed time. Pauses are checked by the order in which requests reach the server.
"""

from __future__ import annotations

import email.utils
import ssl
import time
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpcore
import httpx
import pytest
import respx
from conftest import BASE_URL, TOKEN, fail, make_client, ok

from modelslab_agents import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncModelsLab,
    NotFoundError,
    RateLimitError,
    RetryEvent,
    ServerError,
)
from modelslab_agents._client import ATTEMPT_HEADER
from modelslab_agents._retry import RetryPolicy, parse_retry_after

Call = Callable[[AsyncModelsLab], Awaitable[Any]]
API_KEY = {"id": 7, "name": "prod", "key": "sk-new"}
MEMBER = {"id": 9, "email": "bo@example.com", "status": "pending"}


def server_error() -> httpx.Response:
    return fail(503, None, "Service Unavailable")


def rate_limited(retry_after: str | None = "0") -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return fail(429, "rate_limited", "Too Many Attempts.", headers=headers)


GET_KEY: Call = lambda c: c.api_keys.get(7)  # noqa: E731
CREATE_KEY: Call = lambda c: c.api_keys.create("prod")  # noqa: E731
INVITE: Call = lambda c: c.teams.invite("bo@example.com")  # noqa: E731
NON_REPEATABLE = [
    pytest.param(CREATE_KEY, id="api_keys.create"),
    pytest.param(INVITE, id="teams.invite"),
]


# -- idempotent routes ---------------------------------------------------------------------


@pytest.mark.anyio
async def test_get_is_retried_on_5xx_until_it_succeeds(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(
        side_effect=[server_error(), server_error(), ok(API_KEY)]
    )
    async with make_client(router) as client:
        key = await client.api_keys.get(7)
    assert key.id == 7
    assert route.call_count == 3


@pytest.mark.anyio
async def test_get_gives_up_after_max_retries_with_server_error(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(return_value=server_error())
    async with make_client(router, max_retries=3) as client:
        with pytest.raises(ServerError) as info:
            await client.api_keys.get(7)
    assert route.call_count == 4
    assert info.value.status_code == 503


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("exc", "raised"),
    [
        (httpx.ReadError("connection reset"), APIConnectionError),
        (httpx.RemoteProtocolError("peer closed"), APIConnectionError),
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
        (httpx.WriteTimeout("write timed out"), APITimeoutError),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else v.__name__,
)
async def test_get_is_retried_on_transport_errors(
    router: respx.MockRouter, exc: Exception, raised: type[Exception]
) -> None:
    route = router.get("/api-keys/7").mock(side_effect=exc)
    async with make_client(router) as client:
        with pytest.raises(raised) as info:
            await client.api_keys.get(7)
    assert route.call_count == 3  # the first attempt and max_retries=2 more
    assert isinstance(info.value.__cause__, type(exc))
    assert "may have acted" in str(info.value)


def test_timeout_error_is_a_connection_error_and_a_timeout() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APITimeoutError, TimeoutError)


@pytest.mark.anyio
async def test_get_recovers_after_a_read_timeout(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(side_effect=[httpx.ReadTimeout("slow"), ok(API_KEY)])
    async with make_client(router) as client:
        assert (await client.api_keys.get(7)).id == 7
    assert route.call_count == 2


@pytest.mark.anyio
@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
async def test_client_errors_are_never_retried(router: respx.MockRouter, status: int) -> None:
    route = router.get("/api-keys/7").mock(return_value=fail(status, None, "no"))
    async with make_client(router) as client:
        with pytest.raises(APIError):
            await client.api_keys.get(7)
    assert route.call_count == 1


# -- routes that must not run twice --------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("call", NON_REPEATABLE)
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_create_and_invite_are_not_retried_on_5xx(
    router: respx.MockRouter, call: Call, status: int
) -> None:
    router.route().mock(return_value=fail(status, None, "boom"))
    async with make_client(router) as client:
        with pytest.raises(ServerError):
            await call(client)
    assert router.calls.call_count == 1


@pytest.mark.anyio
@pytest.mark.parametrize("call", NON_REPEATABLE)
@pytest.mark.parametrize(
    ("exc", "raised"),
    [
        (httpx.ReadError("reset"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.WriteError("broken pipe"), APIConnectionError),
        (httpx.RemoteProtocolError("closed"), APIConnectionError),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else v.__name__,
)
async def test_create_and_invite_are_not_retried_after_the_server_may_have_acted(
    router: respx.MockRouter, call: Call, exc: Exception, raised: type[Exception]
) -> None:
    router.route().mock(side_effect=exc)
    async with make_client(router) as client:
        with pytest.raises(raised):
            await call(client)
    assert router.calls.call_count == 1


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("call", "answer"),
    [
        pytest.param(CREATE_KEY, API_KEY, id="api_keys.create"),
        pytest.param(INVITE, MEMBER, id="teams.invite"),
    ],
)
@pytest.mark.parametrize(
    "exc",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("connect"), httpx.PoolTimeout("pool")],
    ids=lambda e: type(e).__name__,
)
async def test_create_and_invite_are_retried_when_the_request_never_left(
    router: respx.MockRouter, call: Call, answer: Any, exc: Exception
) -> None:
    router.route().mock(side_effect=[exc, ok(answer, status=201)])
    async with make_client(router) as client:
        result = await call(client)
    assert result.id == answer["id"]
    assert router.calls.call_count == 2


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("call", "answer"),
    [
        pytest.param(CREATE_KEY, API_KEY, id="api_keys.create"),
        pytest.param(INVITE, MEMBER, id="teams.invite"),
    ],
)
async def test_create_and_invite_are_retried_on_429(
    router: respx.MockRouter, call: Call, answer: Any
) -> None:
    router.route().mock(side_effect=[rate_limited("0"), ok(answer, status=201)])
    async with make_client(router) as client:
        result = await call(client)
    assert result.id == answer["id"]
    assert router.calls.call_count == 2


@pytest.mark.anyio
async def test_post_is_retried_on_503_with_retry_after(router: respx.MockRouter) -> None:
    busy = fail(503, None, "Maintenance", headers={"Retry-After": "0"})
    router.post("/api-keys").mock(side_effect=[busy, ok(API_KEY, status=201)])
    async with make_client(router) as client:
        assert (await client.api_keys.create("prod")).id == 7
    assert router.calls.call_count == 2


@pytest.mark.anyio
async def test_connect_errors_exhaust_to_api_connection_error(router: respx.MockRouter) -> None:
    router.route().mock(side_effect=httpx.ConnectError("refused"))
    async with make_client(router, max_retries=1) as client:
        with pytest.raises(APIConnectionError) as info:
            await client.api_keys.create("prod")
    assert type(info.value) is APIConnectionError
    assert "never saw the request" in str(info.value)
    assert "ConnectError: refused" in str(info.value)
    assert router.calls.call_count == 2


def _certificate_error() -> httpx.ConnectError:
    """What httpx raises for a server whose certificate fails verification."""
    try:
        try:
            raise ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed")
        except ssl.SSLError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
    except httpcore.ConnectError as exc:
        try:
            raise httpx.ConnectError(str(exc)) from exc
        except httpx.ConnectError as mapped:
            return mapped


@pytest.mark.anyio
async def test_a_certificate_that_fails_verification_is_not_retried() -> None:
    # Safe to repeat (the request never left), but a bad certificate stays bad. A plain
    # MockTransport, because respx re-raises side effects without their cause.
    attempts = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise _certificate_error()

    transport = httpx.MockTransport(handler)
    async with AsyncModelsLab(
        TOKEN, base_url=BASE_URL, transport=transport, max_retries=3, retry_backoff=0
    ) as client:
        with pytest.raises(APIConnectionError, match="certificate verify failed"):
            await client.profile.get()
    assert len(attempts) == 1


# -- 429 and Retry-After -------------------------------------------------------------------


@pytest.mark.anyio
async def test_429_within_the_cap_is_retried(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(side_effect=[rate_limited("0"), ok(API_KEY)])
    async with make_client(router, max_retry_after=5) as client:
        assert (await client.api_keys.get(7)).id == 7
    assert route.call_count == 2


@pytest.mark.anyio
async def test_429_as_http_date_in_the_past_is_retried(router: respx.MockRouter) -> None:
    past = email.utils.formatdate(time.time() - 60, usegmt=True)
    route = router.get("/api-keys/7").mock(side_effect=[rate_limited(past), ok(API_KEY)])
    async with make_client(router) as client:
        assert (await client.api_keys.get(7)).id == 7
    assert route.call_count == 2


@pytest.mark.anyio
@pytest.mark.parametrize(("retry_after", "cap"), [("30", 5.0), ("120", 60.0)])
async def test_429_beyond_the_cap_raises_at_once(
    router: respx.MockRouter, retry_after: str, cap: float
) -> None:
    route = router.get("/api-keys/7").mock(return_value=rate_limited(retry_after))
    async with make_client(router, max_retry_after=cap) as client:
        with pytest.raises(RateLimitError) as info:
            await client.api_keys.get(7)
    assert route.call_count == 1
    assert info.value.retry_after == float(retry_after)


@pytest.mark.anyio
async def test_429_retries_are_capped_too(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(return_value=rate_limited("0"))
    async with make_client(router, max_retries=2) as client:
        with pytest.raises(RateLimitError) as info:
            await client.api_keys.get(7)
    assert route.call_count == 3
    assert info.value.retry_after == 0.0


@pytest.mark.anyio
async def test_429_without_retry_after_backs_off_and_retries(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(side_effect=[rate_limited(None), ok(API_KEY)])
    async with make_client(router) as client:
        assert (await client.api_keys.get(7)).id == 7
    assert route.call_count == 2


# -- switching retries off, and watching them ----------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "answer",
    [server_error(), rate_limited("0"), httpx.ReadError("reset"), httpx.ConnectError("refused")],
    ids=["503", "429", "ReadError", "ConnectError"],
)
async def test_max_retries_zero_turns_retries_off(router: respx.MockRouter, answer: Any) -> None:
    route = router.get("/api-keys/7").mock(side_effect=[answer, ok(API_KEY)])
    async with make_client(router, max_retries=0) as client:
        with pytest.raises((ServerError, RateLimitError, APIConnectionError)):
            await client.api_keys.get(7)
    assert route.call_count == 1


@pytest.mark.anyio
async def test_with_options_can_turn_retries_off(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(return_value=server_error())
    async with make_client(router) as client:
        with pytest.raises(ServerError):
            await client.with_options(max_retries=0).api_keys.get(7)
    assert route.call_count == 1


@pytest.mark.anyio
async def test_on_retry_gets_a_retry_event_per_retry(router: respx.MockRouter) -> None:
    events: list[RetryEvent] = []
    router.get("/api-keys/7").mock(
        side_effect=[server_error(), httpx.ReadTimeout("slow"), ok(API_KEY)]
    )
    async with make_client(router, on_retry=events.append) as client:
        await client.api_keys.get(7)
    assert [e.attempt for e in events] == [2, 3]
    first, second = events
    assert isinstance(first, RetryEvent)
    assert first.operation_id == "api_keys.get"
    assert first.method == "GET"
    assert first.url == f"{BASE_URL}/api-keys/7"
    assert first.status_code == 503
    assert "503" in first.reason
    assert first.delay == 0.0
    assert second.status_code is None
    assert second.reason == "ReadTimeout"


@pytest.mark.anyio
async def test_on_retry_sees_the_retry_after_delay(router: respx.MockRouter) -> None:
    events: list[RetryEvent] = []
    router.get("/api-keys/7").mock(side_effect=[rate_limited("0"), ok(API_KEY)])
    async with make_client(router, on_retry=events.append) as client:
        await client.api_keys.get(7)
    assert len(events) == 1
    assert events[0].status_code == 429
    assert events[0].delay == 0.0


@pytest.mark.anyio
async def test_no_retry_no_event(router: respx.MockRouter) -> None:
    events: list[RetryEvent] = []
    router.post("/api-keys").mock(return_value=server_error())
    async with make_client(router, on_retry=events.append) as client:
        with pytest.raises(ServerError):
            await client.api_keys.create("prod")
    assert events == []


@pytest.mark.anyio
async def test_retries_carry_the_attempt_header(router: respx.MockRouter) -> None:
    router.get("/api-keys/7").mock(side_effect=[server_error(), server_error(), ok(API_KEY)])
    async with make_client(router) as client:
        await client.api_keys.get(7)
    attempts = [call.request.headers.get(ATTEMPT_HEADER) for call in router.calls]
    assert ATTEMPT_HEADER == "X-ModelsLab-Attempt"
    assert attempts == [None, "2", "3"]
    # every attempt is the same request otherwise
    assert {call.request.headers["Authorization"] for call in router.calls} == {
        router.calls[0].request.headers["Authorization"]
    }


@pytest.mark.anyio
async def test_retried_post_sends_the_same_body(router: respx.MockRouter) -> None:
    router.post("/api-keys").mock(side_effect=[httpx.ConnectError("refused"), ok(API_KEY)])
    async with make_client(router) as client:
        await client.api_keys.create("prod", notes="n")
    first, second = (call.request for call in router.calls)
    assert first.content == second.content
    assert second.headers[ATTEMPT_HEADER] == "2"


@pytest.mark.anyio
async def test_total_timeout_stops_retrying(router: respx.MockRouter) -> None:
    route = router.get("/api-keys/7").mock(return_value=server_error())
    # The first back-off (at least 0.5 s of 1 s) cannot fit in a 0.1 s budget.
    async with make_client(router, retry_backoff=1.0, total_timeout=0.1) as client:
        with pytest.raises(ServerError):
            await client.api_keys.get(7)
    assert route.call_count == 1


# -- the rate gate -------------------------------------------------------------------------


def _recording(order: list[str], response: Callable[[], httpx.Response]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        order.append(request.url.path.removeprefix("/api/agents/v1"))
        return response()

    return handler


@pytest.mark.anyio
@pytest.mark.parametrize("reset", ["relative", "epoch"])
async def test_exhausted_quota_pauses_the_next_call_of_the_same_group(
    router: respx.MockRouter, reset: str
) -> None:
    order: list[str] = []
    reset_value = "0.3" if reset == "relative" else f"{time.time() + 0.3:.3f}"
    exhausted = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset_value}
    router.get("/api-keys").mock(side_effect=_recording(order, lambda: ok([], headers=exhausted)))
    router.get("/teams").mock(side_effect=_recording(order, lambda: ok([])))
    router.post("/auth/forgot-password").mock(side_effect=_recording(order, lambda: ok()))

    async with make_client(router) as client:
        await client.api_keys.list()  # agent-general: quota now used up
        async with anyio.create_task_group() as tg:
            tg.start_soon(client.teams.list)  # agent-general: must wait for the reset
            await anyio.wait_all_tasks_blocked()
            assert order == ["/api-keys"]
            await client.auth.forgot_password("ada@example.com")  # agent-auth: not held
            assert order == ["/api-keys", "/auth/forgot-password"]
        assert order == ["/api-keys", "/auth/forgot-password", "/teams"]


@pytest.mark.anyio
async def test_remaining_quota_does_not_pause(router: respx.MockRouter) -> None:
    order: list[str] = []
    headers = {"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "30"}
    router.get("/api-keys").mock(side_effect=_recording(order, lambda: ok([], headers=headers)))
    router.get("/teams").mock(side_effect=_recording(order, lambda: ok([])))
    async with make_client(router) as client:
        await client.api_keys.list()
        async with anyio.create_task_group() as tg:
            tg.start_soon(client.teams.list)
            await anyio.wait_all_tasks_blocked()
            assert order == ["/api-keys", "/teams"]


@pytest.mark.anyio
async def test_a_reset_beyond_the_cap_is_not_waited_for(router: respx.MockRouter) -> None:
    order: list[str] = []
    exhausted = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "3600"}
    router.get("/api-keys").mock(side_effect=_recording(order, lambda: ok([], headers=exhausted)))
    router.get("/teams").mock(side_effect=_recording(order, lambda: ok([])))
    async with make_client(router, max_retry_after=60) as client:
        await client.api_keys.list()
        async with anyio.create_task_group() as tg:
            tg.start_soon(client.teams.list)
            await anyio.wait_all_tasks_blocked()
            assert order == ["/api-keys", "/teams"]


@pytest.mark.anyio
async def test_a_429_holds_the_group_for_siblings_too(router: respx.MockRouter) -> None:
    order: list[str] = []
    answers = iter([rate_limited("0.3"), ok([])])
    router.get("/api-keys").mock(side_effect=_recording(order, lambda: next(answers)))
    router.get("/teams").mock(side_effect=_recording(order, lambda: ok([])))
    async with make_client(router) as client:
        sibling = client.with_token("2|another-token")
        async with anyio.create_task_group() as tg:
            tg.start_soon(client.api_keys.list)  # gets the 429, waits 0.3 s, retries
            await anyio.wait_all_tasks_blocked()
            assert order == ["/api-keys"]
            tg.start_soon(sibling.teams.list)  # same group, same gate: waits as well
            await anyio.wait_all_tasks_blocked()
            assert order == ["/api-keys"]
    assert sorted(order[1:]) == ["/api-keys", "/teams"]


# -- the pieces ----------------------------------------------------------------------------


def test_backoff_is_jittered_doubling_and_capped() -> None:
    policy = RetryPolicy(backoff=0.5, max_backoff=4.0)
    for retry, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (10, 4.0)]:
        for _ in range(50):
            assert ceiling / 2 <= policy.backoff_for(retry) <= ceiling
    assert RetryPolicy(backoff=0).backoff_for(3) == 0.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5.0), ("0", 0.0), ("1.5", 1.5), ("-3", 0.0), (" 7 ", 7.0), ("soon", None)],
)
def test_parse_retry_after(value: str, expected: float | None) -> None:
    assert parse_retry_after({"retry-after": value}) == expected


def test_parse_retry_after_absent_and_dates() -> None:
    assert parse_retry_after({}) is None
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after({"retry-after": date}, now=now) == pytest.approx(30.0)
    assert parse_retry_after({"retry-after": date}, now=now + 100) == 0.0


@pytest.mark.anyio
@pytest.mark.parametrize(
    "exhausted",
    [
        {"X-RateLimit-Remaining": "0"},
        {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "soon"},
        {"X-RateLimit-Remaining": "none", "X-RateLimit-Reset": "30"},
    ],
    ids=["no-reset", "reset-not-a-number", "remaining-not-a-number"],
)
async def test_rate_limit_headers_that_say_nothing_usable_hold_nothing(
    router: respx.MockRouter, exhausted: dict[str, str]
) -> None:
    order: list[str] = []
    router.get("/api-keys").mock(side_effect=_recording(order, lambda: ok([], headers=exhausted)))
    router.get("/teams").mock(side_effect=_recording(order, lambda: ok([])))
    async with make_client(router) as client:
        await client.api_keys.list()
        async with anyio.create_task_group() as tg:
            tg.start_soon(client.teams.list)
            await anyio.wait_all_tasks_blocked()
            assert order == ["/api-keys", "/teams"]


@pytest.mark.anyio
async def test_retried_delete_that_finds_nothing_counts_as_done(router: respx.MockRouter) -> None:
    # The first attempt deleted the key but its answer was lost; the retry's 404
    # means the goal (no such key) is met, not that the delete failed.
    route = router.delete("/api-keys/5").mock(
        side_effect=[httpx.ReadError("reset"), fail(404, "not_found", "No such key.")]
    )
    async with make_client(router) as client:
        assert await client.api_keys.delete(5) is None
    assert route.call_count == 2


@pytest.mark.anyio
async def test_first_attempt_404_on_delete_is_still_not_found(router: respx.MockRouter) -> None:
    router.delete("/api-keys/5").mock(return_value=fail(404, "not_found", "No such key."))
    async with make_client(router) as client:
        with pytest.raises(NotFoundError):
            await client.api_keys.delete(5)
