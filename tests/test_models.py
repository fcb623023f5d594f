"""The generated attrs models: frozen, slotted, typed as the contract says, secrets masked."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timezone
from typing import Any, get_type_hints

import attrs
import pytest

from modelslab_agents import (
    AccessToken,
    ApiKey,
    AuthSession,
    CreatedApiKey,
    MemberStatus,
    Preferences,
    Profile,
    ResponseDecodeError,
    Scope,
    Secret,
    SignupResult,
    Socials,
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
    instance = structure({"id": 1, "access_token": "t", "name": "n", "key": "k"}, model)
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
    assert get_type_hints(CreatedApiKey)["key"] is Secret
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


def test_the_created_key_is_an_api_key_whose_key_is_required() -> None:
    created = structure({"id": 3, "name": "ci", "key": "sk-live-full"}, CreatedApiKey)
    assert isinstance(created, ApiKey)
    assert created.key.get_secret_value() == "sk-live-full"
    with pytest.raises(ResponseDecodeError, match="key"):
        structure({"id": 3, "name": "ci"}, CreatedApiKey)
    with pytest.raises(ResponseDecodeError, match="key"):
        structure({"id": 3, "key": None}, CreatedApiKey)


def test_profile_reads_socials_and_preferences_and_a_member_its_invitation() -> None:
    profile = structure(
        {
            "id": 1,
            "socials": {"github": "octo", "mastodon": "@o"},
            "preferences": {"nsfw_content": False, "wallet_notification_threshold": "5"},
        },
        Profile,
    )
    assert profile.socials == Socials(github="octo")
    assert profile.socials is not None
    assert profile.socials.extra == {"mastodon": "@o"}
    assert profile.preferences == Preferences(nsfw_content=False, wallet_notification_threshold=5.0)
    assert profile.extra == {}
    assert structure({"id": 1}, Profile).socials is None
    member = structure(
        {"id": 2, "invitation_id": "6f1c1c52-4b8e-4a8e-9c6e-0d7d3f8f1a11"}, TeamMember
    )
    assert member.invitation_id == "6f1c1c52-4b8e-4a8e-9c6e-0d7d3f8f1a11"
    assert member.extra == {}


SESSION_WIRE: dict[str, Any] = {
    "access_token": "2|very-secret-token",
    "expires_at": "2026-01-02T03:04:05Z",
    "user": {"id": 7, "email": "a@example.com", "plan": "pro"},
    "scopes": ["*"],
    "api_key": "sk-very-secret",
    "message": "welcome",
    "refresh_token": "r-very-secret",
}


def test_to_dict_masks_secrets_and_keeps_everything_else() -> None:
    data = structure(SESSION_WIRE, AuthSession).to_dict()
    assert data == {
        "access_token": "**********",
        "token_type": "Bearer",
        "token_expiry": None,
        "token_lifetime_capped": None,
        "expires_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
        "user": {
            "id": 7,
            "name": None,
            "email": "a@example.com",
            "username": None,
            "verified": None,
            "plan": "pro",
        },
        "scopes": ["*"],
        "api_key": "**********",
        "message": "welcome",
        "refresh_token": "**********",  # an unknown field named like a secret
    }
    assert "very-secret" not in repr(data)


def test_to_dict_reveals_secrets_only_when_asked() -> None:
    session = structure(SESSION_WIRE, AuthSession)
    data = session.to_dict(reveal_secrets=True)
    assert data["access_token"] == "2|very-secret-token"
    assert data["api_key"] == "sk-very-secret"
    assert data["refresh_token"] == "r-very-secret"
    created = structure({"id": 3, "key": "sk-live-full"}, CreatedApiKey)
    assert created.to_dict()["key"] == "**********"
    assert created.to_dict(reveal_secrets=True)["key"] == "sk-live-full"
    assert json.loads(created.to_json(reveal_secrets=True))["key"] == "sk-live-full"


def test_to_json_is_json_with_iso_datetimes_and_enum_values() -> None:
    session = structure(SESSION_WIRE, AuthSession)
    text = session.to_json()
    assert "very-secret" not in text
    data = json.loads(text)
    assert data == session.to_dict(mode="json")
    assert data["expires_at"] == "2026-01-02T03:04:05+00:00"
    assert datetime.fromisoformat(data["expires_at"]) == session.expires_at
    member = structure({"id": 2, "status": "pending", "permissions": None}, TeamMember)
    assert json.loads(member.to_json()) == member.to_dict(mode="json")
    assert member.to_dict(mode="json")["status"] == "pending"
    assert type(member.to_dict(mode="json")["status"]) is str
    assert member.to_dict()["status"] is MemberStatus.PENDING
    assert member.to_json(indent=2).startswith('{\n  "id": 2')


def test_to_dict_nests_models_and_lists_and_copies() -> None:
    profile = structure({"id": 1, "socials": {"github": "octo"}, "tags": ["a"]}, Profile)
    data = profile.to_dict()
    assert data["socials"]["github"] == "octo"
    assert data["preferences"] is None
    data["tags"].append("b")
    assert profile.extra["tags"] == ["a"]
    empty = SignupResult(access_token=Secret(""))
    assert empty.to_dict()["access_token"] == ""


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_turns_into_json(model: type[Any]) -> None:
    wire = {"id": 1, "name": "n", "access_token": "t0ken-value", "key": "k3y-value"}
    instance = structure(wire, model)
    text = instance.to_json()
    assert json.loads(text) == instance.to_dict(mode="json")
    assert "t0ken-value" not in text
    assert "k3y-value" not in text
