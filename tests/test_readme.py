"""The README's examples (and the guides') run as written, so they can never rot.

Every ```python block of README.md and of the guides in docs/ runs in a fresh
interpreter, as a reader would run it: in an empty directory, against an emulator
served over loopback whose base URL is in ``MODELSLAB_BASE_URL`` (what the README tells
readers to export), with no token in the environment. A block that defines ``test_``
functions runs under pytest instead. The quick start must also pass ``mypy --strict``
and pyright.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from modelslab_agents.testing import FakeControlPlane

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
GUIDES = sorted((ROOT / "docs").glob("*.md"))
TIMEOUT = 120


@dataclass(frozen=True)
class Block:
    source: str  # the file's path from the repository's root
    line: int  # where the block's code starts in it, 1-based
    code: str

    @property
    def is_test(self) -> bool:
        return re.search(r"^(?:async )?def test_", self.code, re.M) is not None


def python_blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    blocks = []
    for match in re.finditer(r"^```python\n(.*?)^```$", text, re.M | re.S):
        line = text.count("\n", 0, match.start(1)) + 1
        blocks.append(Block(path.relative_to(ROOT).as_posix(), line, match.group(1)))
    return blocks


BLOCKS = python_blocks(README)
QUICK_START = BLOCKS[0]
ALL_BLOCKS = BLOCKS + [block for guide in GUIDES for block in python_blocks(guide)]


def _id(block: Block) -> str:
    return f"{block.source}:{block.line}"


@pytest.fixture
def base_url() -> Iterator[str]:
    """A fresh emulator for each block, served over loopback like the reader's."""
    with FakeControlPlane().serve() as url:
        yield url


def _run(
    args: list[str], cwd: Path, base_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MODELSLAB_") and k not in ("PYTHONPATH", "PYTEST_ADDOPTS")
    }
    if base_url is not None:
        env["MODELSLAB_BASE_URL"] = base_url
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def test_the_readme_has_the_examples_it_promises() -> None:
    assert len(BLOCKS) >= 5
    assert any(block.is_test for block in BLOCKS)
    assert "asyncio.run(main())" in QUICK_START.code
    assert "export MODELSLAB_BASE_URL=" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("block", [b for b in ALL_BLOCKS if not b.is_test], ids=_id)
def test_example_runs_as_written(block: Block, base_url: str, tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(block.code, encoding="utf-8")
    result = _run([sys.executable, str(script)], tmp_path, base_url)
    assert result.returncode == 0, f"{_id(block)} failed:\n{result.stderr}"


@pytest.mark.parametrize("block", [b for b in ALL_BLOCKS if b.is_test], ids=_id)
def test_test_example_passes_under_pytest(block: Block, base_url: str, tmp_path: Path) -> None:
    script = tmp_path / "test_example.py"
    script.write_text(block.code, encoding="utf-8")
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(script)]
    result = _run(args, tmp_path, base_url)
    assert result.returncode == 0, f"{_id(block)} failed:\n{result.stdout}"
    tests = len(re.findall(r"^(?:async )?def test_", block.code, re.M))
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed, result.stdout
    assert int(passed.group(1)) >= tests, result.stdout
    assert "skipped" not in result.stdout


def test_quick_start_passes_mypy_strict(tmp_path: Path) -> None:
    script = tmp_path / "quick_start.py"
    script.write_text(QUICK_START.code, encoding="utf-8")
    args = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)]
    result = _run(args, tmp_path)
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(shutil.which("node") is None, reason="pyright runs on Node.js")
def test_quick_start_passes_pyright_strict(tmp_path: Path) -> None:
    script = tmp_path / "quick_start.py"
    script.write_text("# pyright: strict\n" + QUICK_START.code, encoding="utf-8")
    args = [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, str(script)]
    result = _run(args, tmp_path)
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stdout


def test_the_guides_quick_start_is_the_readmes() -> None:
    (guide,) = [b for b in ALL_BLOCKS if b.source == "docs/quickstart.md"]
    assert guide.code == QUICK_START.code
