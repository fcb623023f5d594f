"""The fault campaign: mixed key and team operations against the emulator over loopback,
and an audit of every outcome against the emulator's final state.

A campaign seeds an account with API keys and team invitations, injects faults, runs one
batch of operations with ``client.map`` (async or blocking) over real HTTP, and checks:

* one outcome per operation, in order, each an SDK result or a ``ModelsLabError``;
* every operation reported as succeeded is in the state, with the values it returned;
* no retry created a second API key or invitation (names and emails are counted);
* nothing vanished that no operation removed, and nothing appeared that none created;
* an operation reported as failed left the state as it was, unless its error says the
  server may have acted ("ambiguous"): an ``APIConnectionError``, or a
  ``ResponseDecodeError`` of a 2xx answer (the server acted; its answer was unreadable);
* ambiguous outcomes come only from faults that can hide whether the server acted, and,
  for an idempotent operation, only once its retries are spent;
* no outcome, error text, traceback or repr shows the token or an API key.
"""

from __future__ import annotations

import functools
import random
import time
import traceback
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Final

import anyio
import attrs
import httpx

from modelslab_agents import (
    APIConnectionError,
    AsyncModelsLab,
    BatchResult,
    ModelsLab,
    ModelsLabError,
    ResponseDecodeError,
    RetryEvent,
)
from modelslab_agents.testing import FakeControlPlane

OWNER: Final = "owner@example.com"
OWNER_PASSWORD: Final = "correct-horse-battery-staple"
SEED_NOTES: Final = "seeded"
SEED_ROLE: Final = "member"

#: Share of each action in a batch (they add up to 1).
MIX: Final = (
    ("create_key", 0.25),
    ("update_key", 0.15),
    ("delete_key", 0.15),
    ("invite", 0.20),
    ("update_member", 0.12),
    ("remove_member", 0.13),
)
IDEMPOTENT: Final = frozenset({"update_key", "delete_key", "update_member", "remove_member"})
#: Faults that can leave the client unsure whether the server acted.
AMBIGUOUS_KINDS: Final = frozenset({"drop_before", "drop_after", "slow", "truncated", "malformed"})
#: Faults that refuse the request before the server acts on it.
UNACTED_KINDS: Final = frozenset({"drop_before", "server_error", "html_error", "rate_limit"})

FLAVOURS: Final = ("asyncio", "trio", "blocking")


@attrs.frozen
class Op:
    """One operation of a batch: ``target`` is a new name or email, or a seeded id."""

    action: str
    target: str | int
    value: str | None = None

    @property
    def idempotent(self) -> bool:
        return self.action in IDEMPOTENT

    @property
    def request(self) -> tuple[str, str]:
        """(method, path under the API root) of the operation's request."""
        method, path = {
            "create_key": ("POST", "/api-keys"),
            "update_key": ("PUT", f"/api-keys/{self.target}"),
            "delete_key": ("DELETE", f"/api-keys/{self.target}"),
            "invite": ("POST", "/teams"),
            "update_member": ("PUT", f"/teams/{self.target}"),
            "remove_member": ("DELETE", f"/teams/{self.target}"),
        }[self.action]
        return method, path


@attrs.frozen
class Workload:
    token: str
    ops: tuple[Op, ...]
    seed_keys: Mapping[int, str]  # id -> name
    seed_members: Mapping[int, str]  # id -> email


