"""Fuzzing the answers: whatever a server sends, the SDK returns a valid result or raises
one of its own errors, and never hangs.

Hypothesis generates server answers (status x headers x body): envelopes whose data has
wrong types, missing, extra and null fields, huge and odd numbers; error envelopes of
every shape; truncated JSON, non-UTF-8 bytes, HTML pages, binary noise; ``Retry-After``
and quota headers of every kind. Each answer is served by an in-memory transport to a
route drawn from all 29 (every model, the lists, the routes returning None).

Retries are instant and ``max_retry_after`` tiny, so an honoured ``Retry-After`` or
quota pause costs milliseconds; each call runs under a deadline that only a hang meets.
The runs are derandomized so that CI sees the same answers every time.
"""

from __future__ import annotations

import asyncio
import email.utils
import enum
import json
import math
import time
import types
import typing
import uuid
from collections.abc import Awaitable, Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, Final, Union

import anyio
import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelslab_agents import (
    AccessToken,
    ApiKey,
    AsyncModelsLab,
    AuthSession,
    ModelsLabError,
    Profile,
    ResponseDecodeError,
    Scope,
    Secret,
    SignupResult,
    TeamMember,
)

from ._harness import FUZZED

TOKEN: Final = "7|fuzz-token-Nq4Hc8Rw2Lp6Zx0Tv"
#: Seconds a single call may take before it counts as hung (answers cost milliseconds).
HANG: Final = 10.0


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- the routes ---------------------------------------------------------------------------

INVITATION: Final = uuid.UUID("12345678-1234-5678-1234-567812345678")

Call = Callable[[AsyncModelsLab], Awaitable[Any]]


@attrs.frozen
class Route:
    name: str
    call: Call
    model: type[Any] | None
    many: bool = False


ROUTES: Final = (
    Route("auth.signup", lambda c: c.auth.signup("a@example.com", "pw-secret-1"), SignupResult),
    Route("auth.login", lambda c: c.auth.login("a@example.com", "pw-secret-1"), AuthSession),
    Route("auth.logout", lambda c: c.auth.logout(), None),
    Route("auth.logout_all", lambda c: c.auth.logout_all(), None),
    Route("auth.forgot_password", lambda c: c.auth.forgot_password("a@example.com"), None),
    Route(
        "auth.reset_password",
        lambda c: c.auth.reset_password("a@example.com", "reset-token-1", "pw-secret-2"),
        None,
    ),
    Route("auth.resend_verification", lambda c: c.auth.resend_verification("a@x.io"), None),
    Route("auth.verify_email", lambda c: c.auth.verify_email("123456"), AuthSession),
    Route("auth.refresh", lambda c: c.auth.refresh(), AuthSession),
    Route("auth.scopes", lambda c: c.auth.scopes(), Scope, many=True),
    Route("tokens.list", lambda c: c.tokens.list(), AccessToken, many=True),
    Route("tokens.revoke", lambda c: c.tokens.revoke(3), None),
    Route("tokens.revoke_others", lambda c: c.tokens.revoke_others(), None),
    Route("tokens.switch_account", lambda c: c.tokens.switch_account("ada"), AuthSession),
    Route("profile.get", lambda c: c.profile.get(), Profile),
    Route("profile.update", lambda c: c.profile.update(name="Ada"), Profile),
    Route(
        "profile.update_password",
        lambda c: c.profile.update_password("pw-secret-1", "pw-secret-2"),
        None,
    ),
    Route("profile.update_socials", lambda c: c.profile.update_socials(github="ada"), None),
    Route(
        "profile.update_preferences",
        lambda c: c.profile.update_preferences(nsfw_content=False),
        None,
    ),
    Route("api_keys.list", lambda c: c.api_keys.list(), ApiKey, many=True),
    Route("api_keys.create", lambda c: c.api_keys.create("ci"), ApiKey),
    Route("api_keys.get", lambda c: c.api_keys.get(5), ApiKey),
    Route("api_keys.update", lambda c: c.api_keys.update(5, notes=None), ApiKey),
    Route("api_keys.delete", lambda c: c.api_keys.delete(5), None),
    Route("teams.list", lambda c: c.teams.list(), TeamMember, many=True),
    Route("teams.invite", lambda c: c.teams.invite("b@example.com"), TeamMember),
    Route("teams.get", lambda c: c.teams.get(8), TeamMember),
    Route("teams.update", lambda c: c.teams.update(8, role="admin"), TeamMember),
    Route("teams.remove", lambda c: c.teams.remove(8), None),
    Route("teams.resend_invite", lambda c: c.teams.resend_invite(8), None),
    Route("teams.accept_invite", lambda c: c.teams.accept_invite(INVITATION), None),
)
MODEL_ROUTES: Final = tuple(r for r in ROUTES if r.model is not None)
routes = st.sampled_from(ROUTES)


