"""The demo: an agent bootstraps a ModelsLab account, end to end, offline.

It starts the emulator on loopback and runs the whole story with the SDK: sign
up, log in, create an API key, invite a teammate who signs up and accepts with
their own token, switch into the team account, list and revoke tokens, run a
concurrent batch with ``map`` (on the async client), and log out. Each step
prints one line; tokens and keys print masked, through :class:`Secret`.

Run it with ``modelslab-agents demo`` or ``python -m modelslab_agents demo``; it
needs no network and no configuration. It uses only the SDK (no command-line
packages), and without uvicorn it talks to the emulator in-process instead.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import anyio

from ._client import AsyncModelsLab
from ._exceptions import AuthenticationError, ModelsLabError
from ._sync import ModelsLab

if TYPE_CHECKING:
    import httpx

    from .testing import FakeControlPlane

__all__ = ["main", "run"]

OWNER = "alice@example.com"
TEAMMATE = "bob@example.com"
# Demo-only passwords for accounts that exist only inside the emulator.
OWNER_PASSWORD = "correct-horse-battery"
TEAMMATE_PASSWORD = "staple-sunset-orbit"
BATCH_SIZE = 5


class _Story:
    """Numbers the steps and prints one line for each."""

    def __init__(self, emit: Callable[[str], object]) -> None:
        self._emit = emit
        self.step = 0

    def say(self, what: str, text: str) -> None:
        self.step += 1
        self._emit(f"{self.step:>2}. {what:<8} {text}")

    def note(self, text: str) -> None:
        self._emit(f"    {text}")


Transports = Callable[[], "httpx.AsyncBaseTransport | None"]


def _no_transport() -> None:
    return None


@contextlib.contextmanager
def _emulator(fake: FakeControlPlane) -> Iterator[tuple[str, Transports, bool]]:
    """The emulator over loopback HTTP; in-process when uvicorn is not installed.

    Yields the base URL, a factory of the transport each client uses (None: real
    HTTP), and whether the emulator is served over HTTP.
    """
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        yield "https://emulator.invalid/api/agents/v1", fake.transport, False
        return
    with fake.serve() as base_url:
        yield base_url, _no_transport, True


def run(emit: Callable[[str], object] = print, *, fake: FakeControlPlane | None = None) -> None:
    """Run the story against ``fake`` (a new emulator by default), emitting one line
    per step. Raises the SDK's exception if a step fails."""
    from .testing import FakeControlPlane

    fake = fake if fake is not None else FakeControlPlane()
    story = _Story(emit)
    started = time.perf_counter()
    with _emulator(fake) as (base_url, transport, over_http):
        if over_http:
            story.note(f"emulator serving {base_url} (loopback only; nothing leaves this machine)")
        else:
            story.note("emulator running in-process (install uvicorn to serve it over HTTP)")
        options: dict[str, Any] = {"base_url": base_url, "retry_backoff": 0}
        with ModelsLab(transport=transport(), **options) as anonymous:
            _bootstrap(story, fake, anonymous, base_url, transport)
    story.note(f"done in {time.perf_counter() - started:.2f} s; every secret above is masked")


