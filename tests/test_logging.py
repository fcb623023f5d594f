"""The SDK's logging: silent by default, ``MODELSLAB_LOG`` for a stderr handler,
and what the log lines say."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
import respx
from conftest import BASE_URL, make_client, ok

from modelslab_agents import ServerError, _logging

LOGGER = logging.getLogger("modelslab_agents")


@pytest.fixture
def fresh_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let ``setup_from_env`` run again, and undo whatever it did."""
    monkeypatch.setattr(_logging, "_configured", False)
    handlers, level = list(LOGGER.handlers), LOGGER.level
    yield
    LOGGER.handlers[:] = handlers
    LOGGER.setLevel(level)


def test_the_logger_is_named_after_the_package() -> None:
    assert _logging.logger is LOGGER


def test_no_handler_without_modelslab_log(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MODELSLAB_LOG", raising=False)
    _logging.setup_from_env()
    assert LOGGER.handlers == []
    assert LOGGER.level == logging.NOTSET


@pytest.mark.parametrize("value", ["", "warning", "verbose", "1"])
def test_other_values_add_no_handler(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("MODELSLAB_LOG", value)
    _logging.setup_from_env()
    assert LOGGER.handlers == []


@pytest.mark.parametrize(
    ("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO), (" info ", logging.INFO)]
)
def test_modelslab_log_adds_one_stderr_handler(
    fresh_logging: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    value: str,
    level: int,
) -> None:
    monkeypatch.setenv("MODELSLAB_LOG", value)
    _logging.setup_from_env()
    _logging.setup_from_env()  # once per process, however often clients are made
    assert len(LOGGER.handlers) == 1
    assert LOGGER.level == level
    LOGGER.info("hello from the SDK")
    assert "hello from the SDK" in capsys.readouterr().err


def test_a_client_turns_logging_on_from_the_environment(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELSLAB_LOG", "debug")
    from modelslab_agents import AsyncModelsLab

    AsyncModelsLab()
    assert LOGGER.level == logging.DEBUG
    assert len(LOGGER.handlers) == 1


@pytest.mark.anyio
async def test_each_answer_is_logged_at_debug(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="modelslab_agents")
    router.get("/me").mock(return_value=ok({"id": 1}))
    async with make_client(router) as client:
        await client.profile.get()
    lines = [r.getMessage() for r in caplog.records if r.name == "modelslab_agents"]
    assert len(lines) == 1
    assert f"GET {BASE_URL}/me -> 200" in lines[0]
    assert "attempt 1" in lines[0]


@pytest.mark.anyio
async def test_retries_are_logged_at_info(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="modelslab_agents")
    router.get("/me").mock(
        side_effect=[httpx.Response(503), httpx.ReadError("reset"), httpx.Response(503)]
    )
    async with make_client(router) as client:
        with pytest.raises(ServerError):
            await client.profile.get()
    retries = [r for r in caplog.records if r.name == "modelslab_agents"]
    assert [r.levelno for r in retries] == [logging.INFO, logging.INFO]
    assert "attempt 2 of 3" in retries[0].getMessage()
    assert "status 503" in retries[0].getMessage()
    assert "ReadError" in retries[1].getMessage()


@pytest.mark.anyio
async def test_nothing_is_logged_at_warning_level_by_default(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    router.get("/me").mock(return_value=ok({"id": 1}))
    async with make_client(router) as client:
        await client.profile.get()
    assert [r for r in caplog.records if r.name == "modelslab_agents"] == []