# -- a valid result -----------------------------------------------------------------------


def conforms(value: Any, tp: Any) -> bool:
    """Whether ``value`` is a valid value of the annotation ``tp``."""
    origin = typing.get_origin(tp)
    if origin is Union or isinstance(tp, types.UnionType):
        return any(conforms(value, arm) for arm in typing.get_args(tp))
    if tp is type(None):
        return value is None
    if tp is Any:
        return True
    if origin is list:
        (item,) = typing.get_args(tp)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if origin is Mapping:
        return isinstance(value, Mapping) and all(isinstance(k, str) for k in value)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, float)
    if tp is datetime:
        return isinstance(value, datetime)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return isinstance(value, tp)
    if isinstance(tp, type) and attrs.has(tp):
        return is_valid_model(value, tp)
    return isinstance(value, tp)


def is_valid_model(value: Any, model: type[Any]) -> bool:
    if type(value) is not model:
        return False
    hints = typing.get_type_hints(model)
    return all(conforms(getattr(value, f.name), hints[f.name]) for f in attrs.fields(model))


def check_result(route: Route, result: Any) -> None:
    if route.model is None:
        assert result is None, (route.name, result)
    elif route.many:
        assert isinstance(result, list), (route.name, result)
        assert all(is_valid_model(item, route.model) for item in result), (route.name, result)
    else:
        assert is_valid_model(result, route.model), (route.name, result)


def check_error(route: Route, error: BaseException, body: bytes) -> None:
    assert isinstance(error, ModelsLabError), (
        f"{route.name} raised {type(error).__name__}: {error!r}"
    )
    text = str(error) + repr(error)  # neither may fail
    assert TOKEN not in text  # the generated error messages echo it
    if b"<body" in body.lower():
        assert "<body" not in text.lower()  # a page is described, never dumped


# -- one call, in a loop that outlives the examples ------------------------------------------


class Scripted(httpx.AsyncBaseTransport):
    """Answers every request with the answer of the current example."""

    def __init__(self) -> None:
        self.answer: tuple[int, list[tuple[bytes, bytes]], bytes] = (200, [], b"")
        self.requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        status, headers, body = self.answer
        return httpx.Response(status, headers=headers, content=body, request=request)


@attrs.define
class Harness:
    loop: asyncio.AbstractEventLoop
    client: AsyncModelsLab
    transport: Scripted

    def answer(
        self,
        route: Route,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        *,
        counted: bool = True,
    ) -> None:
        """Serve one answer to ``route``; check what the SDK makes of it."""
        FUZZED["answers"] += counted
        self.transport.answer = (status, headers, body)
        outcome = self.loop.run_until_complete(self._call(route))
        if isinstance(outcome, BaseException):
            check_error(route, outcome, body)
        else:
            check_result(route, outcome)

    async def _call(self, route: Route) -> Any:
        try:
            with anyio.fail_after(HANG):
                return await route.call(self.client)
        except Exception as exc:
            return exc


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    """One client on one event loop for every example (the loop runs in this thread)."""
    transport = Scripted()
    client = AsyncModelsLab(
        TOKEN,
        base_url="https://api.example.com/api/agents/v1",
        transport=transport,
        max_retries=1,
        retry_backoff=0,
        max_retry_after=0.02,
        total_timeout=HANG / 2,
    )
    loop = asyncio.new_event_loop()
    try:
        yield Harness(loop, client, transport)
        loop.run_until_complete(client.aclose())
    finally:
        loop.close()


# -- what a server might send -------------------------------------------------------------

