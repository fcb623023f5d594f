"""The exception tree of the contract, and what each exception carries."""

from __future__ import annotations

import pickle

import httpx
import pytest

import modelslab_agents as ml
from modelslab_agents import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BatchError,
    ConflictError,
    EmailNotVerifiedError,
    InsecureTransportError,
    InsufficientScopeError,
    MissingTokenError,
    ModelsLabError,
    NotFoundError,
    Outcome,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    ValidationError,
)

# (class, its parent in the contract's tree)
TREE = [
    (APIError, ModelsLabError),
    (BadRequestError, APIError),
    (AuthenticationError, APIError),
    (PermissionDeniedError, APIError),
    (EmailNotVerifiedError, PermissionDeniedError),
    (InsufficientScopeError, PermissionDeniedError),
    (NotFoundError, APIError),
    (ConflictError, APIError),
    (ValidationError, APIError),
    (RateLimitError, APIError),
    (ServerError, APIError),
    (APIConnectionError, ModelsLabError),
    (APITimeoutError, APIConnectionError),
    (ResponseDecodeError, ModelsLabError),
    (MissingTokenError, ModelsLabError),
    (InsecureTransportError, ModelsLabError),
    (BatchError, ModelsLabError),
]


@pytest.mark.parametrize(("cls", "parent"), TREE, ids=lambda c: c.__name__)
def test_tree(cls: type[Exception], parent: type[Exception]) -> None:
    assert issubclass(cls, parent)
    assert getattr(ml, cls.__name__) is cls


def test_root_is_an_exception() -> None:
    assert issubclass(ModelsLabError, Exception)


def test_siblings_are_not_confused() -> None:
    assert not issubclass(APIConnectionError, APIError)
    assert not issubclass(ResponseDecodeError, APIError)
    assert not issubclass(ValidationError, BadRequestError)
    assert not issubclass(RateLimitError, ServerError)
    assert issubclass(InsecureTransportError, ValueError)
    assert not issubclass(MissingTokenError, ValueError)


def test_api_error_attributes_and_message() -> None:
    response = httpx.Response(404)
    error = NotFoundError(
        "No such key.", status_code=404, code="not_found", request_id="req_1", response=response
    )
    assert error.message == "No such key."
    assert error.status_code == 404
    assert error.code == "not_found"
    assert error.details == {}
    assert error.request_id == "req_1"
    assert error.response is response
    text = str(error)
    assert "No such key." in text
    assert "404" in text
    assert "not_found" in text
    assert "req_1" in text


def test_validation_error_lists_the_fields() -> None:
    error = ValidationError(
        "Invalid.",
        status_code=422,
        code="validation_error",
        details={"email": ["The email field is required."], "name": ["Too long.", "Bad."]},
    )
    assert "email: The email field is required." in str(error)
    assert "name: Too long. Bad." in str(error)


def test_rate_limit_error_retry_after() -> None:
    error = RateLimitError("Too Many Attempts.", status_code=429, retry_after=60.0)
    assert error.retry_after == 60.0
    assert "retry after 60 s" in str(error)
    assert RateLimitError("x", status_code=429).retry_after is None


def test_insufficient_scope_helpers_tolerate_odd_details() -> None:
    error = InsufficientScopeError("no", status_code=403, details={"required_scope": 5})
    assert error.required_scope is None
    assert error.granted_scopes is None  # not said, which is not "none granted"
    odd = InsufficientScopeError("no", status_code=403, details={"granted_scopes": "all"})
    assert odd.granted_scopes is None
    none = InsufficientScopeError("no", status_code=403, details={"granted_scopes": []})
    assert none.granted_scopes == []


SCOPE_CHALLENGE = 'Bearer realm="modelslab", error="insufficient_scope", scope="wallet:read"'


def test_insufficient_scope_reads_the_documented_details() -> None:
    error = InsufficientScopeError(
        "Missing scope.",
        status_code=403,
        code="insufficient_scope",
        details={"required_scope": "wallet:read", "granted_scopes": ["models:read"]},
    )
    assert error.required_scope == "wallet:read"
    assert error.granted_scopes == ["models:read"]
    assert "wallet:read" in str(error)
    error.granted_scopes.append("changed")  # type: ignore[union-attr]
    assert error.granted_scopes == ["models:read"]  # a copy: the error cannot be altered


