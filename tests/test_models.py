"""The generated attrs models: frozen, slotted, typed as the contract says, secrets masked."""

from __future__ import annotations

import pickle
from datetime import datetime
from typing import Any, get_type_hints

import attrs
import pytest

from modelslab_agents import (
    AccessToken,
    ApiKey,
    AuthSession,
    MemberStatus,
    Profile,
    Scope,
    Secret,
    SignupResult,
    TeamMember,
    User,
)
from modelslab_agents._converter import structure
from modelslab_agents._models import MODELS

CONTRACT_FIELDS: dict[type[Any], set[str]] = {
    AuthSession: {
        "access_token",
        "token_type",
        "token_expiry",
        "expires_at",
        "token_lifetime_capped",
        "user",
        "scopes",
        "api_key",
    },
    SignupResult: {"access_token", "user", "verification_required"},
    ApiKey: {"id", "name", "key", "notes", "created_at"},
    TeamMember: {"id", "email", "name", "role", "status", "permissions"},
    AccessToken: {"id", "name", "last_used_at", "created_at"},
    Profile: {"id", "name", "email", "username"},
    Scope: {"name", "description"},
}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_models_are_frozen_attrs_classes_with_slots(model: type[Any]) -> None:
    assert attrs.has(model)
    assert "__slots__" in model.__dict__
    instance = structure({"id": 1, "access_token": "t", "name": "n"}, model)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        instance.extra = {}
    with pytest.raises((AttributeError, TypeError)):
        instance.not_a_field = 1


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_extra_outside_repr_and_equality(model: type[Any]) -> None:
    extra = attrs.fields_dict(model)["extra"]
    assert extra.repr is False
    assert extra.eq is False


@pytest.mark.parametrize("model", sorted(CONTRACT_FIELDS, key=lambda m: m.__name__))
def test_contract_fields_exist(model: type[Any]) -> None:
    assert CONTRACT_FIELDS[model] <= set(attrs.fields_dict(model))


def test_secret_fields_are_typed_as_secrets() -> None:
    assert get_type_hints(AuthSession)["access_token"] is Secret
    assert get_type_hints(AuthSession)["api_key"] == Secret | None
    assert get_type_hints(SignupResult)["access_token"] == Secret | None
    assert get_type_hints(ApiKey)["key"] == Secret | None
    assert get_type_hints(SignupResult)["verification_required"] is bool
    assert get_type_hints(AuthSession)["expires_at"] == datetime | None


def test_repr_masks_secrets() -> None:
    session = AuthSession(
        access_token=Secret("2|very-secret-token"), api_key=Secret("sk-very-secret")
    )
    text = repr(session)
    assert "very-secret" not in text
    assert "**********" in text
    key = ApiKey(id=1, key=Secret("sk-live-abcdef"))
    assert "sk-live-abcdef" not in repr(key)
    assert "sk-live-abcdef" not in str(key)


def test_equality_ignores_extra() -> None:
    a = structure({"id": 1, "name": "x", "new": 1}, ApiKey)
    b = structure({"id": 1, "name": "x", "new": 2}, ApiKey)
    assert a == b
    assert a.extra != b.extra


def test_models_are_hashable_only_when_all_fields_are() -> None:
    assert hash(User(id=1)) == hash(User(id=1))


def test_defaults() -> None:
    session = AuthSession(access_token=Secret("t"))
    assert session.token_type == "Bearer"
    assert session.scopes == []
    assert session.user is None
    assert session.api_key is None
    assert TeamMember(id=1).permissions == []
    assert SignupResult().verification_required is True
    assert SignupResult(access_token=Secret("t")).verification_required is False


def test_models_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        ApiKey(1)  # type: ignore[misc]


def test_member_status_is_a_str_enum() -> None:
    assert MemberStatus("pending") is MemberStatus.PENDING
    assert MemberStatus.ACCEPTED == "accepted"
    assert f"{MemberStatus.ACCEPTED}" == "accepted"


def test_models_pickle_with_their_secrets() -> None:
    session = structure({"access_token": "2|tok", "user": {"id": 1}, "x": 1}, AuthSession)
    again = pickle.loads(pickle.dumps(session))
    assert again == session
    assert again.access_token.get_secret_value() == "2|tok"
    assert again.extra == {"x": 1}