#: Strings of every awkward sort; whole strings are drawn, which keeps generation fast.
ODD_STRINGS: Final = (
    "",
    " ",
    "ada",
    "Ada Lovelace",
    "ada@example.com",
    "pending",
    "accepted",
    "admin",
    "Bearer",
    "null",
    "true",
    "0",
    "-1",
    "1e400",
    "NaN",
    "12",
    "\x00",
    "\ud800",
    "\ufeff",
    "é" * 5,
    "名前",
    "🙂" * 3,
    "\r\nX-Injected: 1",
    "<script>alert(1)</script>",
    "<html><title>t</title></html>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%s%s%n",
    "x" * 300,
)
TIMESTAMPS: Final = (
    "2026-05-01T12:30:00Z",
    "2026-05-01T12:30:00.123456Z",
    "2026-05-01T12:30:00+02:00",
    "2026-05-01T12:30:00",
    "2026-05-01",
    "2026-13-45T99:99:99Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "yesterday",
)
#: JSON values no well-behaved field holds: wrong types, odd numbers, nesting.
WILD: Final = (
    None,
    True,
    False,
    0,
    -1,
    2**31,
    2**53 + 1,
    2**63,
    -(2**63) - 1,
    10**30,
    10**300,
    0.0,
    -0.0,
    1.5,
    1e-320,
    1e308,
    2.0**63,
    math.inf,
    -math.inf,
    math.nan,
    [],
    {},
    [None],
    [1, "a", None, True],
    {"": None},
    {"id": 1},
    {"a": {"b": {"c": [1, [2, [3]]]}}},
    [[[[[]]]]],
    *ODD_STRINGS,
    *TIMESTAMPS,
)
# Generation favours whole values drawn from the tables above: one cheap draw each,
# where building numbers, strings and containers draw by draw would cost most of the run.
odd_strings = st.sampled_from(ODD_STRINGS)
texts = st.one_of(odd_strings, odd_strings, odd_strings, st.text(max_size=6))
timestamps = st.sampled_from(TIMESTAMPS)
wild = st.sampled_from(WILD)
keys = st.sampled_from(("id", "name", "data", "error", "items", "", "é", "\x00", "extra"))
json_values = st.one_of(
    wild,
    wild,
    wild,
    wild,
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    st.lists(wild, max_size=3),
    st.dictionaries(keys, wild, max_size=3),
)
present = st.sampled_from((True, True, True, True, True, False))
EXTRA_FIELDS: Final = ({}, {}, {}, {"new_field": 1}, {"extra": "x"}, {"": None, "é": [1]})
extra_fields = st.sampled_from(EXTRA_FIELDS) | st.dictionaries(keys, wild, max_size=2)


def valid_value(tp: Any) -> st.SearchStrategy[Any]:
    """Values a correct server would send for a field of annotation ``tp``."""
    origin = typing.get_origin(tp)
    if origin is Union or isinstance(tp, types.UnionType):
        return st.one_of([valid_value(arm) for arm in typing.get_args(tp)])
    if tp is type(None):
        return st.none()
    if origin is list:
        return st.lists(valid_value(typing.get_args(tp)[0]), max_size=3)
    if origin is Mapping or tp is Any:
        return extra_fields
    if tp is int:
        return st.sampled_from((1, 7, 42, 2**31 - 1)) | st.integers(1, 2**31)
    if tp is float:
        return st.sampled_from((0.0, 1.5, 100, -3.25)) | st.floats(-1e9, 1e9)
    if tp is bool:
        return st.booleans()
    if tp is str or tp is Secret:
        return texts
    if tp is datetime:
        return timestamps | st.integers(0, 2**31)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from([m.value for m in tp]) | texts
    if isinstance(tp, type) and attrs.has(tp):
        return model_data(tp)
    raise AssertionError(tp)


def model_data(model: type[Any]) -> st.SearchStrategy[Any]:
    """A JSON object for ``model``: fields valid or wild, some missing, some extra."""
    hints = typing.get_type_hints(model)
    kinds = {f.name: hints[f.name] for f in attrs.fields(model) if f.name != "extra"}
    for f in attrs.fields(model):
        kinds.update(dict.fromkeys(f.metadata.get("aliases", ()), hints[f.name]))
    fields = {
        name: st.one_of(valid_value(kind), valid_value(kind), valid_value(kind), json_values)
        for name, kind in kinds.items()
    }

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        data = {name: draw(value) for name, value in fields.items() if draw(present)}
        data.update(draw(extra_fields))
        return data

    return st.one_of(build(), build(), build(), json_values)


