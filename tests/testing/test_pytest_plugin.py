"""The pytest plugin: its fixtures in a separate pytest run, and closing without a loop."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from modelslab_agents.testing import FakeControlPlane
from modelslab_agents.testing._pytest_plugin import close_without_loop


def test_the_fake_fixture_is_fresh_per_test(modelslab_fake: FakeControlPlane) -> None:
    assert isinstance(modelslab_fake, FakeControlPlane)
    assert modelslab_fake.requests == []
    modelslab_fake.create_account("a@example.com", "secret-password")


def test_the_fake_fixture_is_fresh_per_test_again(modelslab_fake: FakeControlPlane) -> None:
    modelslab_fake.create_account("a@example.com", "secret-password")


def test_close_without_loop_runs_a_coroutine_that_never_suspends() -> None:
    closed: list[bool] = []

    async def aclose() -> None:
        closed.append(True)

    close_without_loop(aclose)
    assert closed == [True]


def test_close_without_loop_falls_back_to_a_fresh_loop() -> None:
    closed: list[str] = []

    async def aclose() -> None:
        await asyncio.sleep(0)
        closed.append(type(asyncio.get_running_loop()).__name__)

    close_without_loop(aclose)
    assert len(closed) == 1


def test_close_without_loop_reports_failures() -> None:
    async def aclose() -> None:
        await asyncio.sleep(0)
        raise OSError("boom")

    with pytest.raises(OSError, match="boom"):
        close_without_loop(aclose)


def test_the_plugin_imports_nothing_heavy() -> None:
    code = (
        "import sys; import modelslab_agents.testing._pytest_plugin; "
        "print('uvicorn' in sys.modules, 'modelslab_agents.testing._fake' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.split() == ["False", "False"]


SDK_TESTS = textwrap.dedent(
    """
    import asyncio
    import os

    import pytest

    from modelslab_agents.testing import FakeControlPlane


    def test_env_is_clean(modelslab_client):
        assert "MODELSLAB_AGENT_TOKEN" not in os.environ


    @pytest.mark.anyio
    async def test_async_client(modelslab_fake, modelslab_client):
        result = await modelslab_client.auth.signup("a@example.com", "secret-password")
        client = modelslab_client.with_token(result.access_token)
        key = await client.api_keys.create("k")
        assert [k["id"] for k in modelslab_fake.api_keys_of("a@example.com")] == [key.id]


    def test_async_client_in_a_test_owned_loop(modelslab_fake, modelslab_client):
        asyncio.run(modelslab_client.auth.signup("a@example.com", "secret-password"))
        assert modelslab_fake.requests == [("POST", "/auth/signup", 201)]


    def test_async_client_closed_by_the_test(modelslab_client):
        async def use():
            async with modelslab_client:
                await modelslab_client.auth.forgot_password("a@example.com")

        asyncio.run(use())


    def test_sync_client(modelslab_fake, modelslab_sync_client):
        result = modelslab_sync_client.auth.signup("a@example.com", "secret-password")
        profile = modelslab_sync_client.with_token(result.access_token).profile.get()
        assert profile.email == "a@example.com"
    """
)


def test_the_client_fixtures_in_a_pytest_run(tmp_path: Path) -> None:
    pytest.importorskip("modelslab_agents", reason="the SDK is needed for the client fixtures")
    (tmp_path / "test_sdk.py").write_text(SDK_TESTS)
    env = {**os.environ, "MODELSLAB_AGENT_TOKEN": "1|not-for-tests"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error",
            "test_sdk.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout
    assert "skipped" not in result.stdout


pytest_plugins = ("pytester",)

ACCOUNT_TESTS = textwrap.dedent(
    """
    import asyncio

    from modelslab_agents import Secret
    from modelslab_agents.testing import FakeAccount


    def test_the_account_is_logged_in(modelslab_fake, modelslab_sync_client, modelslab_account):
        assert isinstance(modelslab_account, FakeAccount)
        assert isinstance(modelslab_account.token, Secret)
        assert modelslab_fake.requests == []
        me = modelslab_sync_client.with_token(modelslab_account.token)
        profile = me.profile.get()
        assert profile.email == modelslab_account.email
        assert profile.id == modelslab_account.id
        assert profile.verified is True
        assert [t.name for t in me.tokens.list()] == ["modelslab_account"]


    def test_the_password_logs_in(modelslab_client, modelslab_account):
        session = asyncio.run(
            modelslab_client.auth.login(modelslab_account.email, modelslab_account.password)
        )
        assert session.user.email == modelslab_account.email


    def test_the_account_shows_no_secret(modelslab_account):
        text = repr(modelslab_account)
        assert modelslab_account.email in text
        assert modelslab_account.token.get_secret_value() not in text
        assert modelslab_account.password.get_secret_value() not in text


    def test_each_test_gets_its_own_account(modelslab_fake, modelslab_account):
        assert len(modelslab_fake.tokens_of(modelslab_account.email)) == 1
    """
)


def test_the_account_fixture_is_signed_up_and_logged_in(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_account=ACCOUNT_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=4)


def test_the_account_fixture_is_listed(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["modelslab_account*", "*signed up on*modelslab_fake*"])
