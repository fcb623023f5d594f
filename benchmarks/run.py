"""Run the benchmarks: the blocking client's cost per call and ``map`` throughput.

Every comparison is measured side by side in one process, against the same
loopback server (in its own process), in interleaved repetitions whose order
rotates; a ratio is the median of the per-repetition ratios. See ``README.md``.

    python -m benchmarks.run            # this suite alone (under two minutes on 2 CPUs)
    python -m benchmarks.run --quick    # a smoke run (under a minute)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import math
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import anyio.from_thread
import httpx

from modelslab_agents import APIError, AsyncModelsLab, ModelsLab

from . import _table
from ._process import subprocess_server
from ._server import KEYS, LATENCY

TARGET_VS_ASYNC = 1.3  # the shim's own cost, on a server answering at once
TARGET_SLOW_VS_SYNC = 1.05  # a blocking call against a server taking 20 ms
TARGET_MAP_FLOOR = 1.05


def aiohttp_transport() -> httpx.AsyncBaseTransport | None:
    """httpx-aiohttp's transport (the ``aiohttp`` extra), when it is installed."""
    try:
        from httpx_aiohttp import AiohttpTransport
    except ImportError:
        return None
    transport: httpx.AsyncBaseTransport = AiohttpTransport()
    return transport


# -- plumbing ------------------------------------------------------------------------------


@contextlib.contextmanager
def server(kind: str) -> Iterator[tuple[str, str]]:
    """Start ``benchmarks._server`` in a subprocess; yield (base_url, token)."""
    with subprocess_server("benchmarks._server", kind) as (base_url, token, *_):
        yield base_url, token


def per_call(fn: Callable[[], object], calls: int) -> tuple[float, float]:
    """Seconds per call of ``fn`` over ``calls`` calls: wall clock, and this
    process's CPU time (all its threads)."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - started) / calls, (time.process_time() - cpu) / calls


def interleaved(
    contenders: dict[str, Callable[[], object]], reps: int, calls: int, warmup: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per-call wall and CPU seconds of each contender, ``reps`` times, in rotating order."""
    for fn in contenders.values():
        per_call(fn, warmup)
    names = list(contenders)
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        order = names[rep % len(names) :] + names[: rep % len(names)]
        for name in order:
            gc.collect()
            seconds, cpu_seconds = per_call(contenders[name], calls)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    return wall, cpu


def paired_ratio(samples: dict[str, list[float]], a: str, b: str) -> float:
    """The median over repetitions of ``a / b``, each pair measured back to back."""
    return statistics.median(x / y for x, y in zip(samples[a], samples[b], strict=False))


def us(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f}"


class Report:
    """Prints as it goes and keeps the figures for ``--json``."""

    def __init__(self) -> None:
        self.figures: dict[str, Any] = {}

    def section(self, title: str) -> None:
        print(f"\n== {title}", flush=True)

    def line(self, text: str = "") -> None:
        print(text, flush=True)


# -- cases ---------------------------------------------------------------------------------


async def _noop() -> int:
    return 1


def bench_hop(report: Report, reps: int, calls: int) -> None:
    """The cost of running a trivial coroutine from blocking code, four ways."""
    report.section(f"hop: run a trivial coroutine from blocking code ({reps} reps x {calls})")
    client = ModelsLab("1|unused", base_url="http://127.0.0.1:9")
    runtime = client._runtime  # the shim's hand-over, without a request
    runtime.run(_noop())
    private = asyncio.new_event_loop()
    with anyio.from_thread.start_blocking_portal() as portal:
        contenders: dict[str, Callable[[], object]] = {
            "private loop: run_until_complete": lambda: private.run_until_complete(_noop()),
            "ModelsLab's portal hand-over": lambda: runtime.run(_noop()),
            "anyio start_task_soon().result()": lambda: portal.start_task_soon(_noop).result(),
            "anyio BlockingPortal.call": lambda: portal.call(_noop),
        }
        samples, _ = interleaved(contenders, reps, calls, warmup=200)
    private.close()
    client.close()
    base = "private loop: run_until_complete"
    report.line(f"{'way':40s} {'median us':>9s} {'x private loop':>15s}")
    for name, values in samples.items():
        ratio = paired_ratio(samples, name, base)
        report.line(f"{name:40s} {us(statistics.median(values))}  {ratio:14.2f}")
    report.figures["hop_us"] = {n: statistics.median(v) * 1e6 for n, v in samples.items()}