def data_for(route: Route) -> st.SearchStrategy[Any]:
    if route.model is None:
        return json_values
    one = model_data(route.model)
    if not route.many:
        return one
    items = st.lists(one, max_size=3)
    return st.one_of(items, items, st.fixed_dictionaries({"items": items}), json_values)


DATA: Final = {route.name: data_for(route) for route in ROUTES}

ERROR_CODES: Final = (
    None,
    "validation_error",
    "invalid_credentials",
    "unauthenticated",
    "access_denied",
    "email_not_verified",
    "insufficient_scope",
    "not_found",
    "rate_limited",
    "server_error",
    "brand_new_code",
    "",
    5,
    ["not_found"],
)
ERROR_DETAILS: Final = (
    None,
    [],
    {},
    {"email": ["The email field is required."]},
    {"email": "not a list"},
    {"required_scope": "api-keys:write", "granted_scopes": ["profile:read"]},
    {"required_scope": 5, "granted_scopes": "all"},
    {"verification_required": True},
    {"": [None, 1, {"a": 1}]},
    "details",
    [1, 2],
)
request_ids = st.sampled_from((None, "req_0123456789abcdef01234567", "", 5, {"id": 1})) | texts
meta = st.one_of(
    st.none(), st.fixed_dictionaries({"request_id": request_ids}), json_values, st.just([])
)
error_objects = st.fixed_dictionaries(
    {},
    optional={
        "code": st.sampled_from(ERROR_CODES) | texts,
        "message": st.one_of(texts, texts, json_values, st.just(f"token {TOKEN} was rejected")),
        "details": st.sampled_from(ERROR_DETAILS) | json_values,
    },
)
errors = st.one_of(error_objects, error_objects, error_objects, texts, json_values)

success_statuses = st.sampled_from((200, 201, 202, 203, 204, 206, 299))
ERROR_STATUSES: Final = (
    *(300, 301, 302, 304, 307, 399),
    *(400, 401, 402, 403, 404, 405, 409, 410, 413, 418, 422, 429, 451, 499),
    *(500, 501, 502, 503, 504, 520, 599),
)
error_statuses = st.sampled_from(ERROR_STATUSES)
any_status = st.one_of(success_statuses, error_statuses, st.integers(100, 599))

JSON_TYPE = (b"content-type", b"application/json")
Answer = tuple[Route, int, list[tuple[bytes, bytes]], bytes]


def encode(document: Any) -> bytes:
    return json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass")


@st.composite
def envelopes(draw: st.DrawFn, route: Route) -> Any:
    """The documented envelopes, their tolerated variants, and broken versions of both."""
    data = draw(DATA[route.name])
    shape = draw(st.sampled_from((0, 0, 1, 2, 3, 4, 5)))
    if shape == 0:
        return {"data": data, "error": None, "meta": draw(meta)}
    if shape == 1:
        return {"data": data}
    if shape == 2:
        return {"data": None, "error": draw(errors), "meta": draw(meta)}
    if shape == 3:
        return {"message": draw(texts | json_values)}
    if shape == 4:
        return {"data": data, "error": draw(errors), "meta": draw(meta), **draw(extra_fields)}
    return draw(json_values)


def html_page(title: str | None, filler: str) -> bytes:
    head = "" if title is None else f"<head><title>{title}</title></head>"
    return f"<!DOCTYPE html><html>{head}<body><h1>{filler}</h1></body></html>".encode(
        "utf-8", "surrogatepass"
    )


