"""The demo: the whole bootstrap story, offline, with every secret masked."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from modelslab_agents import _demo
from modelslab_agents.testing import FakeControlPlane

# Tokens look like "<id>|<40 characters>", keys like "mlk_<48 characters>"; any long
# unbroken run of letters and digits in the transcript would be a leaked secret.
_SECRET_LIKE = re.compile(r"[A-Za-z0-9_|]{20,}")


def _run(fake: FakeControlPlane) -> list[str]:
    lines: list[str] = []
    _demo.run(lines.append, fake=fake)
    return lines


def test_the_story_runs_every_step_against_the_emulator() -> None:
    fake = FakeControlPlane()
    lines = _run(fake)
    steps = [line.split()[1] for line in lines if re.match(r"\s*\d+\. ", line)]
    assert steps == [
        "signup", "login", "api", "invite", "email", "signup", "accept", "team",
        "switch", "tokens", "batch", "batch", "logout", "logout",
    ]  # fmt: skip
    assert lines[0].strip().startswith("emulator serving http://127.0.0.1:")
    # What the emulator holds afterwards is what the story says happened.
    assert [k["name"] for k in fake.api_keys_of(_demo.OWNER)] == ["alice-agent"]
    assert [(m["email"], m["status"]) for m in fake.team_members_of(_demo.OWNER)] == [
        (_demo.TEAMMATE, "accepted")
    ]
    assert fake.tokens_of(_demo.OWNER) == []
    assert fake.tokens_of(_demo.TEAMMATE) == []
    assert any("5 ok, 1 key left" in line for line in lines)


def test_the_transcript_holds_no_secret() -> None:
    fake = FakeControlPlane()
    lines = _run(fake)
    text = "\n".join(lines)
    (key,) = fake.api_keys_of(_demo.OWNER)
    assert key["key"] not in text
    assert _demo.OWNER_PASSWORD not in text
    assert _demo.TEAMMATE_PASSWORD not in text
    assert _SECRET_LIKE.findall(text) == []
    assert "**********" in text


def test_without_uvicorn_it_runs_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes `import uvicorn` fail
    lines = _run(FakeControlPlane())
    assert "in-process" in lines[0]
    assert len([line for line in lines if re.match(r"\s*\d+\. ", line)]) == 14


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "modelslab_agents", "demo"],
        [sys.executable, "-m", "modelslab_agents._demo"],
    ],
    ids=["cli", "module"],
)
def test_the_demo_command_exits_0_without_leaking(command: list[str]) -> None:
    env_free = {"MODELSLAB_CONFIG_DIR": "/nonexistent/never-written"}
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**_plain_env(), **env_free},
    )
    assert result.returncode == 0, result.stderr
    assert "14. logout" in result.stdout
    assert _SECRET_LIKE.findall(result.stdout + result.stderr) == []


def _plain_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MODELSLAB_")}
