"""Raw responses: the same call, answering status, headers and the parsed model."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import mypy_strict_errors

from modelslab_agents import (
    AsyncModelsLab,
    ModelsLab,
    NotFoundError,
    Profile,
    RawResponse,
    ValidationError,
)
from modelslab_agents.testing import FakeControlPlane


@pytest.fixture
def account() -> tuple[FakeControlPlane, str]:
    fake = FakeControlPlane()
    fake.create_account("raw@example.com", "correct horse battery")
    return fake, fake.issue_token("raw@example.com")


def _check_profile(raw: RawResponse[Profile]) -> None:
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.request_id
    assert isinstance(raw.elapsed, datetime.timedelta)
    assert raw.rate_limit_remaining is not None
    assert raw.rate_limit_remaining == int(raw.headers["x-ratelimit-remaining"])
    assert raw.rate_limit_reset == float(raw.headers["x-ratelimit-reset"])
    assert raw.rate_limit_limit == int(raw.headers["x-ratelimit-limit"])
    profile = raw.parse()
    assert isinstance(profile, Profile)
    assert profile.email == "raw@example.com"


@pytest.mark.anyio
async def test_async_raw_response_carries_headers_and_parses(
    account: tuple[FakeControlPlane, str],
) -> None:
    fake, token = account
    async with AsyncModelsLab(token, transport=fake.transport()) as client:
        raw = await client.with_raw_response.profile.get()
        _check_profile(raw)
        created = await client.with_raw_response.api_keys.create("k1", notes="n")
        assert created.status_code in (200, 201)
        assert created.parse().name == "k1"
        listed = await client.with_raw_response.api_keys.list()
        assert [key.name for key in listed.parse()] == ["k1"]
        gone = await client.with_raw_response.api_keys.delete(created.parse().id)
        assert gone.parse() is None


def test_blocking_raw_response_carries_headers_and_parses(
    account: tuple[FakeControlPlane, str],
) -> None:
    fake, token = account
    with ModelsLab(token, transport=fake.transport()) as client:
        _check_profile(client.with_raw_response.profile.get())
        sibling = client.with_token(token)
        assert sibling.with_raw_response.tokens.list().parse()


@pytest.mark.anyio
async def test_raw_calls_raise_the_same_typed_errors(
    account: tuple[FakeControlPlane, str],
) -> None:
    fake, token = account
    async with AsyncModelsLab(token, transport=fake.transport()) as client:
        with pytest.raises(NotFoundError):
            await client.with_raw_response.api_keys.get(999_999)
        with pytest.raises(ValueError, match="key_id"):
            await client.with_raw_response.api_keys.get(-1)
        with pytest.raises(AttributeError):
            _ = client.with_raw_response.no_such_resource
        with pytest.raises(ValidationError):
            await client.with_raw_response.auth.login(
                "raw@example.com", "pw", token_expiry="2_days"
            )


@pytest.mark.anyio
async def test_the_plain_call_after_a_raw_one_answers_the_model(
    account: tuple[FakeControlPlane, str],
) -> None:
    fake, token = account
    async with AsyncModelsLab(token, transport=fake.transport()) as client:
        await client.with_raw_response.profile.get()
        assert isinstance(await client.profile.get(), Profile)


def test_raw_methods_are_typed_like_their_plain_twins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = mypy_strict_errors(
        "from modelslab_agents import AsyncModelsLab, ModelsLab, Profile, RawResponse\n"
        "async def run(client: AsyncModelsLab) -> str:\n"
        "    raw: RawResponse[Profile] = await client.with_raw_response.profile.get()\n"
        "    await client.with_raw_response.api_keys.create('k', nots='n')\n"
        "    return raw.parse().email or ''\n"
        "def run_blocking(client: ModelsLab) -> str:\n"
        "    client.with_raw_response.api_keys.get('7')\n"
        "    return client.with_raw_response.api_keys.get(7).parse().name or ''\n",
        tmp_path,
        monkeypatch,
    )
    assert len(errors) == 2, errors
    assert '"nots"' in errors[0]
    assert "<string>:7:" in errors[1]