NOT_UTF8: Final = (b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80")


@st.composite
def broken_bodies(draw: st.DrawFn, route: Route) -> bytes:
    """Bodies that are not a readable envelope: cut, mis-encoded, HTML, noise."""
    valid = encode(draw(envelopes(route)))
    kind = draw(st.integers(0, 6))
    if kind == 0:  # truncated mid-JSON
        return valid[: draw(st.integers(0, max(0, len(valid) - 1)))]
    if kind == 1:  # not UTF-8
        cut = draw(st.integers(0, len(valid)))
        return valid[:cut] + draw(st.sampled_from(NOT_UTF8)) + valid[cut:]
    if kind == 2:
        title = draw(st.none() | texts | st.just(" a\n  proxy\terror "))
        return html_page(title, draw(texts))
    if kind == 3:
        return draw(st.binary(max_size=64))
    if kind == 4:
        return valid.decode("utf-8", "surrogatepass").encode("utf-16", "surrogatepass")
    if kind == 5:
        return draw(st.sampled_from((b"NaN", b"[1, 2", b"{", b'{"data": ', b"\x00" * 8, b"null")))
    return b""


content_types = st.sampled_from(
    (
        b"application/json",
        b"application/json; charset=utf-8",
        b"application/json; charset=utf-16",
        b"application/json; charset=klingon",
        b"text/html; charset=utf-8",
        b"text/plain",
        b"application/octet-stream",
        b"",
        b"\xff\xfe",
    )
)


def _http_date(offset: float) -> bytes:
    return email.utils.formatdate(time.time() + offset, usegmt=True).encode()


RETRY_AFTER: Final = (
    b"0",
    b"0.01",
    b"1",
    b"60",
    b"3600",
    b"-1",
    b"-5",
    b"99999999999999999999999",
    b"1e400",
    b"-1e400",
    b"inf",
    b"-inf",
    b"nan",
    b"1_000",
    b" 0 ",
    b"",
    b"soon",
    b"\xff\xfe",
    b"Wed, 21 Oct 2015 07:28:00 GMT",
    b"Wed, 21 Oct 2015 07:28:00 -0000",
    b"Wed, 31 Feb 2015 07:28:00 GMT",
    b"Wed, 21 Oct 99999 07:28:00 GMT",
    b"Mon, 01 Jan 0001 00:00:00 GMT",
    b"Thu, 01 Jan 1970 00:00:00 GMT",
    b"0, 0 0 0 0:0:0",
)
retry_after_values = st.one_of(
    st.sampled_from(RETRY_AFTER),
    st.sampled_from(RETRY_AFTER),
    st.integers(-5, 5).map(lambda n: str(n).encode()),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: repr(f).encode()),
    st.floats(-30, 30).map(_http_date),
    st.binary(max_size=12),
)
reset_values = st.one_of(
    st.floats(-5, 5).map(lambda f: f"{time.time() + f:.3f}".encode()),  # an epoch
    st.integers(-(10**12), 10**12).map(lambda n: str(n).encode()),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: repr(f).encode()),
    st.sampled_from((b"", b"0", b"0.01", b"abc", b"\xff", b"1e400")),
)
remaining_values = st.sampled_from((b"0", b"0", b" 0", b"0 ", b"-1", b"1", b"", b"zero", b"\xff"))
quota_headers = st.lists(
    st.one_of(
        st.tuples(st.just(b"retry-after"), retry_after_values),
        st.tuples(st.just(b"x-ratelimit-remaining"), remaining_values),
        st.tuples(st.just(b"x-ratelimit-reset"), reset_values),
        st.tuples(st.just(b"x-request-id"), st.binary(max_size=16)),
    ),
    max_size=4,
)


@st.composite
def success_answers(draw: st.DrawFn) -> Answer:
    route = draw(routes)
    return route, draw(success_statuses), [JSON_TYPE], encode(draw(envelopes(route)))


@st.composite
def error_answers(draw: st.DrawFn) -> Answer:
    route = draw(routes)
    headers = [JSON_TYPE, *draw(quota_headers)]
    return route, draw(error_statuses), headers, encode(draw(envelopes(route)))


@st.composite
def unreadable_answers(draw: st.DrawFn) -> Answer:
    route = draw(routes)
    headers = [(b"content-type", draw(content_types))]
    return route, draw(any_status), headers, draw(broken_bodies(route))


@st.composite
def header_answers(draw: st.DrawFn) -> Answer:
    route = draw(routes)
    status = draw(st.sampled_from((429, 429, 503, 503, 200, 500)))
    headers = [JSON_TYPE, *draw(quota_headers)]
    return route, status, headers, encode(draw(envelopes(route)))


# -- the properties -----------------------------------------------------------------------

