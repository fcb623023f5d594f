"""The fault campaign: 500 mixed key and team operations per fault, over loopback.

Each run serves a fresh emulator with ``fake.serve()``, injects one family of faults,
runs the batch with ``client.map`` and audits every outcome against the final state
(see ``_harness``). The runs rotate over the async client on asyncio and on trio and the
blocking client, so each is exercised against several faults while the whole campaign
stays short; the soak runs every fault against every client, with more items and all
faults mixed. Back-off is instant (``retry_backoff=0``): only the server's own
``Retry-After`` and rate-limit resets are waited out.
"""

from __future__ import annotations

from typing import Any

import pytest

from modelslab_agents import (
    APIConnectionError,
    BatchResult,
    ModelsLab,
    NotFoundError,
    Outcome,
)
from modelslab_agents.testing import FakeControlPlane

from ._harness import (
    FLAVOURS,
    OWNER,
    Op,
    Plan,
    Report,
    Workload,
    audit,
    build_workload,
    run_campaign,
    violations_summary,
)

PLANS: dict[str, Plan] = {
    # A burst of 502s (every request at first), then 500s and 503s with Retry-After: 0.
    "server_error": Plan(
        "server_error",
        (
            {"kind": "server_error", "count": 16, "status": 502},
            {"kind": "server_error", "every": 9, "status": 500},
            {"kind": "server_error", "every": 13, "status": 503, "retry_after": 0},
        ),
    ),
    "html_error": Plan(
        "html_error",
        (
            {"kind": "html_error", "count": 16, "status": 504},
            {"kind": "html_error", "every": 9, "status": 502},
        ),
    ),
    # A storm: the next 32 requests, two waves of the batch, are all refused.
    "rate_limit": Plan("rate_limit", ({"kind": "rate_limit", "count": 32, "retry_after": 0},)),
    "drop_before": Plan("drop_before", ({"kind": "drop_before", "every": 9},)),
    "drop_after": Plan("drop_after", ({"kind": "drop_after", "every": 9},)),
    # Slower than the read timeout: the client gives up; the server abandons the request.
    "slow": Plan("slow", ({"kind": "slow", "every": 25, "delay": 2.0},), read_timeout=0.5),
    "truncated": Plan("truncated", ({"kind": "truncated", "every": 9},)),
    "malformed": Plan("malformed", ({"kind": "malformed", "every": 9},)),
}


def _rotation() -> list[Any]:
    params = []
    for index, (kind, plan) in enumerate(PLANS.items()):
        flavour = FLAVOURS[index % len(FLAVOURS)]
        params.append(pytest.param(plan, flavour, id=f"{kind}-{flavour}"))
    return params


@pytest.mark.parametrize(("plan", "flavour"), _rotation())
def test_campaign_loses_nothing_duplicates_nothing_leaks_nothing(plan: Plan, flavour: str) -> None:
    report = run_campaign(plan, flavour)
    assert report.faults_injected > 0  # the faults did strike
    assert report.succeeded + report.failed + report.ambiguous == report.operations == plan.size
    assert report.succeeded > plan.size // 2
    assert_clean(report)


def assert_clean(report: Report) -> None:
    """No violation of any kind: nothing lost, duplicated, leaked or unexplained."""
    assert report.violations == [], violations_summary(report)


SOAK_PLAN = Plan(
    "mixed",
    (
        {"kind": "server_error", "count": 24, "status": 502},
        {"kind": "server_error", "every": 23, "status": 500},
        {"kind": "server_error", "every": 29, "status": 503, "retry_after": 0},
        {"kind": "html_error", "every": 31, "status": 502},
        {"kind": "drop_before", "every": 37},
        {"kind": "drop_after", "every": 41},
        {"kind": "truncated", "every": 43},
        {"kind": "malformed", "every": 47},
        {"kind": "rate_limit", "every": 211, "retry_after": 0},
        {"kind": "slow", "every": 101, "delay": 2.0},
    ),
    size=3000,
    read_timeout=0.5,
    max_retries=4,
    # The real limiter too: quota headers pause the batch before the server refuses it.
    rate_limit=(150, 1.0),
)


@pytest.mark.soak
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_soak_every_fault_at_once(flavour: str) -> None:
    report = run_campaign(SOAK_PLAN, flavour, seed=7)
    assert report.faults_injected > 0
    assert_clean(report)