@pytest.mark.parametrize(
    "challenge",
    [
        SCOPE_CHALLENGE,
        'Bearer error="insufficient_scope", scope=wallet:read',
        'bearer scope="wallet:read"',
    ],
)
def test_insufficient_scope_falls_back_to_the_bearer_challenge(challenge: str) -> None:
    response = httpx.Response(403, headers={"WWW-Authenticate": challenge})
    error = InsufficientScopeError(
        "Forbidden.", status_code=403, code="insufficient_scope", response=response
    )
    assert error.required_scope == "wallet:read"
    assert error.granted_scopes is None


def test_the_details_win_over_the_challenge() -> None:
    response = httpx.Response(403, headers={"WWW-Authenticate": SCOPE_CHALLENGE})
    error = InsufficientScopeError(
        "x", status_code=403, details={"required_scope": "teams:write"}, response=response
    )
    assert error.required_scope == "teams:write"


def test_a_challenge_without_a_scope_names_none() -> None:
    response = httpx.Response(
        403, headers={"WWW-Authenticate": 'Bearer error="insufficient_scope"'}
    )
    error = InsufficientScopeError("x", status_code=403, response=response)
    assert error.required_scope is None


def test_insufficient_scope_pickles_with_its_scopes() -> None:
    response = httpx.Response(403, headers={"WWW-Authenticate": SCOPE_CHALLENGE})
    error = InsufficientScopeError(
        "x",
        status_code=403,
        code="insufficient_scope",
        details={"granted_scopes": ["models:read"]},
        response=response,
    )
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InsufficientScopeError
    assert again.required_scope == "wallet:read"  # read from a header the pickle lacks
    assert again.granted_scopes == ["models:read"]
    assert str(again) == str(error)


SANE = 4096  # characters: more than a person reads in an error message


def test_a_server_message_is_cut_to_a_sane_length() -> None:
    error = APIError("x" * 5_000_000, status_code=500, code="c" * 10_000, request_id="r" * 9999)
    assert len(error.message) <= SANE
    assert error.message.endswith("more characters cut]")
    assert len(str(error)) <= 2 * SANE
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)


def test_a_decode_error_quoting_a_huge_value_is_cut() -> None:
    error = ResponseDecodeError("could not read: " + "v" * 1_000_000, status_code=200)
    assert len(str(error)) <= SANE
    assert str(error).startswith("could not read: v")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_a_huge_validation_bag_is_kept_but_shown_cut() -> None:
    details = {f"field{i}": ["m" * 1000] for i in range(5000)}
    error = ValidationError("Invalid.", status_code=422, details=details)
    assert error.details == details  # nothing dropped from the data
    assert len(str(error)) <= 2 * SANE


@pytest.mark.parametrize(
    "error",
    [
        APIError("a", status_code=418, code="teapot", details={"k": 1}, request_id="r"),
        ValidationError("v", status_code=422, details={"f": ["m"]}),
        RateLimitError("r", status_code=429, retry_after=3.0, request_id="r2"),
        EmailNotVerifiedError("e", status_code=403, code="email_not_verified"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_api_errors_pickle(error: APIError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert (again.status_code, again.code, again.request_id) == (
        error.status_code,
        error.code,
        error.request_id,
    )
    assert dict(again.details) == dict(error.details)
    assert again.response is None  # a live response does not travel
    if isinstance(error, RateLimitError):
        assert isinstance(again, RateLimitError)
        assert again.retry_after == error.retry_after


def test_decode_error_keeps_its_status_and_pickles() -> None:
    error = ResponseDecodeError("unreadable", status_code=200)
    assert error.status_code == 200
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.status_code) == ("unreadable", 200)


def test_batch_error_holds_every_failure_in_order() -> None:
    boom = ServerError("boom", status_code=500)
    missing = NotFoundError("gone", status_code=404)
    failed = [Outcome(item=1, ok=False, error=boom), Outcome(item=3, ok=False, error=missing)]
    error = BatchError(failed, total=4)
    assert error.failed == failed
    assert error.exceptions == [boom, missing]
    assert "2 of 4" in str(error)
    assert "ServerError" in str(error)
    assert "NotFoundError" in str(error)