def bench_call(
    report: Report, kind: str, url: str, token: str, reps: int, calls: int, slow: bool = False
) -> None:
    """One blocking SDK call against raw httpx calls of the same request: ``GET /me``,
    answered at once, or (``slow``) ``GET /api-keys/{id}``, answered after 20 ms."""
    key = _key_ids(url, token, kind)[0]
    route = f"GET /api-keys/{key} (20 ms)" if slow else "GET /me"
    report.section(
        f"single call {route}, {kind} server: median per call, {reps} interleaved reps x {calls}"
    )
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    target = f"{url}/api-keys/{key}" if slow else f"{url}/me"
    loop = asyncio.new_event_loop()
    raw_sync = httpx.Client(limits=httpx.Limits(max_connections=20))
    raw_async = httpx.AsyncClient(limits=httpx.Limits(max_connections=20))
    sdk_async = AsyncModelsLab(token, base_url=url)
    sdk = ModelsLab(token, base_url=url)

    async def raw_async_call() -> Any:
        return (await raw_async.get(target, headers=headers)).json()

    def sdk_call(client: Any) -> Any:
        return client.api_keys.get(key) if slow else client.profile.get()

    contenders: dict[str, Callable[[], object]] = {
        "httpx.Client (+ .json())": lambda: raw_sync.get(target, headers=headers).json(),
        "httpx.AsyncClient, private loop": lambda: loop.run_until_complete(raw_async_call()),
        "AsyncModelsLab, private loop": lambda: loop.run_until_complete(sdk_call(sdk_async)),
        "ModelsLab (blocking)": lambda: sdk_call(sdk),
    }
    samples, cpu = interleaved(contenders, reps, calls // 4 if slow else calls, warmup=50)
    sdk.close()
    loop.run_until_complete(sdk_async.aclose())
    loop.run_until_complete(raw_async.aclose())
    loop.close()
    raw_sync.close()

    sync_name, async_name = "httpx.Client (+ .json())", "httpx.AsyncClient, private loop"
    report.line(
        f"{'contender':34s} {'median us':>9s} {'x httpx.Client':>15s} {'x AsyncClient':>14s}"
        f" {'client CPU us':>14s}"
    )
    for name, values in samples.items():
        report.line(
            f"{name:34s} {us(statistics.median(values))} "
            f"{paired_ratio(samples, name, sync_name):15.2f} "
            f"{paired_ratio(samples, name, async_name):14.2f} "
            f"{us(statistics.median(cpu[name])):>14s}"
        )
    vs_async = paired_ratio(samples, "ModelsLab (blocking)", async_name)
    vs_sync = paired_ratio(samples, "ModelsLab (blocking)", sync_name)
    hop = paired_ratio(samples, "ModelsLab (blocking)", "AsyncModelsLab, private loop")
    pipeline = paired_ratio(samples, "AsyncModelsLab, private loop", async_name)
    sdk_us = us(statistics.median(samples["ModelsLab (blocking)"])).strip()
    checks = (
        [("ModelsLab / httpx.Client", vs_sync, TARGET_SLOW_VS_SYNC, sync_name)]
        if slow
        else [
            ("ModelsLab / AsyncClient on a private loop", vs_async, TARGET_VS_ASYNC, async_name),
            ("ModelsLab / httpx.Client", vs_sync, None, sync_name),
            ("AsyncModelsLab / AsyncClient", pipeline, None, async_name),
        ]
    )
    for name, value, limit, other in checks:
        _table.record(
            f"blocking call, {kind}{', 20 ms' if slow else ''}",
            name,
            f"{value:.3f}x",
            f"<= {limit}" if limit else "(report)",
            value <= limit if limit else None,
            f"ModelsLab {sdk_us} us, {other.split(' (')[0]} "
            f"{us(statistics.median(samples[other])).strip()} us",
        )
    report.line(
        f"where it goes: SDK pipeline (AsyncModelsLab / AsyncClient) {pipeline:.2f}x; "
        f"blocking shim (ModelsLab / AsyncModelsLab) {hop:.2f}x"
    )
    report.figures[f"call_{kind}{'_20ms' if slow else ''}"] = {
        "median_us": {n: statistics.median(v) * 1e6 for n, v in samples.items()},
        "client_cpu_us": {n: statistics.median(v) * 1e6 for n, v in cpu.items()},
        "sdk_vs_async": vs_async,
        "sdk_vs_sync": vs_sync,
        "pipeline": pipeline,
        "blocking_shim": hop,
    }


def _key_ids(url: str, token: str, kind: str) -> list[int]:
    if kind == "minimal":
        return list(range(1, KEYS + 1))
    with ModelsLab(token, base_url=url) as client:
        return [key.id for key in client.api_keys.list()]


async def _raw_map(url: str, token: str, work: list[int], concurrency: int) -> float:
    """The same requests with raw httpx: ``concurrency`` workers, one pool, JSON parsed."""
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=20)
    async with httpx.AsyncClient(limits=limits) as client:

        async def run(items: list[int]) -> None:
            pending = iter(items)

            async def worker() -> None:
                for key in pending:
                    (await client.get(f"{url}/api-keys/{key}", headers=headers)).json()

            async with anyio.create_task_group() as tg:
                for _ in range(concurrency):
                    tg.start_soon(worker)

        await run(work[: concurrency * 4])  # open the connections
        started = time.perf_counter()
        await run(work)
        return time.perf_counter() - started


