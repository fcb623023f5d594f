"""cattrs structuring of the wire's JSON into the SDK's models."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from modelslab_agents import (
    AccessToken,
    ApiKey,
    AuthSession,
    MemberStatus,
    Profile,
    ResponseDecodeError,
    Secret,
    SignupResult,
    TeamMember,
    User,
)
from modelslab_agents._converter import structure, structure_list


def test_secret_fields_wrap_the_string() -> None:
    key = structure({"id": 1, "key": "sk-123456"}, ApiKey)
    assert isinstance(key.key, Secret)
    assert key.key.get_secret_value() == "sk-123456"


def test_optional_secret_may_be_null_or_absent() -> None:
    assert structure({"id": 1, "key": None}, ApiKey).key is None
    assert structure({"id": 1}, ApiKey).key is None


def test_secret_field_of_wrong_type_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError, match=r"\$\.data\.access_token"):
        structure({"access_token": 12345}, AuthSession)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00z", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00+00:00", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        (
            "2024-05-01T12:00:00+02:00",
            datetime(2024, 5, 1, 12, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2024-05-01T10:00:00.123456Z", datetime(2024, 5, 1, 10, 0, 0, 123456, timezone.utc)),
        (1714557600, datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        # Without an offset: UTC, like the service's clock, never a naive datetime.
        ("2024-05-01T10:00:00", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01 10:00:00", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
    ],
)
def test_timestamps(text: Any, expected: datetime) -> None:
    token = structure({"id": 1, "created_at": text}, AccessToken)
    assert token.created_at == expected
    assert token.created_at is not None
    assert token.created_at.utcoffset() == expected.utcoffset()


def test_bad_timestamp_is_a_decode_error_naming_the_field() -> None:
    with pytest.raises(ResponseDecodeError, match="created_at"):
        structure({"id": 1, "created_at": "yesterday"}, AccessToken)


def test_known_enum_value() -> None:
    member = structure({"id": 1, "status": "accepted"}, TeamMember)
    assert member.status is MemberStatus.ACCEPTED
    assert member.status == "accepted"  # a str enum compares to its value
    assert str(member.status) == "accepted"


def test_unknown_enum_value_stays_a_string() -> None:
    member = structure({"id": 1, "status": "suspended"}, TeamMember)
    assert member.status == "suspended"
    assert type(member.status) is str


def test_null_enum_value() -> None:
    assert structure({"id": 1, "status": None}, TeamMember).status is None


def test_null_list_is_an_empty_list() -> None:
    assert structure({"id": 1, "permissions": None}, TeamMember).permissions == []
    assert structure({"access_token": "t"}, AuthSession).scopes == []


def test_list_of_non_strings_is_read_as_strings() -> None:
    assert structure({"id": 1, "abilities": ["*", 3]}, AccessToken).abilities == ["*", "3"]


def test_list_field_that_is_not_a_list_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError, match="permissions"):
        structure({"id": 1, "permissions": "all"}, TeamMember)


def test_unknown_fields_go_to_extra_at_every_level() -> None:
    session = structure(
        {
            "access_token": "t",
            "refresh_hint": "x",
            "user": {"id": 1, "plan": "pro", "email": "a@example.com"},
        },
        AuthSession,
    )
    assert session.extra == {"refresh_hint": "x"}
    assert isinstance(session.user, User)
    assert session.user.extra == {"plan": "pro"}
    assert session.user.email == "a@example.com"


def test_no_unknown_fields_means_empty_extra() -> None:
    assert structure({"id": 1}, Profile).extra == {}


def test_aliases_are_not_kept_as_extra() -> None:
    session = structure({"token": "t"}, AuthSession)
    assert session.access_token == Secret("t")
    assert session.extra == {}


def test_signup_alias_and_derived_flag() -> None:
    assert structure({"token": "t"}, SignupResult).verification_required is False
    assert structure({}, SignupResult).verification_required is True
    explicit = structure({"access_token": None, "verification_required": False}, SignupResult)
    assert explicit.verification_required is False


def test_missing_required_field_is_named() -> None:
    with pytest.raises(ResponseDecodeError) as info:
        structure({"name": "prod"}, ApiKey, status_code=201)
    assert "required field missing @ $.data.id" in str(info.value)
    assert info.value.status_code == 201


def test_decode_error_is_not_chained_to_cattrs() -> None:
    with pytest.raises(ResponseDecodeError) as info:
        structure({"name": "prod"}, ApiKey)
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__


def test_data_that_is_not_an_object() -> None:
    with pytest.raises(ResponseDecodeError, match="expected an object"):
        structure(["x"], Profile)


def test_structure_list_accepts_both_shapes() -> None:
    items = [{"id": 1}, {"id": 2}]
    assert [k.id for k in structure_list(items, ApiKey)] == [1, 2]
    assert [k.id for k in structure_list({"items": items}, ApiKey)] == [1, 2]
    assert structure_list([], ApiKey) == []


def test_structure_list_rejects_other_shapes() -> None:
    with pytest.raises(ResponseDecodeError, match="expected a list of ApiKey, got dict"):
        structure_list({"id": 1}, ApiKey, status_code=200)
    with pytest.raises(ResponseDecodeError, match="NoneType"):
        structure_list(None, ApiKey)


def test_one_bad_item_fails_the_list_naming_the_field() -> None:
    with pytest.raises(ResponseDecodeError, match="id"):
        structure_list([{"id": 1}, {"name": "no id"}], ApiKey)


def test_numbers() -> None:
    profile = structure({"id": 1, "wallet_balance": 3}, Profile)
    assert profile.wallet_balance == 3.0


@pytest.mark.parametrize("value", ["false", "0", 0, False])
def test_false_like_booleans_are_false(value: Any) -> None:
    assert structure({"id": 1, "verified": value}, User).verified is False


@pytest.mark.parametrize("value", ["maybe", 2, [], {}])
def test_unreadable_boolean_is_a_decode_error_not_a_guess(value: Any) -> None:
    # bool("false") would be True: the converter refuses instead of guessing.
    with pytest.raises(ResponseDecodeError, match=r"\$\.data\.verified"):
        structure({"id": 1, "verified": value}, User)


@pytest.mark.parametrize("value", [1.7, "seven", True, None])
def test_non_integer_id_is_a_decode_error(value: Any) -> None:
    with pytest.raises(ResponseDecodeError, match=r"\$\.data\.id"):
        structure({"id": value}, ApiKey)


def test_decode_errors_never_echo_the_value() -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        structure({"id": "sk-live-0123456789abcdef"}, ApiKey)
    assert "sk-live" not in str(caught.value)
    with pytest.raises(ResponseDecodeError) as caught:
        structure({"id": 1, "created_at": "sk-live-0123456789abcdef"}, ApiKey)
    assert "sk-live" not in str(caught.value)