def _bootstrap(
    story: _Story,
    fake: FakeControlPlane,
    anonymous: ModelsLab,
    base_url: str,
    transport: Transports,
) -> None:
    # The owner: sign up, log in, create an API key.
    signup = anonymous.auth.signup(OWNER, OWNER_PASSWORD, name="Alice")
    owner_name = signup.user.username if signup.user is not None else None
    story.say(
        "signup",
        f"{OWNER} signed up (username {owner_name!r}); first token {signup.access_token}",
    )
    session = anonymous.auth.login(OWNER, OWNER_PASSWORD, device_name="demo-agent")
    owner = anonymous.with_token(session.access_token)
    expires = session.expires_at.date().isoformat() if session.expires_at else "never"
    story.say("login", f"{OWNER} logged in as device 'demo-agent': token {session.access_token}")
    story.note(f"expires {expires}; scopes: {', '.join(session.scopes) or 'none listed'}")
    key = owner.api_keys.create("alice-agent", notes="made by the demo")
    story.say("api key", f"created key {key.id} {key.name!r}: {key.key} (full once; masked here)")

    # A teammate: invited, signs up, accepts with their own token.
    member = owner.teams.invite(TEAMMATE)
    story.say("invite", f"invited {TEAMMATE}: member {member.id}, {member.status}")
    email = next(m for m in reversed(fake.outbox) if m.kind == "team_invitation")
    story.say("email", f"invitation email to {email.to}: invitation id {email.token}")
    anonymous.auth.signup(TEAMMATE, TEAMMATE_PASSWORD, name="Bob")
    teammate_session = anonymous.auth.login(TEAMMATE, TEAMMATE_PASSWORD, device_name="bob-agent")
    teammate = anonymous.with_token(teammate_session.access_token)
    story.say(
        "signup", f"{TEAMMATE} signed up and logged in: token {teammate_session.access_token}"
    )
    teammate.teams.accept_invite(email.token)
    story.say("accept", f"{TEAMMATE} accepted the invitation with their own token")
    seats = owner.teams.list()
    story.say("team", "alice's team: " + ", ".join(f"{s.email} ({s.status})" for s in seats))

    # The teammate acts as the team account.
    assert owner_name is not None
    switched = teammate.tokens.switch_account(owner_name, device_name="bob-as-alice")
    as_team = anonymous.with_token(switched.access_token)
    names = [k.name for k in as_team.api_keys.list()]
    story.say(
        "switch",
        f"{TEAMMATE} switched into {owner_name!r}: token {switched.access_token}; "
        f"sees the team's keys {names}",
    )

    # Tokens: the owner holds the signup token and the login token.
    held = owner.tokens.list()
    owner.tokens.revoke_others()
    left = owner.tokens.list()
    story.say(
        "tokens",
        f"alice held {len(held)} tokens ({', '.join(str(t.name) for t in held)}); "
        f"revoked the others, {len(left)} left",
    )

    # A concurrent batch on the async client.
    created, deleted, remaining = anyio.run(
        _batch, base_url, session.access_token.get_secret_value(), transport
    )
    story.say("batch", f"async client: created {created} keys concurrently with map()")
    story.say("batch", f"deleted them concurrently with map(): {deleted} ok, {remaining} key left")

    # Log out; the old token stops working.
    owner.auth.logout()
    try:
        owner.profile.get()
    except AuthenticationError as exc:
        story.say("logout", f"alice logged out; her token is now refused ({exc.status_code})")
    else:  # pragma: no cover - the emulator revokes on logout
        raise ModelsLabError("the token still worked after logout")
    teammate.auth.logout_all()
    story.say(
        "logout",
        f"bob logged out everywhere: {len(fake.tokens_of(TEAMMATE))} of his tokens still valid",
    )


async def _batch(
    base_url: str,
    token: str,
    transport: Transports,
) -> tuple[int, int, int]:
    """Create and delete keys concurrently with ``AsyncModelsLab.map``."""
    async with AsyncModelsLab(token, base_url=base_url, transport=transport()) as client:
        names = [f"batch-{n}" for n in range(1, BATCH_SIZE + 1)]
        created = await client.map(client.api_keys.create, names, concurrency=BATCH_SIZE)
        created.raise_for_errors()
        ids = [key.id for key in created.values]
        deleted = await client.map(client.api_keys.delete, ids, concurrency=BATCH_SIZE)
        deleted.raise_for_errors()
        remaining = await client.api_keys.list()
        return len(created.succeeded), len(deleted.succeeded), len(remaining)


def main() -> int:
    """Run the demo, printing to stdout; 0 on success, 1 if a step failed."""
    try:
        run()
    except ModelsLabError as exc:
        print(f"demo failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
