"""The retry policy, against the emulator: what is retried, when, how often, how visibly.

The rule is whether the server could have acted on the request. Refusals that come
before any work (429, 503 with ``Retry-After``, a connection never made) are retried for
every route; failures after which the server may have acted (5xx, a dropped or timed-out
answer, an unreadable answer) only for idempotent routes; client errors never.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest

from modelslab_agents import (
    APIConnectionError,
    APITimeoutError,
    AsyncModelsLab,
    AuthenticationError,
    ConflictError,
    InsufficientScopeError,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    RetryEvent,
    ServerError,
    ValidationError,
)
from modelslab_agents._retry import RetryPolicy
from modelslab_agents.testing import FakeControlPlane

from .conftest import OWNER_EMAIL, OWNER_PASSWORD, Recorder

ATTEMPT_HEADER = "X-ModelsLab-Attempt"


def client_for(
    fake: FakeControlPlane,
    token: str | None,
    events: list[RetryEvent] | None = None,
    **options: Any,
) -> AsyncModelsLab:
    options.setdefault("retry_backoff", 0)
    options.setdefault("transport", fake.transport())
    if events is not None:
        options["on_retry"] = events.append
    return AsyncModelsLab(token, **options)


def requests_to(fake: FakeControlPlane, method: str, path: str) -> list[int | None]:
    """Statuses of the requests ``fake`` handled for one route (None: no answer)."""
    return [r.status for r in fake.requests if r.method == method and r.path == path]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# -- classification -------------------------------------------------------------------

SLOW_TIMEOUT = httpx.Timeout(10.0, read=0.2)

IDEMPOTENT_FAULTS = [
    pytest.param({"kind": "server_error", "status": 500}, id="500"),
    pytest.param({"kind": "server_error", "status": 503, "retry_after": None}, id="503"),
    pytest.param({"kind": "html_error", "status": 502}, id="html-502"),
    pytest.param({"kind": "rate_limit", "retry_after": 0}, id="429"),
    pytest.param({"kind": "drop_before"}, id="drop-before"),
    pytest.param({"kind": "drop_after"}, id="drop-after"),
    pytest.param({"kind": "slow", "delay": 5.0}, id="slow"),
    pytest.param({"kind": "truncated"}, id="truncated"),
    pytest.param({"kind": "malformed"}, id="malformed"),
]


@pytest.mark.anyio
@pytest.mark.parametrize("fault", IDEMPOTENT_FAULTS)
@pytest.mark.parametrize("method", ["GET", "PUT"])
async def test_idempotent_requests_are_retried_after_every_fault(
    fake: FakeControlPlane, token: str, fault: dict[str, Any], method: str
) -> None:
    events: list[RetryEvent] = []
    async with client_for(fake, token, events, timeout=SLOW_TIMEOUT) as client:
        key = await client.api_keys.create("ci")
        fake.inject_fault(route=f"{method} /api-keys/{{id}}", **fault)
        if method == "GET":
            result = await client.api_keys.get(key.id)
        else:
            result = await client.api_keys.update(key.id, notes="rotated")
    assert result.id == key.id
    assert len(requests_to(fake, method, f"/api-keys/{key.id}")) == 2
    assert [e.attempt for e in events] == [2]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "fault",
    [
        pytest.param({"kind": "drop_after"}, id="drop-after"),
        pytest.param({"kind": "server_error", "status": 502}, id="502"),
        pytest.param({"kind": "truncated"}, id="truncated"),
    ],
)
async def test_a_retried_delete_that_finds_nothing_is_done(
    fake: FakeControlPlane, token: str, fault: dict[str, Any]
) -> None:
    async with client_for(fake, token) as client:
        key = await client.api_keys.create("ci")
        fake.inject_fault(route="DELETE /api-keys/{id}", **fault)
        assert await client.api_keys.delete(key.id) is None
    assert fake.api_keys_of(OWNER_EMAIL) == []
    assert len(requests_to(fake, "DELETE", f"/api-keys/{key.id}")) == 2


@pytest.mark.anyio
async def test_a_delete_of_nothing_is_still_not_found(fake: FakeControlPlane, token: str) -> None:
    # Only an earlier attempt that may have acted makes a 404 mean "done".
    async with client_for(fake, token) as client:
        with pytest.raises(NotFoundError):
            await client.api_keys.delete(4242)
        fake.inject_fault("server_error", status=503, retry_after=0, route="DELETE /api-keys/{id}")
        with pytest.raises(NotFoundError):  # a 503 with Retry-After was refused unacted
            await client.api_keys.delete(4242)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("fault", "error", "acted", "attempts"),
    [
        pytest.param({"kind": "server_error", "status": 500}, ServerError, 0, 1, id="500"),
        pytest.param({"kind": "html_error", "status": 502}, ServerError, 0, 1, id="html-502"),
        pytest.param(
            {"kind": "server_error", "status": 503, "retry_after": 0}, None, 1, 2, id="503-ra"
        ),
        pytest.param({"kind": "rate_limit", "retry_after": 0}, None, 1, 2, id="429"),
        pytest.param({"kind": "drop_before"}, APIConnectionError, 0, 1, id="drop-before"),
        pytest.param({"kind": "drop_after"}, APIConnectionError, 1, 1, id="drop-after"),
        pytest.param({"kind": "slow", "delay": 5.0}, APITimeoutError, 0, 1, id="slow"),
        pytest.param({"kind": "truncated"}, ResponseDecodeError, 1, 1, id="truncated"),
        pytest.param({"kind": "malformed"}, ResponseDecodeError, 1, 1, id="malformed"),
    ],
)
async def test_a_create_is_retried_only_when_the_server_cannot_have_acted(
    fake: FakeControlPlane,
    token: str,
    fault: dict[str, Any],
    error: type[Exception] | None,
    acted: int,
    attempts: int,
) -> None:
    fake.inject_fault(route="POST /api-keys", **fault)
    async with client_for(fake, token, timeout=SLOW_TIMEOUT) as client:
        if error is None:
            await client.api_keys.create("ci")
        else:
            with pytest.raises(error) as caught:
                await client.api_keys.create("ci")
            if isinstance(caught.value, APIConnectionError):
                assert "may have acted on it" in str(caught.value)
            if isinstance(caught.value, ResponseDecodeError):
                assert caught.value.status_code in (200, 201)  # it did act
    assert len(fake.api_keys_of(OWNER_EMAIL)) == acted  # never two
    assert len(requests_to(fake, "POST", "/api-keys")) == attempts


@pytest.mark.anyio
async def test_a_password_change_that_may_have_happened_is_not_reported_as_refused(
    fake: FakeControlPlane, token: str
) -> None:
    fake.inject_fault("drop_after", route="PATCH /me/password")
    async with client_for(fake, token) as client:
        with pytest.raises(APIConnectionError, match="may have acted"):
            await client.profile.update_password(OWNER_PASSWORD, "a-brand-new-password-9")
        # It did happen: the new password works.
        await client.auth.login(OWNER_EMAIL, "a-brand-new-password-9")


@pytest.mark.anyio
async def test_revoking_the_callers_own_token_is_not_reported_as_unauthenticated(
    fake: FakeControlPlane, token: str
) -> None:
    fake.inject_fault("drop_after", route="DELETE /auth/tokens/{id}")
    async with client_for(fake, token) as client:
        (own,) = await client.tokens.list()
        try:
            result = await client.tokens.revoke(own.id)
        except APIConnectionError:
            result = "ambiguous"
    assert result in (None, "ambiguous")  # done, or "may have acted"; never a 401
    assert fake.tokens_of(OWNER_EMAIL) == []


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["PUT", "DELETE"])
async def test_retries_that_run_out_still_say_an_earlier_attempt_may_have_acted(
    fake: FakeControlPlane, token: str, method: str
) -> None:
    async with client_for(fake, token, max_retries=2) as client:
        key = await client.api_keys.create("ci")
        fake.inject_fault("drop_after", route=f"{method} /api-keys/{{id}}")
        fake.inject_fault("server_error", status=500, route=f"{method} /api-keys/{{id}}", count=5)
        call = (
            client.api_keys.update(key.id, notes="rotated")
            if method == "PUT"
            else client.api_keys.delete(key.id)
        )
        with pytest.raises(APIConnectionError, match="may have acted"):
            await call
    assert requests_to(fake, method, f"/api-keys/{key.id}") == [None, 500, 500]
    # It did act: the notes changed, or the key is gone.
    assert [k["notes"] for k in fake.api_keys_of(OWNER_EMAIL)] in (["rotated"], [])


@pytest.mark.anyio
async def test_an_invitation_is_never_sent_twice(fake: FakeControlPlane, token: str) -> None:
    fake.inject_fault("drop_after", route="POST /teams")
    async with client_for(fake, token) as client:
        with pytest.raises(APIConnectionError):
            await client.teams.invite("grace@example.com")
    assert [m["email"] for m in fake.team_members_of(OWNER_EMAIL)] == ["grace@example.com"]
    assert [e.to for e in fake.outbox] == ["grace@example.com"]


@pytest.mark.anyio
async def test_a_request_that_never_left_is_retried_for_any_route() -> None:
    events: list[RetryEvent] = []
    base_url = f"http://127.0.0.1:{closed_port()}/api/agents/v1"
    async with AsyncModelsLab(
        "1|refused", base_url=base_url, retry_backoff=0, max_retries=2, on_retry=events.append
    ) as client:
        with pytest.raises(APIConnectionError, match="never saw the request"):
            await client.api_keys.create("ci")
    assert [(e.method, e.attempt, e.reason) for e in events] == [
        ("POST", 2, "ConnectError"),
        ("POST", 3, "ConnectError"),
    ]


@pytest.mark.anyio
async def test_client_errors_are_never_retried(fake: FakeControlPlane, token: str) -> None:
    events: list[RetryEvent] = []
    fake.create_account("grace@example.com", "another-password-77")
    read_only = fake.issue_token(OWNER_EMAIL, scopes=["api-keys:read"])
    async with client_for(fake, token, events) as client:
        await client.teams.invite("grace@example.com")
        calls: list[tuple[Callable[[], Any], type[Exception]]] = [
            (lambda: client.api_keys.get(999), NotFoundError),
            (lambda: client.api_keys.create("ci", notes="n" * 1001), ValidationError),
            (lambda: client.teams.invite("grace@example.com"), ConflictError),
            (lambda: client.with_token("1|not-a-token").profile.get(), AuthenticationError),
            (lambda: client.with_token(read_only).api_keys.create("x"), InsufficientScopeError),
        ]
        handled = len(fake.requests)
        for call, error in calls:
            with pytest.raises(error):
                await call()
    assert len(fake.requests) - handled == len(calls)
    assert events == []


# -- attempts, back-off, time ---------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("max_retries", [0, 1, 3])
async def test_attempts_are_capped(fake: FakeControlPlane, token: str, max_retries: int) -> None:
    fake.inject_fault("server_error", status=500, route="GET /me", count=10)
    async with client_for(fake, token, max_retries=max_retries) as client:
        with pytest.raises(ServerError):
            await client.profile.get()
    assert requests_to(fake, "GET", "/me") == [500] * (max_retries + 1)


@pytest.mark.anyio
async def test_every_retry_carries_its_attempt_number(fake: FakeControlPlane, token: str) -> None:
    recorder = Recorder(fake.transport())
    fake.inject_fault("server_error", status=502, route="GET /me", count=2)
    async with client_for(fake, token, transport=recorder) as client:
        await client.profile.get()
    attempts = [r.headers.get(ATTEMPT_HEADER) for r in recorder.sent]
    assert attempts[0] in (None, "1")
    assert attempts[1:] == ["2", "3"]
    assert len({r.headers["Authorization"] for r in recorder.sent}) == 1
    assert len({r.content for r in recorder.sent}) == 1


@pytest.mark.anyio
async def test_back_off_is_jittered_exponential_and_capped(
    fake: FakeControlPlane, token: str
) -> None:
    events: list[RetryEvent] = []
    fake.inject_fault("server_error", status=500, route="GET /me", count=5)
    async with client_for(fake, token, events, retry_backoff=0.004, max_retries=5) as client:
        await client.profile.get()
    delays = [e.delay for e in events]
    assert len(delays) == 5
    for retry, delay in enumerate(delays, start=1):
        ceiling = 0.004 * 2 ** (retry - 1)
        assert ceiling / 2 <= delay <= ceiling
    policy = RetryPolicy(backoff=1.0, max_backoff=8.0)
    samples = [policy.backoff_for(12) for _ in range(200)]
    assert all(4.0 <= s <= 8.0 for s in samples)  # capped at max_backoff, jittered below it
    assert len(set(samples)) > 150


@pytest.mark.anyio
async def test_zero_back_off_makes_retries_instant(fake: FakeControlPlane, token: str) -> None:
    events: list[RetryEvent] = []
    fake.inject_fault("server_error", status=500, route="GET /me", count=1)
    fake.inject_fault("drop_after", route="GET /me", count=1)
    async with client_for(fake, token, events, retry_backoff=0) as client:
        await client.profile.get()
    assert [(e.delay, e.reason) for e in events] == [(0.0, "status 500"), (0.0, "ReadError")]


@pytest.mark.anyio
async def test_total_timeout_stops_the_retries(fake: FakeControlPlane, token: str) -> None:
    # The first back-off (0.1-0.2 s) fits in 0.25 s; the second (0.2-0.4 s) no longer does.
    fake.inject_fault("server_error", status=500, route="GET /me", count=10)
    async with client_for(
        fake, token, retry_backoff=0.2, total_timeout=0.25, max_retries=10
    ) as client:
        with pytest.raises(ServerError):
            await client.profile.get()
    assert len(requests_to(fake, "GET", "/me")) == 2


@pytest.mark.anyio
async def test_total_timeout_bounds_the_attempt_in_flight(
    fake: FakeControlPlane, token: str
) -> None:
    # Each attempt may take 0.45 s; a second one starting at 0.45 s would end at 0.9 s.
    fake.inject_fault("slow", delay=30.0, route="GET /me", count=10)
    timeout = httpx.Timeout(10.0, read=0.45)
    async with client_for(fake, token, timeout=timeout, total_timeout=0.5, max_retries=5) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await client.profile.get()
        elapsed = time.monotonic() - started
    assert elapsed < 0.75


# -- Retry-After and the rate gate ------------------------------------------------------


@pytest.mark.anyio
async def test_retry_after_is_waited_out(fake: FakeControlPlane, token: str) -> None:
    events: list[RetryEvent] = []
    fake.inject_fault("rate_limit", retry_after=1, route="POST /api-keys")
    async with client_for(fake, token, events, max_retry_after=5) as client:
        started = time.monotonic()
        await client.api_keys.create("ci")
        waited = time.monotonic() - started
    assert [(e.delay, e.status_code) for e in events] == [(1.0, 429)]
    assert waited >= 0.9  # slept, not merely announced
    assert len(fake.api_keys_of(OWNER_EMAIL)) == 1


@pytest.mark.anyio
async def test_retry_after_beyond_the_cap_raises_at_once(
    fake: FakeControlPlane, token: str
) -> None:
    events: list[RetryEvent] = []
    fake.inject_fault("rate_limit", retry_after=30, route="POST /api-keys")
    async with client_for(fake, token, events, max_retry_after=10) as client:
        with anyio.fail_after(5):
            with pytest.raises(RateLimitError) as caught:
                await client.api_keys.create("ci")
            assert caught.value.retry_after == 30
            assert "retry after 30 s" in str(caught.value)
            # The quota headers of that 429 reset beyond the cap too: nothing is held.
            assert (await client.api_keys.create("ci")).name == "ci"
    assert events == []
    assert requests_to(fake, "POST", "/api-keys") == [429, 201]


@pytest.mark.anyio
async def test_a_503_retry_after_beyond_the_cap_raises_at_once(
    fake: FakeControlPlane, token: str
) -> None:
    fake.inject_fault("server_error", status=503, retry_after=120, route="GET /me")
    async with client_for(fake, token, max_retry_after=10) as client:
        with anyio.fail_after(5), pytest.raises(ServerError):
            await client.profile.get()
    assert requests_to(fake, "GET", "/me") == [503]


@pytest.mark.anyio
async def test_a_429_storm_ends_in_a_rate_limit_error_with_retry_after(
    fake: FakeControlPlane, token: str
) -> None:
    fake.inject_fault("rate_limit", retry_after=0, route="GET /me", count=5)
    async with client_for(fake, token, max_retries=1, max_retry_after=0.5) as client:
        with pytest.raises(RateLimitError) as caught:
            await client.profile.get()
    assert caught.value.retry_after == 0
    assert requests_to(fake, "GET", "/me") == [429, 429]


@pytest.mark.anyio
async def test_an_exhausted_quota_pauses_the_group_instead_of_provoking_a_429(
    fake: FakeControlPlane, token: str
) -> None:
    fake.set_rate_limit("agent-general", 3, 0.5)
    async with client_for(fake, token) as client:
        for _ in range(4):  # the fourth waits for the window to reset
            await client.profile.get()
    assert requests_to(fake, "GET", "/me") == [200] * 4


@pytest.mark.anyio
async def test_the_pause_holds_the_group_and_its_siblings_only(
    fake: FakeControlPlane, token: str
) -> None:
    fake.set_rate_limit("agent-general", 1, 30.0)
    async with client_for(fake, token) as client, client_for(fake, token) as stranger:
        await client.profile.get()  # the quota is used up for 30 s
        handled = len(fake.requests)
        with anyio.move_on_after(0.3) as held:
            await client.with_token(token).api_keys.list()
        assert held.cancel_called  # a sibling shares the pause
        assert len(fake.requests) == handled  # and sent nothing
        await client.auth.forgot_password(OWNER_EMAIL)  # another group is not held
        with pytest.raises(RateLimitError):  # another client has a gate of its own
            await stranger.with_options(max_retries=0).profile.get()
    assert [r.status for r in fake.requests[handled:]] == [200, 429]


@pytest.mark.anyio
async def test_a_paused_group_never_holds_a_call_past_its_total_timeout(
    fake: FakeControlPlane, token: str
) -> None:
    fake.set_rate_limit("agent-general", 1, 30.0)
    async with client_for(fake, token, total_timeout=0.5, max_retry_after=60) as client:
        await client.profile.get()  # the quota is used up for 30 s; the client pauses
        with anyio.fail_after(2), pytest.raises(RateLimitError) as caught:
            await client.profile.get()
    assert caught.value.retry_after is not None
    assert caught.value.retry_after > 0.5


# -- visibility -----------------------------------------------------------------------


@pytest.mark.anyio
async def test_every_retry_calls_the_hook_and_logs_a_line(
    fake: FakeControlPlane, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    events: list[RetryEvent] = []
    fake.inject_fault("server_error", status=502, route="GET /api-keys/{id}", count=1)
    fake.inject_fault("drop_before", route="GET /api-keys/{id}", count=1)
    caplog.set_level(logging.INFO, logger="modelslab_agents")
    async with client_for(fake, token, events, max_retries=2) as client:
        key = await client.api_keys.create("ci")
        await client.api_keys.get(key.id)
    url = f"{client.base_url}/api-keys/{key.id}"
    assert [(e.operation_id, e.method, e.url, e.attempt, e.status_code) for e in events] == [
        ("api_keys.get", "GET", url, 2, 502),
        ("api_keys.get", "GET", url, 3, None),
    ]
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying")]
    assert retries == [
        f"retrying GET {url} in 0.00 s (attempt 2 of 3): status 502",
        f"retrying GET {url} in 0.00 s (attempt 3 of 3): ReadError",
    ]
    assert all(r.levelno == logging.INFO for r in caplog.records if "retrying" in r.getMessage())
