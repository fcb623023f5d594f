"""Stored logins: file permissions, the keyring and its absence, profiles, precedence."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelslab_agents import Secret
from modelslab_agents._cli import _credentials
from modelslab_agents._cli._credentials import CredentialStore, check_profile_name
from modelslab_agents._cli._errors import CliError
from modelslab_agents.testing import FakeControlPlane

from .conftest import PASSWORD, Cli, new_email

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

URL = "http://127.0.0.1:9/api/agents/v1"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELSLAB_NO_KEYRING", "1")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: modes must not depend on the user's umask."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


# -- the store, in process ------------------------------------------------------------


@pytest.mark.usefixtures("no_keyring", "open_umask")
def test_the_file_is_0600_in_a_0700_directory_whatever_the_umask(tmp_path: Path) -> None:
    store = CredentialStore(tmp_path / "a" / "config")
    where = store.save_token("default", base_url=URL, token=Secret("1|abc"), email="a@x.io")
    assert where == str(store.path)
    assert _mode(store.directory) == 0o700
    assert _mode(store.path) == 0o600
    # Written by rename of a fresh file: no temporary file is left behind.
    assert sorted(p.name for p in store.directory.iterdir()) == [
        ".credentials.json.lock",
        "credentials.json",
    ]
    assert _mode(store.directory / ".credentials.json.lock") == 0o600


@pytest.mark.usefixtures("no_keyring")
def test_a_rewrite_never_widens_the_mode(tmp_path: Path) -> None:
    store = CredentialStore(tmp_path)
    store.save_token("one", base_url=URL, token=Secret("1|abc"), email=None)
    inode = store.path.stat().st_ino
    store.save_token("two", base_url=URL, token=Secret("2|def"), email=None)
    assert store.path.stat().st_ino != inode  # replaced, not rewritten in place
    assert _mode(store.path) == 0o600
    assert store.profile_names() == ["one", "two"]


@pytest.mark.usefixtures("no_keyring")
def test_a_file_readable_by_others_is_tightened_with_a_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    store = CredentialStore(tmp_path, warn=warnings.append)
    store.save_token("default", base_url=URL, token=Secret("1|abc"), email=None)
    os.chmod(store.path, 0o644)
    assert store.profile("default") is not None
    assert _mode(store.path) == 0o600
    assert warnings == [f"{store.path} was readable by other users; it is now mode 0600"]


@pytest.mark.usefixtures("no_keyring")
def test_an_open_directory_is_tightened(tmp_path: Path) -> None:
    directory = tmp_path / "config"
    directory.mkdir(mode=0o755)
    os.chmod(directory, 0o755)
    CredentialStore(directory).save_token("p", base_url=URL, token=Secret("t"), email=None)
    assert _mode(directory) == 0o700


@pytest.mark.usefixtures("no_keyring")
def test_forgetting_a_token_keeps_the_profile_and_its_url(tmp_path: Path) -> None:
    store = CredentialStore(tmp_path)
    store.save_token("default", base_url=URL, token=Secret("1|abc"), email="a@x.io")
    stored = store.profile("default")
    assert stored is not None
    assert store.token_of(stored) == Secret("1|abc")
    assert store.forget_token("default") is True
    assert store.forget_token("default") is False
    after = store.profile("default")
    assert after is not None
    assert (after.base_url, after.logged_in, store.token_of(after)) == (URL, False, None)
    assert "1|abc" not in store.path.read_text()


@pytest.mark.usefixtures("no_keyring")
def test_a_corrupt_file_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "credentials.json").write_text("{not json")
    with pytest.raises(CliError, match=r"credentials\.json"):
        CredentialStore(tmp_path).profile("default")


def test_profile_names_are_short_words() -> None:
    assert check_profile_name("team.acme-2") == "team.acme-2"
    for bad in ("", "../etc", "a b", "x" * 65):
        with pytest.raises(CliError):
            check_profile_name(bad)


def test_keyring_use_follows_the_backend_and_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    from .file_keyring import FileKeyring

    monkeypatch.delenv("MODELSLAB_NO_KEYRING", raising=False)
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert _credentials._usable_keyring() is None  # no keyring on this machine
    monkeypatch.setattr(keyring, "get_keyring", lambda: FileKeyring())
    assert _credentials._usable_keyring() is keyring
    monkeypatch.setenv("MODELSLAB_NO_KEYRING", "1")
    assert _credentials._usable_keyring() is None


# -- through the installed command ----------------------------------------------------


def test_login_on_a_machine_without_keyring_stores_the_token_in_the_file(
    cli: Cli, fake: FakeControlPlane
) -> None:
    email = new_email()
    fake.create_account(email, PASSWORD)
    # keyring's own "no keyring here" backend, and no opt-out variable.
    cli.env.pop("MODELSLAB_NO_KEYRING")
    cli.env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = cli("auth", "login", email, "--password-stdin", stdin=PASSWORD)
    assert result.code == 0, result.err
    assert _mode(cli.config_dir) == 0o700
    assert _mode(cli.config_dir / "credentials.json") == 0o600
    entry = cli.credentials()["profiles"]["default"]
    assert entry["token_store"] == "file"
    assert entry["base_url"] == cli.base_url
    assert entry["email"] == email
    live = [t["id"] for t in fake.tokens_of(email)]
    assert entry["token"].split("|")[0] == str(live[0])
    status = cli("--json", "auth", "status")
    assert status.json()["keyring"] is False
    assert status.json()["token_source"] == str(cli.config_dir / "credentials.json")


def test_with_a_keyring_the_token_never_touches_the_file(
    cli: Cli, fake: FakeControlPlane, keyring_file: Path
) -> None:
    email = new_email()
    fake.create_account(email, PASSWORD)
    login = cli("--json", "auth", "login", email, "--password-stdin", stdin=PASSWORD)
    assert login.code == 0, login.err
    assert login.json()["token_store"] == "keyring"
    entry = cli.credentials()["profiles"]["default"]
    assert entry["token_store"] == "keyring"
    assert "token" not in entry
    (token,) = json.loads(keyring_file.read_text()).values()
    assert token not in (cli.config_dir / "credentials.json").read_text()
    # A later command reads the token back from the keyring.
    shown = cli("auth", "token")
    assert (shown.code, shown.out.strip()) == (0, token)
    assert cli("auth", "logout").code == 0
    assert json.loads(keyring_file.read_text()) == {}
    assert fake.tokens_of(email) == []


def test_a_keyring_that_refuses_fails_the_login_and_revokes_its_token(
    cli: Cli, fake: FakeControlPlane, keyring_file: Path
) -> None:
    email = new_email()
    fake.create_account(email, PASSWORD)
    cli.env["TEST_KEYRING_FAIL"] = "1"
    result = cli("auth", "login", email, "--password-stdin", stdin=PASSWORD)
    assert result.code == 1
    assert "the token was not stored (it has been revoked)" in result.err
    assert "MODELSLAB_NO_KEYRING=1" in result.err
    assert fake.tokens_of(email) == []  # no orphan token left valid
    assert not (cli.config_dir / "credentials.json").exists()


def test_an_unwritable_config_dir_fails_before_logging_in(cli: Cli, fake: FakeControlPlane) -> None:
    email = new_email()
    fake.create_account(email, PASSWORD)
    cli.config_dir.parent.mkdir(parents=True, exist_ok=True)
    cli.config_dir.write_text("a file where the directory should be")
    result = cli.invoke("auth", "login", email, "--password-stdin", stdin=PASSWORD)
    assert result.code == 1
    assert "cannot store credentials" in result.err
    assert fake.tokens_of(email) == []  # never logged in


def test_profiles_keep_separate_logins(cli: Cli, fake: FakeControlPlane) -> None:
    first, second = new_email(), new_email()
    cli.signup(first)
    cli.signup(second, "--profile", "other")
    assert cli.invoke("--json", "profile", "show").json()["email"] == first
    assert cli.invoke("--json", "-p", "other", "profile", "show").json()["email"] == second
    assert (
        cli.invoke("--json", "profile", "show", env={"MODELSLAB_PROFILE": "other"}).json()["email"]
        == second
    )


def test_a_stored_token_is_never_sent_to_another_base_url(cli: Cli) -> None:
    cli.signup(new_email())
    elsewhere = FakeControlPlane()
    with elsewhere.serve() as other_url:
        result = cli.invoke("profile", "show", base_url=other_url)
    assert result.code == 3
    assert f"is logged in to {cli.base_url}, not {other_url}" in result.err
    assert elsewhere.requests == []


def test_the_token_variable_wins_over_the_stored_token(cli: Cli, fake: FakeControlPlane) -> None:
    stored, other = new_email(), new_email()
    cli.signup(stored)
    fake.create_account(other, PASSWORD)
    token = fake.issue_token(other)
    for variable in ("MODELSLAB_AGENT_TOKEN", "MODELSLAB_TOKEN"):
        shown = cli.invoke("--json", "profile", "show", env={variable: token})
        assert shown.json()["email"] == other