async def _async_map(url: str, token: str, work: list[int]) -> tuple[float, int]:
    async with AsyncModelsLab(token, base_url=url) as client:
        await client.map(client.api_keys.get, work[:64])  # open the connections
        started = time.perf_counter()
        results = await client.map(client.api_keys.get, work)
        return time.perf_counter() - started, len(results.failed)


def bench_map(
    report: Report, kind: str, url: str, token: str, reps: int, items: int, sample: int
) -> None:
    """``map`` over ``items`` calls of ``LATENCY`` seconds, against the ideal, raw httpx
    doing the same with as many workers, and a sequential loop."""
    ids = _key_ids(url, token, kind)
    work = [ids[n % len(ids)] for n in range(items)]
    concurrency = 16
    ideal = math.ceil(items / concurrency) * LATENCY
    report.section(
        f"map: {items} x GET /api-keys/{{id}} ({LATENCY * 1000:.0f} ms each), {kind} server, "
        f"default concurrency {concurrency}; median of {reps}"
    )
    times: dict[str, list[float]] = {
        "blocking": [],
        "async": [],
        "raw": [],
        "sequential": [],
        "aiohttp": [],
    }
    failures = 0
    fast = aiohttp_transport()
    with (
        ModelsLab(token, base_url=url) as client,
        ModelsLab(token, base_url=url, transport=fast or httpx.AsyncHTTPTransport()) as on_aiohttp,
    ):

        def blocking_map(sdk: ModelsLab, into: str) -> None:
            nonlocal failures
            # (Re)open the connections: the server drops them after 5 s idle.
            sdk.map(sdk.api_keys.get, work[: concurrency * 4])
            started = time.perf_counter()
            results = sdk.map(sdk.api_keys.get, work)
            times[into].append(time.perf_counter() - started)
            failures += len(results.failed)

        def run_blocking() -> None:
            blocking_map(client, "blocking")

        def run_aiohttp() -> None:
            if fast is not None:
                blocking_map(on_aiohttp, "aiohttp")

        def run_async() -> None:
            nonlocal failures
            elapsed, failed = anyio.run(_async_map, url, token, work)
            times["async"].append(elapsed)
            failures += failed

        def run_raw() -> None:
            times["raw"].append(anyio.run(_raw_map, url, token, work, concurrency))

        def run_sequential() -> None:
            started = time.perf_counter()
            for key in work[:sample]:
                client.api_keys.get(key)
            times["sequential"].append((time.perf_counter() - started) / sample * items)

        steps = [run_blocking, run_async, run_raw, run_sequential, run_aiohttp]
        for rep in range(reps):
            for step in steps[rep % 5 :] + steps[: rep % 5]:
                gc.collect()
                step()
    b, a, r, s = (statistics.median(times[k]) for k in ("blocking", "async", "raw", "sequential"))
    report.line(f"ideal ({items} / {concurrency} x {LATENCY * 1000:.0f} ms)    {ideal:8.2f} s")
    report.line(f"ModelsLab.map                  {b:8.2f} s   {b / ideal:5.2f}x ideal")
    report.line(f"AsyncModelsLab.map             {a:8.2f} s   {a / ideal:5.2f}x ideal")
    report.line(
        f"raw httpx.AsyncClient, {concurrency} workers {r:6.2f} s   {r / ideal:5.2f}x ideal "
        f"(ModelsLab.map is {b / r:.2f}x this)"
    )
    report.line(
        f"sequential loop                {s:8.2f} s   {s / b:5.1f}x ModelsLab.map "
        f"(timed on {sample} items, scaled to {items})"
    )
    # The ideal counts 20 ms per call; one call really takes the sequential loop's
    # latency (server and client CPU, wake-ups), so concurrency alone gets this far.
    floor = math.ceil(items / concurrency) * s / items
    report.line(
        f"latency floor ({items} / {concurrency} x one call, {s / items * 1000:.1f} ms) "
        f"{floor:5.2f} s   ModelsLab.map is {b / floor:.2f}x this"
    )
    report.line(f"failures: {failures}")
    case = f"map 1,000 x 20 ms, {kind}"
    _table.record(
        case,
        "ModelsLab.map / latency floor",
        f"{b / floor:.3f}x",
        f"<= {TARGET_MAP_FLOOR}",
        b / floor <= TARGET_MAP_FLOOR,
        f"{b:.2f} s vs floor {floor:.2f} s",
    )
    ah = statistics.median(times["aiohttp"]) if times["aiohttp"] else None
    if ah is not None:
        report.line(f"ModelsLab.map on AiohttpTransport {ah:5.2f} s   {ah / floor:5.2f}x floor")
        _table.record(
            case,
            "ModelsLab.map on aiohttp / latency floor",
            f"{ah / floor:.3f}x",
            f"<= {TARGET_MAP_FLOOR}",
            ah / floor <= TARGET_MAP_FLOOR,
            f"{ah:.2f} s vs floor {floor:.2f} s",
        )
    for name, other, label in (
        ("ideal", ideal, "ideal"),
        ("raw httpx, 16 workers", r, "raw httpx"),
    ):
        _table.record(
            case,
            f"ModelsLab.map / {name}",
            f"{b / other:.3f}x",
            "(report)",
            None,
            f"{b:.2f} s vs {label} {other:.2f} s",
        )
    report.figures[f"map_{kind}"] = {
        "items": items,
        "ideal_s": ideal,
        "blocking_s": b,
        "async_s": a,
        "raw_httpx_s": r,
        "sequential_s_extrapolated": s,
        "latency_floor_s": floor,
        "blocking_aiohttp_s": ah,
        "sequential_sample": sample,
        "failures": failures,
    }