def _every_pair() -> list[Any]:
    return [
        pytest.param(
            plan,
            flavour,
            id=f"{kind}-{flavour}",
        )
        for kind, plan in PLANS.items()
        for flavour in FLAVOURS
    ]


@pytest.mark.soak
@pytest.mark.parametrize(("plan", "flavour"), _every_pair())
def test_soak_each_fault_with_each_client(plan: Plan, flavour: str) -> None:
    longer = Plan(plan.label, plan.faults, 1500, plan.read_timeout)
    report = run_campaign(longer, flavour, seed=3)
    assert report.faults_injected > 0
    assert_clean(report)


# -- the audit itself: it must catch what it is there to catch -------------------------


def _seeded(size: int = 50) -> tuple[FakeControlPlane, Workload]:
    fake = FakeControlPlane(seed=5, rate_limits=False)
    return fake, build_workload(fake, size, seed=5)


def _outcomes(workload: Workload, failing: dict[Op, BaseException] | None = None) -> Any:
    """A BatchResult claiming every operation succeeded, except those in ``failing``."""
    failing = failing or {}
    return BatchResult(
        [
            Outcome(op, False, None, failing[op]) if op in failing else Outcome(op, True, None)
            for op in workload.ops
        ]
    )


def _audit(fake: FakeControlPlane, workload: Workload, results: Any, kinds: str) -> Report:
    report = Report("audit", "none", len(workload.ops))
    plan = Plan("audit", ({"kind": kinds},))
    audit(report, fake, workload, results, {}, plan)
    return report


def test_audit_reports_claimed_successes_missing_from_the_state() -> None:
    fake, workload = _seeded()
    # Nothing ran: every create, update and delete claimed is missing.
    report = _audit(fake, workload, _outcomes(workload), "drop_after")
    assert report.losses == len(workload.ops)
    assert report.duplicates == 0


def test_audit_counts_duplicates_and_records_nobody_created() -> None:
    fake, workload = _seeded()
    name = next(op.target for op in workload.ops if op.action == "create_key")
    with ModelsLab(workload.token, transport=fake.transport()) as client:
        client.api_keys.create(str(name))
        client.api_keys.create(str(name))
        client.api_keys.create("stowaway")
    report = _audit(fake, workload, _outcomes(workload), "drop_after")
    assert report.duplicates == 1
    assert any("nobody created: 'stowaway'" in v for v in report.violations)


def test_audit_rejects_foreign_exceptions_and_failures_that_took_effect() -> None:
    fake, workload = _seeded()
    delete = next(op for op in workload.ops if op.action == "delete_key")
    update = next(op for op in workload.ops if op.action == "update_key")
    with ModelsLab(workload.token, transport=fake.transport()) as client:
        client.api_keys.delete(int(delete.target))
    gone = NotFoundError("API key not found.", status_code=404)
    failing = {delete: gone, update: KeyError("boom")}
    report = _audit(fake, workload, _outcomes(workload, failing), "server_error")
    assert any(str(delete) in v and "reported as failed, yet" in v for v in report.violations)
    assert any("foreign exception KeyError" in v for v in report.violations)


def test_audit_rejects_ambiguity_where_no_fault_explains_it() -> None:
    fake, workload = _seeded()
    update = next(op for op in workload.ops if op.action == "update_key")
    dropped = APIConnectionError("no answer")
    report = _audit(fake, workload, _outcomes(workload, {update: dropped}), "server_error")
    assert any("ambiguous APIConnectionError under" in v for v in report.violations)
    assert any("idempotent, yet gave up" in v for v in report.violations)


def test_audit_finds_secrets_in_outcomes() -> None:
    fake, workload = _seeded()
    create = next(op for op in workload.ops if op.action == "create_key")
    leaky = APIConnectionError(f"failed with Authorization: Bearer {workload.token}")
    report = _audit(fake, workload, _outcomes(workload, {create: leaky}), "drop_after")
    assert report.leaks >= 1


def test_workload_mixes_every_action_and_touches_each_record_once() -> None:
    fake, workload = _seeded(500)
    actions = {op.action for op in workload.ops}
    assert actions == {
        "create_key",
        "update_key",
        "delete_key",
        "invite",
        "update_member",
        "remove_member",
    }
    assert len(workload.ops) == 500
    targets = [(op.action.endswith("_key"), op.target) for op in workload.ops]
    assert len(set(targets)) == len(targets)
    assert len(fake.api_keys_of(OWNER)) == len(workload.seed_keys)
