"""Where the command line keeps its logins: named profiles, tokens in the OS keyring.

Each profile records the base URL it logged in to and the account's email in
``credentials.json`` inside the configuration directory
(``platformdirs.user_config_dir("modelslab-agents")``, or ``MODELSLAB_CONFIG_DIR``).
The token itself goes to the OS keyring when the ``keyring`` package is installed
and has a working backend; otherwise (or with ``MODELSLAB_NO_KEYRING=1``) it is
kept in that same file.

The directory is created mode 0700 and the file mode 0600. The file is never
rewritten in place: a new one is created with ``O_CREAT | O_EXCL`` and mode 0600
(under a 0077 umask) and renamed over the old, so it is never readable by others,
not even for a moment, and never half-written. Writers take a lock, so two
commands logging in at once do not lose either login.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Final, Literal

import attrs

from modelslab_agents._secret import Secret

from ._errors import CliError, ExitCode

__all__ = [
    "CONFIG_DIR_ENV",
    "FILE_NAME",
    "KEYRING_SERVICE",
    "NO_KEYRING_ENV",
    "CredentialStore",
    "StoredProfile",
    "check_profile_name",
    "default_config_dir",
]

CONFIG_DIR_ENV: Final = "MODELSLAB_CONFIG_DIR"
NO_KEYRING_ENV: Final = "MODELSLAB_NO_KEYRING"
FILE_NAME: Final = "credentials.json"
KEYRING_SERVICE: Final = "modelslab-agents"
_FORMAT_VERSION: Final = 1
_PROFILE_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")

TokenStore = Literal["keyring", "file"]


def check_profile_name(name: str) -> str:
    """A profile name is a short word: letters, digits, ``_ . @ -``."""
    if not _PROFILE_NAME.fullmatch(name):
        raise CliError(
            f"invalid profile name {name!r}: use up to 64 letters, digits, '_', '.', '@' or '-'",
            ExitCode.USAGE,
        )
    return name


def default_config_dir() -> Path:
    """``MODELSLAB_CONFIG_DIR``, else the platform's per-user configuration directory."""
    configured = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("modelslab-agents", appauthor=False))


def _usable_keyring() -> ModuleType | None:
    """The ``keyring`` module when it is installed, allowed and has a real backend."""
    if os.environ.get(NO_KEYRING_ENV, "").strip().lower() not in ("", "0", "false", "no"):
        return None
    try:
        keyring = importlib.import_module("keyring")
        backend = keyring.get_keyring()
        priority = float(getattr(backend, "priority", 0))
    except Exception:  # not installed, or a broken backend configuration
        return None
    # keyring's "fail" and "null" backends (no keyring on this machine) rank <= 0.
    return keyring if priority > 0 else None


@attrs.frozen
class StoredProfile:
    """A profile as stored: where it logged in, as whom, and where its token is."""

    name: str
    base_url: str | None = None
    email: str | None = None
    token_store: TokenStore | None = None
    file_token: Secret | None = attrs.field(default=None, repr=False)

    @property
    def logged_in(self) -> bool:
        return self.token_store is not None