def build_workload(fake: FakeControlPlane, size: int, seed: int) -> Workload:
    """Seed the owner's account and draw ``size`` operations, shuffled.

    Seeding goes through the in-process transport (no faults are injected yet), so it is
    quick; every seeded key and seat is the target of at most one operation.
    """
    rng = random.Random(seed)
    fake.create_account(OWNER, OWNER_PASSWORD)
    token = fake.issue_token(OWNER)
    counts = {action: int(size * share) for action, share in MIX}
    counts["create_key"] += size - sum(counts.values())
    key_targets = counts["update_key"] + counts["delete_key"]
    seat_targets = counts["update_member"] + counts["remove_member"]
    # Spare seeds no operation touches: they must survive the batch untouched.
    spare = max(4, size // 50)
    with ModelsLab(token, transport=fake.transport(), max_retries=0) as seeder:
        keys = seeder.map(
            functools.partial(seeder.api_keys.create, notes=SEED_NOTES),
            [f"seed-key-{i}" for i in range(key_targets + spare)],
            concurrency=8,
        )
        seats = seeder.map(
            seeder.teams.invite,
            [f"seed-{i}@example.net" for i in range(seat_targets + spare)],
            concurrency=8,
        )
    keys.raise_for_errors()
    seats.raise_for_errors()
    seed_keys = {k.id: k.name or "" for k in keys.values}
    seed_members = {m.id: m.email or "" for m in seats.values}
    key_ids = rng.sample(sorted(seed_keys), key_targets)
    seat_ids = rng.sample(sorted(seed_members), seat_targets)
    ops: list[Op] = []
    ops += [Op("create_key", f"key-{seed}-{i}") for i in range(counts["create_key"])]
    ops += [Op("invite", f"invitee-{seed}-{i}@example.org") for i in range(counts["invite"])]
    for i, key_id in enumerate(key_ids):
        if i < counts["update_key"]:
            ops.append(Op("update_key", key_id, f"notes-{i}"))
        else:
            ops.append(Op("delete_key", key_id))
    for i, seat_id in enumerate(seat_ids):
        if i < counts["update_member"]:
            ops.append(Op("update_member", seat_id, rng.choice(("admin", "viewer"))))
        else:
            ops.append(Op("remove_member", seat_id))
    rng.shuffle(ops)
    return Workload(token, tuple(ops), seed_keys, seed_members)


async def perform(client: AsyncModelsLab, op: Op) -> Any:
    """Run one operation with the async client."""
    target = op.target
    if op.action == "create_key":
        return await client.api_keys.create(str(target))
    if op.action == "update_key":
        return await client.api_keys.update(int(target), notes=op.value)
    if op.action == "delete_key":
        return await client.api_keys.delete(int(target))
    if op.action == "invite":
        return await client.teams.invite(str(target))
    if op.action == "update_member":
        return await client.teams.update(int(target), role=op.value)
    if op.action == "remove_member":
        return await client.teams.remove(int(target))
    raise AssertionError(op)


def perform_blocking(client: ModelsLab, op: Op) -> Any:
    """Run one operation with the blocking client (``map`` runs it in worker threads)."""
    target = op.target
    if op.action == "create_key":
        return client.api_keys.create(str(target))
    if op.action == "update_key":
        return client.api_keys.update(int(target), notes=op.value)
    if op.action == "delete_key":
        return client.api_keys.delete(int(target))
    if op.action == "invite":
        return client.teams.invite(str(target))
    if op.action == "update_member":
        return client.teams.update(int(target), role=op.value)
    if op.action == "remove_member":
        return client.teams.remove(int(target))
    raise AssertionError(op)


@attrs.define
class Report:
    """The figures of one campaign run, and what its audit found wrong."""

    label: str
    flavour: str
    operations: int
    requests: int = 0
    faults_injected: int = 0
    retries: int = 0
    succeeded: int = 0
    failed: int = 0
    ambiguous: int = 0
    duplicates: int = 0
    losses: int = 0
    leaks: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = attrs.field(factory=dict)
    violations: list[str] = attrs.field(factory=list)

    def violate(self, message: str) -> None:
        self.violations.append(message)

    def row(self) -> str:
        errors = ", ".join(f"{n} {name}" for name, n in sorted(self.errors.items())) or "-"
        return (
            f"{self.label:<13} {self.flavour:<8} {self.operations:>5} {self.requests:>6} "
            f"{self.faults_injected:>6} {self.retries:>6} {self.succeeded:>5} {self.failed:>5} "
            f"{self.ambiguous:>5} {self.duplicates:>4} {self.losses:>4} {self.leaks:>4} "
            f"{self.seconds:>6.2f}  {errors}"
        )


class Reports(list[Report]):
    """Every campaign run of this pytest session, for the terminal summary."""

    HEADER: Final = (
        f"{'faults':<13} {'client':<8} {'ops':>5} {'reqs':>6} {'faults':>6} {'retry':>6} "
        f"{'ok':>5} {'fail':>5} {'ambig':>5} {'dup':>4} {'lost':>4} {'leak':>4} "
        f"{'secs':>6}  errors"
    )

    def table(self) -> list[str]:
        return [self.HEADER, *(report.row() for report in self)]

    def as_json(self) -> list[dict[str, Any]]:
        return [attrs.asdict(report) for report in self]


REPORTS: Final = Reports()
#: How many answers the fuzz tests generated in this session.
FUZZED: Final[Counter[str]] = Counter()


@attrs.frozen
class Plan:
    """A campaign: which faults to inject, and which outcomes they may explain."""

    label: str
    faults: tuple[Mapping[str, Any], ...]
    size: int = 500
    read_timeout: float = 10.0
    max_retries: int = 3
    rate_limit: tuple[int, float] | None = None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(str(f["kind"]) for f in self.faults)


def run_campaign(plan: Plan, flavour: str, *, seed: int = 1) -> Report:
    """Seed, serve over loopback, inject ``plan``'s faults, run the batch, audit it."""
    fake = FakeControlPlane(seed=seed, rate_limits=False)
    workload = build_workload(fake, plan.size, seed)
    retries: Counter[tuple[str, str]] = Counter()

    def on_retry(event: RetryEvent) -> None:
        path = httpx.URL(event.url).path.removeprefix("/api/agents/v1")
        retries[event.method, path] += 1

    report = Report(plan.label, flavour, len(workload.ops))
    options: dict[str, Any] = {
        "timeout": httpx.Timeout(10.0, read=plan.read_timeout),
        "max_retries": plan.max_retries,
        "retry_backoff": 0,
        "on_retry": on_retry,
    }
    with fake.serve() as base_url:
        handled_before = len(fake.requests)
        if plan.rate_limit is not None:
            fake.set_rate_limit("agent-general", *plan.rate_limit)
        faults = [fake.inject_fault(**spec) for spec in plan.faults]
        started = time.monotonic()
        results = _run_batch(workload, flavour, base_url, options)
        report.seconds = time.monotonic() - started
        fake.clear_faults()
        report.faults_injected = sum(f.hits for f in faults)
        report.requests = len(fake.requests) - handled_before
    report.retries = sum(retries.values())
    audit(report, fake, workload, results, retries, plan)
    REPORTS.append(report)
    return report


def _run_batch(
    workload: Workload, flavour: str, base_url: str, options: dict[str, Any]
) -> BatchResult[Op, Any]:
    if flavour == "blocking":
        with ModelsLab(workload.token, base_url=base_url, **options) as client:
            return client.map(functools.partial(perform_blocking, client), workload.ops)

    async def main() -> BatchResult[Op, Any]:
        async with AsyncModelsLab(workload.token, base_url=base_url, **options) as client:
            return await client.map(functools.partial(perform, client), workload.ops)

    return anyio.run(main, backend=flavour)


def is_ambiguous(error: BaseException) -> bool:
    """Whether the error says the server may have acted on the request."""
    if isinstance(error, APIConnectionError):
        return True
    status = getattr(error, "status_code", None)
    return isinstance(error, ResponseDecodeError) and status is not None and 200 <= status < 300


def audit(
    report: Report,
    fake: FakeControlPlane,
    workload: Workload,
    results: BatchResult[Op, Any],
    retries: Mapping[tuple[str, str], int],
    plan: Plan,
) -> None:
    """Check ``results`` against the emulator's final state; fill in ``report``."""
    keys = fake.api_keys_of(OWNER)
    seats = fake.team_members_of(OWNER)
    keys_by_id = {k["id"]: k for k in keys}
    seats_by_id = {s["id"]: s for s in seats}
    key_names = Counter(k["name"] for k in keys)
    seat_emails = Counter(s["email"] for s in seats)
    secrets = [workload.token, *(k["key"] for k in keys if k.get("key"))]

    if len(results) != len(workload.ops):
        report.violate(f"{len(workload.ops)} operations gave {len(results)} outcomes")
    for op, outcome in zip(workload.ops, results, strict=False):
        if outcome.item is not op:
            report.violate(f"outcome out of order: {outcome.item} in the place of {op}")
    for name, count in list(key_names.items()) + list(seat_emails.items()):
        if count > 1:
            report.duplicates += count - 1
            report.violate(f"{count} copies of {name!r}")

    touched_keys = {op.target for op in workload.ops if op.action.endswith("_key")}
    touched_seats = {op.target for op in workload.ops if op.action.endswith("_member")}
    created = {op.target for op in workload.ops if op.action in ("create_key", "invite")}
    for key_id, name in workload.seed_keys.items():
        if key_id not in touched_keys and key_id not in keys_by_id:
            report.losses += 1
            report.violate(f"seeded key {name} vanished without an operation")
    for seat_id, email in workload.seed_members.items():
        if seat_id not in touched_seats and seat_id not in seats_by_id:
            report.losses += 1
            report.violate(f"seeded seat {email} vanished without an operation")
    known_names = set(workload.seed_keys.values()) | created
    known_emails = set(workload.seed_members.values()) | created
    for name in key_names:
        if name not in known_names:
            report.violate(f"a key nobody created: {name!r}")
    for email in seat_emails:
        if email not in known_emails:
            report.violate(f"a seat nobody created: {email!r}")

    for op, outcome in zip(workload.ops, results, strict=False):
        error = outcome.error
        if outcome.ok:
            report.succeeded += 1
            state = "ok"
        else:
            assert error is not None
            report.errors[type(error).__name__] = report.errors.get(type(error).__name__, 0) + 1
            if not isinstance(error, ModelsLabError):
                report.violate(f"{op}: a foreign exception {type(error).__name__}: {error}")
            if is_ambiguous(error):
                report.ambiguous += 1
                state = "ambiguous"
                _check_ambiguity(report, op, error, retries, plan)
            else:
                report.failed += 1
                state = "failed"
        effect = _effect(op, keys_by_id, seats_by_id, key_names, seat_emails)
        _check_effect(report, op, state, effect, outcome.value, keys_by_id, seats_by_id)
        if state == "ambiguous" and effect and plan.kinds <= UNACTED_KINDS:
            report.violate(f"{op}: acted on, though {sorted(plan.kinds)} refuse requests")
        if _leaks(secrets, outcome, error):
            report.leaks += 1
            report.violate(f"{op}: a secret shows in its outcome or error")
    if any(secret in repr(results) for secret in secrets):
        report.leaks += 1
        report.violate("a secret shows in the BatchResult's repr")


def _check_ambiguity(
    report: Report,
    op: Op,
    error: BaseException,
    retries: Mapping[tuple[str, str], int],
    plan: Plan,
) -> None:
    if not plan.kinds & AMBIGUOUS_KINDS:
        report.violate(f"{op}: ambiguous {type(error).__name__} under {sorted(plan.kinds)}")
    if op.idempotent and retries.get(op.request, 0) < plan.max_retries:
        report.violate(
            f"{op}: idempotent, yet gave up with {type(error).__name__} after "
            f"{retries.get(op.request, 0)} of {plan.max_retries} retries: {error}"
        )


def _effect(
    op: Op,
    keys_by_id: Mapping[int, Mapping[str, Any]],
    seats_by_id: Mapping[int, Mapping[str, Any]],
    key_names: Mapping[str, int],
    seat_emails: Mapping[str, int],
) -> bool:
    """Whether the operation's effect is in the state."""
    if op.action == "create_key":
        return key_names.get(str(op.target), 0) > 0
    if op.action == "invite":
        return seat_emails.get(str(op.target), 0) > 0
    if op.action == "update_key":
        key = keys_by_id.get(int(op.target))
        return key is not None and key["notes"] == op.value
    if op.action == "update_member":
        seat = seats_by_id.get(int(op.target))
        return seat is not None and seat["role"] == op.value
    if op.action == "delete_key":
        return int(op.target) not in keys_by_id
    if op.action == "remove_member":
        return int(op.target) not in seats_by_id
    raise AssertionError(op)


def _check_effect(
    report: Report,
    op: Op,
    state: str,
    effect: bool,
    value: Any,
    keys_by_id: Mapping[int, Mapping[str, Any]],
    seats_by_id: Mapping[int, Mapping[str, Any]],
) -> None:
    if state == "ok" and not effect:
        report.losses += 1
        report.violate(f"{op}: reported as succeeded, not in the state")
    elif state == "failed" and effect:
        report.violate(f"{op}: reported as failed, yet in the state")
    if op.action in ("update_key", "update_member") and int(op.target) not in (
        keys_by_id if op.action == "update_key" else seats_by_id
    ):
        report.losses += 1
        report.violate(f"{op}: an updated record vanished")
    if state == "ok":
        _check_value(report, op, value, keys_by_id, seats_by_id)


def _check_value(
    report: Report,
    op: Op,
    value: Any,
    keys_by_id: Mapping[int, Mapping[str, Any]],
    seats_by_id: Mapping[int, Mapping[str, Any]],
) -> None:
    """A succeeded operation returned what the state holds."""
    if op.action in ("delete_key", "remove_member"):
        wrong = value is not None
    elif op.action == "create_key":
        stored = keys_by_id.get(getattr(value, "id", None))  # type: ignore[arg-type]
        wrong = (
            stored is None
            or stored["name"] != op.target
            or value.key is None
            or value.key.get_secret_value() != stored["key"]
        )
    elif op.action == "invite":
        stored = seats_by_id.get(getattr(value, "id", None))  # type: ignore[arg-type]
        wrong = stored is None or stored["email"] != op.target or value.email != op.target
    elif op.action == "update_key":
        wrong = getattr(value, "id", None) != op.target or value.notes != op.value
    else:
        wrong = getattr(value, "id", None) != op.target or value.role != op.value
    if wrong:
        report.violate(f"{op}: returned {value!r}, which the state does not hold")


def _leaks(secrets: Sequence[str], outcome: Any, error: BaseException | None) -> bool:
    texts = [repr(outcome)]
    if error is not None:
        texts += [str(error), repr(error), *traceback.format_exception(error)]
    return any(secret in text for secret in secrets for text in texts)


def violations_summary(report: Report, limit: int = 12) -> str:
    """The first violations, for an assertion message."""
    shown = report.violations[:limit]
    more = len(report.violations) - len(shown)
    lines = [report.row(), *shown]
    if more:
        lines.append(f"... and {more} more")
    return "\n".join(lines)