#: Answers served per generated example: the engine's own cost is paid once for several.
PER_EXAMPLE: Final = 4


def batches(answers: st.SearchStrategy[Answer]) -> st.SearchStrategy[list[Answer]]:
    return st.lists(answers, min_size=PER_EXAMPLE, max_size=PER_EXAMPLE)


@fuzz_settings(900)
@given(answers=batches(success_answers()))
def test_fuzzed_success_envelopes(harness: Harness, answers: list[Answer]) -> None:
    for answer in answers:
        harness.answer(*answer)


@fuzz_settings(650)
@given(answers=batches(error_answers()))
def test_fuzzed_error_answers(harness: Harness, answers: list[Answer]) -> None:
    for answer in answers:
        harness.answer(*answer)


@fuzz_settings(650)
@given(answers=batches(unreadable_answers()))
def test_fuzzed_unreadable_bodies(harness: Harness, answers: list[Answer]) -> None:
    for answer in answers:
        harness.answer(*answer)


@fuzz_settings(400)
@given(answers=batches(header_answers()))
def test_fuzzed_retry_after_and_quota_headers(harness: Harness, answers: list[Answer]) -> None:
    for answer in answers:
        harness.answer(*answer)


# -- answers the SDK cannot read yet --------------------------------------------------------


@fuzz_settings(60)
@given(
    route=routes,
    encoding=st.sampled_from([b"gzip", b"deflate", b"br", b"zstd", b"gzip, gzip"]),
    body=st.binary(min_size=1, max_size=32),
)
def test_a_body_that_fails_its_content_encoding(
    harness: Harness, route: Route, encoding: bytes, body: bytes
) -> None:
    headers = [JSON_TYPE, (b"content-encoding", encoding)]
    harness.answer(route, 200, headers, body, counted=False)


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"data":' * 50_000])
def test_json_nested_past_the_recursion_limit(harness: Harness, body: bytes) -> None:
    for route in (ROUTES[0], ROUTES[2]):
        harness.answer(route, 200, [JSON_TYPE], body, counted=False)


@pytest.mark.parametrize(
    "member",
    [
        {"id": 1, "permissions": ["keys:read", None]},
        {"id": 1, "permissions": [{"scope": "keys:read"}]},
        {"id": 1, "status": ["pending"]},
        {"id": 1, "status": {"state": "pending"}},
    ],
)
def test_nulls_and_objects_are_not_turned_into_strings(
    harness: Harness, member: dict[str, Any]
) -> None:
    teams_get = next(r for r in ROUTES if r.name == "teams.get")
    harness.transport.answer = (200, [JSON_TYPE], encode({"data": member, "error": None}))
    outcome = harness.loop.run_until_complete(harness._call(teams_get))
    assert isinstance(outcome, ResponseDecodeError), outcome


# -- the checks themselves ---------------------------------------------------------------------


def test_every_route_is_fuzzed_with_its_own_result_type() -> None:
    from modelslab_agents._endpoints import ALL

    expected = {e.operation_id: (e.model, e.many) for e in ALL}
    fuzzed = {r.name: (r.model.__name__ if r.model else None, r.many) for r in ROUTES}
    assert fuzzed == expected


def test_the_result_check_rejects_what_it_must() -> None:
    key = ApiKey(id=1, name="n")
    assert is_valid_model(key, ApiKey)
    assert not is_valid_model(ApiKey(id=True, name="n"), ApiKey)  # type: ignore[arg-type]
    assert not is_valid_model(ApiKey(id=1, name=5), ApiKey)  # type: ignore[arg-type]
    assert not is_valid_model(Profile(id=1), ApiKey)
    assert not is_valid_model(AccessToken(id=1, created_at="2026"), AccessToken)  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        check_result(ROUTES[2], key)  # a None route that returned something
    with pytest.raises(AssertionError):
        check_error(ROUTES[2], KeyError("x"), b"")


def test_the_harness_serves_the_answer_and_checks_the_result(harness: Harness) -> None:
    before = harness.transport.requests
    profile_get = next(r for r in ROUTES if r.name == "profile.get")
    answer = encode({"data": {"id": 1}, "error": None})
    harness.answer(profile_get, 200, [JSON_TYPE], answer, counted=False)
    assert harness.transport.requests == before + 1
