"""The generator: the committed modules match the spec, and staleness is caught.

Every test that rewrites files does so in a temporary copy; the real package is
never touched (checked by hashing it around each test).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelslab_agents import _codegen
from modelslab_agents._endpoints import ALL

GENERATED = (
    "_models.py",
    "_endpoints.py",
    "_resources.py",
    "_sync_resources.py",
    "_raw_resources.py",
    "mcp/_operations.py",
)
REAL_PACKAGE = _codegen.PACKAGE


def _digest(package: Path) -> str:
    files = [*GENERATED, "_spec/openapi.json"]
    return hashlib.sha256(b"".join((package / f).read_bytes() for f in files)).hexdigest()


@pytest.fixture(autouse=True)
def _real_files_untouched() -> Iterator[None]:
    before = _digest(REAL_PACKAGE)
    yield
    assert _digest(REAL_PACKAGE) == before


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generated modules and the spec; the generator pointed at it."""
    (tmp_path / "_spec").mkdir()
    (tmp_path / "mcp").mkdir()
    for name in GENERATED:
        shutil.copy(REAL_PACKAGE / name, tmp_path / name)
    shutil.copy(REAL_PACKAGE / "_spec" / "openapi.json", tmp_path / "_spec" / "openapi.json")
    monkeypatch.setattr(_codegen, "PACKAGE", tmp_path)
    monkeypatch.setattr(_codegen, "SPEC", tmp_path / "_spec" / "openapi.json")
    return tmp_path


def test_check_passes_on_the_committed_files() -> None:
    assert _codegen.main(["--check"]) == 0


def test_check_passes_as_a_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "modelslab_agents._codegen", "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_check_passes_on_an_unchanged_copy(copy: Path) -> None:
    assert _codegen.main(["--check"]) == 0


@pytest.mark.parametrize("name", GENERATED)
def test_check_fails_when_a_generated_file_is_altered(
    copy: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy / name
    path.write_text(path.read_text() + "\n# edited by hand\n")
    assert _codegen.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert name in err
    assert "stale" in err
    assert "# edited by hand" in path.read_text()  # --check never writes


def test_check_fails_when_a_generated_file_is_missing(copy: Path) -> None:
    (copy / "_endpoints.py").unlink()
    assert _codegen.main(["--check"]) == 1


def test_check_fails_when_the_spec_changes(copy: Path) -> None:
    spec_path = copy / "_spec" / "openapi.json"
    spec = json.loads(spec_path.read_text())
    spec["paths"]["/me"]["get"]["summary"] = "Fetch the profile."
    spec_path.write_text(json.dumps(spec, indent=2) + "\n")
    assert _codegen.main(["--check"]) == 1


def test_generating_repairs_an_altered_copy(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy / "_resources.py"
    original = path.read_text()
    path.write_text("broken\n")
    assert _codegen.main([]) == 0
    assert path.read_text() == original
    assert "_resources.py" in capsys.readouterr().out
    assert _codegen.main(["--check"]) == 0


def test_rendering_is_deterministic() -> None:
    assert _codegen.render_all() == _codegen.render_all()


def test_spec_has_the_28_routes_and_verify_email() -> None:
    spec = json.loads(_codegen.SPEC.read_text())
    operations = _codegen.read_operations(spec)
    assert len(operations) == 31  # and auth.refresh, auth.scopes
    assert {op.operation_id for op in operations} == {e.operation_id for e in ALL}
    assert "auth.verify_email" in {op.operation_id for op in operations}


def test_only_documented_routes_need_no_token() -> None:
    anonymous = {e.path for e in ALL if not e.needs_token}
    assert anonymous == {
        "/auth/signup",
        "/auth/login",
        "/auth/forgot-password",
        "/auth/reset-password",
        "/auth/resend-verification",
        "/auth/verify-email",
        "/auth/scopes",
    }


def test_no_post_is_retried_once_the_server_may_have_acted() -> None:
    assert [e.operation_id for e in ALL if e.method == "POST" and e.idempotent] == []
    # A password change has a precondition (the current password): a repeat after
    # the first took effect fails, so it is the one non-POST that is not idempotent.
    not_idempotent = {e.operation_id for e in ALL if e.method != "POST" and not e.idempotent}
    assert not_idempotent == {"profile.update_password"}


def test_secret_fields_cover_every_password_and_token() -> None:
    secrets = {e.operation_id: set(e.secret_fields) for e in ALL}
    assert secrets["auth.login"] == {"password"}
    assert secrets["auth.signup"] == {"password"}
    assert secrets["auth.reset_password"] == {"token", "password", "password_confirmation"}
    assert secrets["profile.update_password"] == {
        "current_password",
        "password",
        "password_confirmation",
    }
    assert secrets["auth.verify_email"] == {"verification_code"}


def test_generated_files_say_they_are_generated() -> None:
    for name in GENERATED:
        assert (_codegen.PACKAGE / name).read_text().startswith(_codegen.HEADER)