def bench_transports(
    report: Report, kind: str, url: str, token: str, reps: int, items: int
) -> None:
    """``AsyncModelsLab.map`` on httpx's own transport (the default) and on httpx-aiohttp's:
    time and client CPU per request."""
    if aiohttp_transport() is None:
        report.line("transports: httpx-aiohttp is not installed (the aiohttp extra); skipped")
        return
    ids = _key_ids(url, token, kind)
    work = [ids[n % len(ids)] for n in range(items)]
    report.section(
        f"transports: AsyncModelsLab.map of {items} x {LATENCY * 1000:.0f} ms, {kind} "
        f"server, httpx's transport vs AiohttpTransport; median of {reps}"
    )

    async def timed(name: str) -> tuple[float, float]:
        transport = aiohttp_transport() if name == "aiohttp" else None
        async with AsyncModelsLab(token, base_url=url, transport=transport) as client:
            await client.map(client.api_keys.get, work[:64])
            started, cpu = time.perf_counter(), time.process_time()
            await client.map(client.api_keys.get, work)
            return time.perf_counter() - started, time.process_time() - cpu

    runs: dict[str, list[tuple[float, float]]] = {"httpx": [], "aiohttp": []}
    for rep in range(reps):
        for name in ("httpx", "aiohttp") if rep % 2 == 0 else ("aiohttp", "httpx"):
            gc.collect()
            runs[name].append(anyio.run(timed, name, backend="asyncio"))
    report.line(f"{'transport':12s} {'seconds':>8s} {'client CPU per request':>24s}")
    figures = {}
    for name, values in runs.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values) / items
        report.line(f"{name:12s} {wall:8.2f} {cpu * 1e6:21.0f} us")
        figures[name] = {"seconds": wall, "cpu_per_request_us": cpu * 1e6}
    report.figures[f"transports_{kind}"] = figures
    fast_cpu, core_cpu = (figures[n]["cpu_per_request_us"] for n in ("aiohttp", "httpx"))
    _table.record(
        f"transports, {kind}",
        "client CPU per request: aiohttp / httpx",
        f"{fast_cpu / core_cpu:.3f}x",
        "(report)",
        None,
        f"{fast_cpu:.0f} us vs {core_cpu:.0f} us",
    )