class CredentialStore:
    """The profiles in one configuration directory (see the module docstring)."""

    def __init__(
        self,
        directory: Path | None = None,
        *,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.directory = directory if directory is not None else default_config_dir()
        self.path = self.directory / FILE_NAME
        self._warn = warn or (lambda message: None)
        self._keyring = _usable_keyring()

    @property
    def keyring_available(self) -> bool:
        """Whether tokens go to the OS keyring (else to the credentials file)."""
        return self._keyring is not None

    # -- reading ----------------------------------------------------------------------

    def profile(self, name: str) -> StoredProfile | None:
        """The stored profile ``name``, or None."""
        entry = self._read().get("profiles", {}).get(name)
        if not isinstance(entry, dict):
            return None
        store = entry.get("token_store")
        token = entry.get("token")
        return StoredProfile(
            name=name,
            base_url=_str_or_none(entry.get("base_url")),
            email=_str_or_none(entry.get("email")),
            token_store=store if store in ("keyring", "file") else None,
            file_token=Secret(token) if store == "file" and isinstance(token, str) else None,
        )

    def profile_names(self) -> list[str]:
        """The names of the stored profiles, sorted."""
        profiles = self._read().get("profiles", {})
        return sorted(profiles) if isinstance(profiles, dict) else []

    def token_of(self, profile: StoredProfile) -> Secret | None:
        """The stored token of ``profile`` (from the keyring or the file)."""
        if profile.token_store == "file":
            return profile.file_token
        if profile.token_store != "keyring":
            return None
        if self._keyring is None:
            raise CliError(
                f"the token of profile {profile.name!r} is in the OS keyring, which is not "
                f"available now (is {NO_KEYRING_ENV} set?); log in again to store a new one",
                ExitCode.AUTHENTICATION,
            )
        try:
            value = self._keyring.get_password(KEYRING_SERVICE, _keyring_user(profile))
        except Exception as exc:
            raise CliError(
                f"could not read the token of profile {profile.name!r} from the OS keyring: "
                f"{type(exc).__name__}: {exc}"
            ) from None
        return Secret(value) if isinstance(value, str) and value else None

    # -- writing ----------------------------------------------------------------------

    def check_writable(self) -> None:
        """Fail now, before logging in, if the login could not be stored."""
        try:
            self._ensure_directory()
            with self._locked():
                pass
        except OSError as exc:
            raise CliError(
                f"cannot store credentials in {self.directory}: {exc.strerror or exc}; "
                f"set {CONFIG_DIR_ENV} to a writable directory"
            ) from None

    def save_token(self, name: str, *, base_url: str, token: Secret, email: str | None) -> str:
        """Store a login for profile ``name``; returns where the token went, for people."""
        profile = StoredProfile(name=name, base_url=base_url, email=email)
        store: TokenStore = "file"
        if self._keyring is not None:
            try:
                self._keyring.set_password(
                    KEYRING_SERVICE, _keyring_user(profile), token.get_secret_value()
                )
                store = "keyring"
            except Exception as exc:
                raise CliError(
                    f"could not store the token in the OS keyring ({type(exc).__name__}: "
                    f"{exc}); set {NO_KEYRING_ENV}=1 to keep it in {self.path} instead"
                ) from None
        entry: dict[str, Any] = {"base_url": base_url, "email": email, "token_store": store}
        if store == "file":
            entry["token"] = token.get_secret_value()
        try:
            with self._locked():
                data = self._read()
                previous = data.setdefault("profiles", {}).get(name)
                data["profiles"][name] = entry
                self._write(data)
        except OSError as exc:
            if store == "keyring":
                self._delete_from_keyring(profile)
            raise CliError(
                f"could not write {self.path}: {exc.strerror or exc}; "
                f"set {CONFIG_DIR_ENV} to a writable directory"
            ) from None
        self._drop_stale_keyring_entry(name, previous, entry)
        return "the OS keyring" if store == "keyring" else str(self.path)

    def forget_token(self, name: str) -> bool:
        """Remove profile ``name``'s token (keeping its base URL); True if there was one."""
        with self._locked():
            data = self._read()
            entry = data.get("profiles", {}).get(name)
            if not isinstance(entry, dict) or entry.get("token_store") is None:
                return False
            profile = self.profile(name)
            entry.pop("token", None)
            entry["token_store"] = None
            self._write(data)
        if profile is not None and profile.token_store == "keyring":
            self._delete_from_keyring(profile)
        return True

    # -- internals --------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return {"version": _FORMAT_VERSION, "profiles": {}}
        except OSError as exc:
            raise CliError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        if os.name == "posix" and stat.S_IMODE(info.st_mode) & 0o077:
            with contextlib.suppress(OSError):
                os.chmod(self.path, 0o600)
                self._warn(f"{self.path} was readable by other users; it is now mode 0600")
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CliError(
                f"cannot read {self.path} ({type(exc).__name__}); fix or delete the file"
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("profiles", {}), dict):
            raise CliError(f"{self.path} is not a credentials file; fix or delete it")
        data.setdefault("profiles", {})
        return data

    def _ensure_directory(self) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            info = self.directory.stat()
            if stat.S_IMODE(info.st_mode) & 0o077 and info.st_uid == os.getuid():
                os.chmod(self.directory, 0o700)

    def _write(self, data: dict[str, Any]) -> None:
        self._ensure_directory()
        data["version"] = _FORMAT_VERSION
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        temporary = self.directory / f".{FILE_NAME}.{secrets.token_hex(8)}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        previous_umask = os.umask(0o077)
        try:
            fd = os.open(temporary, flags, 0o600)
        finally:
            os.umask(previous_umask)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise read-modify-write cycles between processes (POSIX advisory lock)."""
        self._ensure_directory()
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: last writer wins
            yield
            return
        lock_path = self.directory / f".{FILE_NAME}.lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _delete_from_keyring(self, profile: StoredProfile) -> None:
        if self._keyring is None:
            return
        try:
            self._keyring.delete_password(KEYRING_SERVICE, _keyring_user(profile))
        except Exception:  # already gone, or the keyring refuses: nothing left to leak
            return

    def _drop_stale_keyring_entry(self, name: str, previous: object, entry: dict[str, Any]) -> None:
        """A re-login to another base URL leaves no orphan token in the keyring."""
        if not isinstance(previous, dict) or previous.get("token_store") != "keyring":
            return
        if previous.get("base_url") == entry["base_url"]:
            return
        self._delete_from_keyring(
            StoredProfile(name=name, base_url=_str_or_none(previous.get("base_url")))
        )


def _keyring_user(profile: StoredProfile) -> str:
    """The keyring entry of a profile is keyed by name and base URL, so a token is
    only ever found for the server that issued it."""
    return f"{profile.name} {profile.base_url or ''}".strip()


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