def bench_sweep(report: Report, kind: str, url: str, token: str, items: int) -> None:
    """``map`` at several concurrencies: where more in flight stops paying."""
    ids = _key_ids(url, token, kind)
    work = [ids[n % len(ids)] for n in range(items)]
    report.section(f"map concurrency sweep: {items} x {LATENCY * 1000:.0f} ms, {kind} server")
    report.line(
        f"{'concurrency':>11s} {'seconds':>8s} {'ideal':>6s} {'x ideal':>8s} {'failed':>7s}"
    )
    sweep = {}
    with ModelsLab(token, base_url=url) as client:
        for concurrency in (8, 16, 32):
            ideal = math.ceil(items / concurrency) * LATENCY
            client.map(client.api_keys.get, work[: concurrency * 4], concurrency=concurrency)
            started = time.perf_counter()
            results = client.map(client.api_keys.get, work, concurrency=concurrency)
            elapsed = time.perf_counter() - started
            report.line(
                f"{concurrency:11d} {elapsed:8.2f} {ideal:6.2f} {elapsed / ideal:8.2f} "
                f"{len(results.failed):7d}"
            )
            sweep[concurrency] = {"seconds": elapsed, "ideal": ideal, "failed": len(results.failed)}
    report.figures[f"sweep_{kind}"] = sweep


def bench_volume(report: Report, kind: str, url: str, token: str, items: int) -> None:
    """Many operations through one ``map``: every failure counted by kind."""
    ids = _key_ids(url, token, kind)
    work = [ids[n % len(ids)] for n in range(items)]
    report.section(f"volume: {items} operations through ModelsLab.map, {kind} server")
    with ModelsLab(token, base_url=url) as client:
        client.map(client.api_keys.get, work[:64])
        started = time.perf_counter()
        results = client.map(client.api_keys.get, work)
        elapsed = time.perf_counter() - started
    kinds: dict[str, int] = {}
    by_server = 0
    for outcome in results.failed:
        name = type(outcome.error).__name__
        kinds[name] = kinds.get(name, 0) + 1
        by_server += isinstance(outcome.error, APIError)  # the server answered an error
    ideal = math.ceil(items / 16) * LATENCY
    report.line(
        f"{len(results.succeeded)} succeeded, {len(results.failed)} failed "
        f"({by_server} answered by the server as errors; others: {kinds or 'none'})"
    )
    report.line(f"{elapsed:.2f} s ({elapsed / ideal:.2f}x the ideal {ideal:.2f} s)")
    client_side = len(results.failed) - by_server
    _table.record(
        f"volume, {kind}",
        "failures the server did not cause",
        f"{client_side} of {items}",
        "0",
        client_side == 0,
        f"{len(results.succeeded)} succeeded in {elapsed:.2f} s",
    )
    report.figures[f"volume_{kind}"] = {
        "items": items,
        "seconds": elapsed,
        "failed": len(results.failed),
        "client_side_failures": client_side,
        "kinds": kinds,
    }


# -- main ----------------------------------------------------------------------------------


def bench_pacing(report: Report, windows: int = 3, limit: int = 20, window: float = 5.0) -> None:
    """A batch against a rate limit: 429s drawn and time taken, against the windows.

    ``windows * limit`` creates at the default concurrency against ``limit`` allowed per
    ``window`` seconds (the emulator, in-process, answers in 20 ms). The target: at most
    one 429 per window, and the batch done within the windows it must wait for plus a
    second each (the reset is announced in whole seconds).
    """
    from modelslab_agents import RetryEvent
    from modelslab_agents.testing import FakeControlPlane

    report.section(f"pacing: {windows * limit} creates, {limit} allowed per {window:g} s")
    fake = FakeControlPlane(latency=LATENCY)
    fake.set_rate_limit("agent-general", limit, window)
    fake.create_account("pacing@example.com", "correct horse battery")
    token = fake.issue_token("pacing@example.com")
    retries: list[RetryEvent] = []

    async def batch() -> float:
        async with AsyncModelsLab(token, transport=fake.transport(), on_retry=retries.append) as c:
            started = time.perf_counter()
            result = await c.map(c.api_keys.create, [f"k{n}" for n in range(windows * limit)])
            result.raise_for_errors()
            return time.perf_counter() - started

    took = anyio.run(batch)
    refused = sum(1 for event in retries if event.status_code == 429)
    allowed = (windows - 1) * (window + 1.0) + 1.0
    report.line(f"  took {took:.2f} s (allowed {allowed:.0f} s), {refused} answers of 429")
    report.figures["pacing"] = {"seconds": took, "rate_limited": refused}
    _table.record(
        "pacing", "429s per window", f"{refused / windows:.2f}", "<= 1", refused <= windows, ""
    )
    _table.record(
        "pacing",
        "seconds / windows waited + 1 s each",
        f"{took:.2f} s",
        f"<= {allowed:.0f} s",
        took <= allowed,
        f"{took:.2f} s",
    )


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "httpx": httpx.__version__,
        "anyio": _version("anyio"),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument(
        "--server",
        choices=["emulator", "minimal", "both"],
        default="both",
        help="the loopback server for the single-call and map cases (default: both)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")


def run_suite(quick: bool, server_kind: str) -> dict[str, Any]:
    """Run the blocking-client and batch cases; return their figures."""
    reps, calls = (3, 100) if quick else (7, 200)
    map_reps, map_items, sample = (1, 1000, 20) if quick else (3, 1000, 50)
    volume = 2_000 if quick else 10_000
    kinds = ["emulator", "minimal"] if server_kind == "both" else [server_kind]

    report = Report()
    info = machine()
    report.figures["machine"] = info
    report.section(
        f"machine: {info['nproc']} CPUs, Python {info['python']}, {info['platform']}; "
        f"httpx {info['httpx']}, anyio {info['anyio']}; load average {info['load_average']}"
    )
    started = time.perf_counter()
    bench_hop(report, reps, calls * 5)
    for kind in kinds:
        with server(kind) as (url, token):
            bench_call(report, kind, url, token, reps, calls)
            bench_call(report, kind, url, token, reps, calls, slow=True)
            bench_map(report, kind, url, token, map_reps, map_items, sample)
            if kind == kinds[0]:
                bench_volume(report, kind, url, token, volume)
            if kind == "minimal" and not quick:
                bench_sweep(report, kind, url, token, map_items)
                bench_transports(report, kind, url, token, 2, map_items)
    bench_pacing(report)
    report.section(
        f"done in {time.perf_counter() - started:.0f} s; load average now "
        f"{os.getloadavg() if hasattr(os, 'getloadavg') else None}"
    )
    return report.figures


def write_json(path: str, figures: dict[str, Any]) -> None:
    summary = [row._asdict() for row in _table.rows]
    with open(path, "w") as out:
        json.dump({**figures, "summary": summary}, out, indent=2, default=str)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    figures = run_suite(args.quick, args.server)
    _table.print_table("summary")
    if args.json:
        write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
