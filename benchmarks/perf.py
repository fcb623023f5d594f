"""The SDK against the floor and the alternatives: per-call cost, import time, memory.

Every ratio compares contenders measured side by side in this run: interleaved
blocks whose order rotates every repetition, a ratio per repetition, and the
median of those ratios. Loopback servers run in their own processes. See PERF.md.

    python -m benchmarks.perf            # the full run (a few minutes on 2 CPUs)
    python -m benchmarks.perf --quick    # a smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import requests

from modelslab_agents import AsyncModelsLab, ModelsLab
from modelslab_agents.testing import FakeControlPlane

from . import _table
from ._process import ROOT, subprocess_server

TOKEN = "1|perf-token-0123456789"
BASE = "https://perf.example/api/agents/v1"
T = TypeVar("T")


def fmt(seconds: float) -> str:
    if seconds >= 0.1:
        return f"{seconds:.3f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def record(case: str, name: str, ratio: float, target: str, raw: str) -> None:
    _table.record(case, name, f"{ratio:.3f}x", target, _table.meets(ratio, target), raw)


# -- plumbing ----------------------------------------------------------------------------


class Runner:
    """One event loop reused across blocks (``Runner`` needs Python 3.11)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def run(self, coroutine: Awaitable[T]) -> T:
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        self.loop.close()


Contender = Callable[[], Any]  # a sync callable, or an async one (returns an awaitable)


def compare(
    runner: Runner,
    contenders: dict[str, Contender],
    *,
    reps: int,
    calls: int,
    warmup: int = 50,
) -> dict[str, list[float]]:
    """Seconds per call of each contender, one sample per repetition, interleaved."""
    names = list(contenders)

    async def async_block(fn: Callable[[], Awaitable[Any]], n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            await fn()
        return (time.perf_counter() - started) / n

    is_async: dict[str, bool] = {}

    def block(name: str, n: int) -> float:
        fn = contenders[name]
        if name not in is_async:  # the first (warm-up) block finds out
            probe = fn()
            is_async[name] = asyncio.iscoroutine(probe)
            if is_async[name]:
                runner.run(probe)
        if is_async[name]:
            seconds: float = runner.run(async_block(fn, n))
            return seconds
        started = time.perf_counter()
        for _ in range(n):
            fn()
        return (time.perf_counter() - started) / n

    for name in names:
        block(name, warmup)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        order = names[rep % len(names) :] + names[: rep % len(names)]
        gc.collect()
        for name in order:
            samples[name].append(block(name, calls))
    return samples


def ratio(samples: dict[str, list[float]], num: str, den: str) -> float:
    return statistics.median(a / b for a, b in zip(samples[num], samples[den], strict=True))


def raw(samples: dict[str, list[float]]) -> str:
    return ", ".join(f"{name} {fmt(statistics.median(v))}" for name, v in samples.items())


# -- case 1: per-call overhead, async ------------------------------------------------------

_KEY = {"id": 7, "name": "ci", "key": "sk-****abcd", "notes": None, "created_at": None}
_PROFILE = {
    "id": 1,
    "name": "Perf",
    "email": "perf@example.com",
    "username": "perf",
    "verified": True,
    "about_me": None,
    "wallet_balance": 0.0,
    "created_at": "2026-01-01T00:00:00Z",
}


def _envelope(data: Any) -> bytes:
    return json.dumps({"data": data, "error": None, "meta": {"request_id": "req_1"}}).encode()


def fixed_transport() -> httpx.MockTransport:
    """Answers ``/me`` and ``/api-keys/{id}`` with fixed envelopes, as cheaply as it can."""
    headers = {"content-type": "application/json"}
    key, profile = _envelope(_KEY), _envelope(_PROFILE)

    def handler(request: httpx.Request) -> httpx.Response:
        body = profile if request.url.path.endswith("/me") else key
        return httpx.Response(200, headers=headers, content=body)

    return httpx.MockTransport(handler)


def emulator_transport() -> tuple[httpx.AsyncBaseTransport, str, int]:
    fake = FakeControlPlane(seed=1)
    fake.create_account("perf@example.com", "correct horse battery staple")
    token = fake.issue_token("perf@example.com")

    async def seed() -> int:
        async with AsyncModelsLab(token, transport=fake.transport()) as client:
            return (await client.api_keys.create("perf-key")).id

    key_id = asyncio.run(seed())
    return fake.transport(), token, key_id


def lean_pair(
    transport: httpx.AsyncBaseTransport | None, base: str, token: str, key_id: int
) -> tuple[httpx.AsyncClient, Contender, Contender]:
    """The leanest hand-written httpx code for the two calls."""
    http = httpx.AsyncClient(transport=transport)
    headers = {"Authorization": f"Bearer {token}"}
    key_url, me_url = f"{base}/api-keys/{key_id}", f"{base}/me"

    async def get_key() -> Any:
        response = await http.get(key_url, headers=headers)
        return json.loads(response.content)["data"]

    async def get_me() -> Any:
        response = await http.get(me_url, headers=headers)
        return json.loads(response.content)["data"]

    return http, get_key, get_me


def sdk_against_lean(
    runner: Runner,
    case: str,
    target: str,
    transport: httpx.AsyncBaseTransport | None,
    base: str,
    token: str,
    key_id: int,
    reps: int,
    calls: int,
) -> None:
    """Both calls, SDK and lean httpx side by side on ``transport``; one row per call."""
    sdk = AsyncModelsLab(token, base_url=base, transport=transport)
    http, lean_key, lean_me = lean_pair(transport, base, token, key_id)
    samples = compare(
        runner,
        {
            "sdk api_keys.get": functools.partial(sdk.api_keys.get, key_id),
            "lean get key": lean_key,
            "sdk profile.get": sdk.profile.get,
            "lean get /me": lean_me,
        },
        reps=reps,
        calls=calls,
    )
    for what, a, b in (
        ("api_keys.get", "sdk api_keys.get", "lean get key"),
        ("profile.get", "sdk profile.get", "lean get /me"),
    ):
        record(
            case,
            f"{what}: sdk / lean",
            ratio(samples, a, b),
            target,
            raw({k: samples[k] for k in (a, b)}),
        )
    runner.run(sdk.aclose())
    runner.run(http.aclose())


def case_per_call(runner: Runner, quick: bool) -> None:
    reps, calls = (7, 200) if quick else (21, 500)
    print("case 1: per-call overhead, async, in-process transports", flush=True)
    emu, emu_token, emu_key = emulator_transport()
    for label, transport, token, key_id in (
        ("MockTransport", fixed_transport(), TOKEN, 7),
        ("emulator transport", emu, emu_token, emu_key),
    ):
        sdk_against_lean(
            runner, f"1 {label}", "<= 1.0", transport, BASE, token, key_id, reps, calls
        )

    print("case 1: per-call overhead, async, loopback", flush=True)
    reps, calls = (5, 100) if quick else (15, 300)
    with subprocess_server("benchmarks._perf_server") as (base, token, key_word):
        sdk_against_lean(
            runner, "1 loopback emulator", "(report)", None, base, token, int(key_word), reps, calls
        )


# -- case 2: what users write today ----------------------------------------------------------


def sample_functions(base: str) -> tuple[Callable[[str], Any], Callable[..., Any]]:
    """The reference document's samples, with its base URL swapped for the loopback one."""

    def make_headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def get_profile(token: str) -> Any:
        resp = requests.get(f"{base}/me", headers=make_headers(token))
        return resp.json()["data"]

    def create_api_key(token: str, name: str, notes: str | None = None) -> Any:
        payload = {"name": name}
        if notes:
            payload["notes"] = notes
        resp = requests.post(f"{base}/api-keys", headers=make_headers(token), json=payload)
        return resp.json()["data"]

    return get_profile, create_api_key


def case_samples(runner: Runner, quick: bool) -> None:
    print("case 2: the reference samples (requests) vs the SDK, loopback emulator", flush=True)
    with subprocess_server("benchmarks._perf_server") as (base, token, _):
        get_profile, create_api_key = sample_functions(base)
        sync = ModelsLab(token, base_url=base)
        aio = AsyncModelsLab(token, base_url=base)
        reps, calls = (5, 50) if quick else (11, 150)
        samples = compare(
            runner,
            {
                "samples get_profile": lambda: get_profile(token),
                "sdk sync profile.get": sync.profile.get,
                "sdk async profile.get": aio.profile.get,
            },
            reps=reps,
            calls=calls,
            warmup=20,
        )
        for name in ("sdk sync profile.get", "sdk async profile.get"):
            record(
                "2 per call",
                f"{name.removesuffix(' profile.get')} / samples",
                ratio(samples, name, "samples get_profile"),
                "< 1",
                raw({k: samples[k] for k in (name, "samples get_profile")}),
            )

        keys = 100
        counter = iter(range(10**9))

        def names() -> list[str]:
            return [f"k-{next(counter)}" for _ in range(keys)]

        def samples_loop() -> None:
            for name in names():
                create_api_key(token, name)

        def sdk_sync_map() -> None:
            sync.map(sync.api_keys.create, names()).raise_for_errors()

        async def sdk_async_map() -> None:
            (await aio.map(aio.api_keys.create, names())).raise_for_errors()

        samples = compare(
            runner,
            {
                "samples loop": samples_loop,
                "sdk sync map": sdk_sync_map,
                "sdk async map": sdk_async_map,
            },
            reps=2 if quick else 5,
            calls=1,
            warmup=1,
        )
        for name in ("sdk sync map", "sdk async map"):
            record(
                "2 100 keys, 20 ms",
                f"samples / {name} (speed-up)",
                ratio(samples, "samples loop", name),
                ">= 10",
                raw({k: samples[k] for k in (name, "samples loop")}),
            )
        sync.close()
        runner.run(aio.aclose())


# -- case 3: import time ----------------------------------------------------------------------

IMPORTS = {
    "import modelslab_agents": "import modelslab_agents",
    "from modelslab_agents import AsyncModelsLab": "from modelslab_agents import AsyncModelsLab",
    "import httpx, attrs, cattrs, anyio": "import httpx, attrs, cattrs, anyio",
}


#: Interpreters for the import case may write bytecode whatever the caller's
#: environment says: installed dependencies come with theirs, and a fair comparison
#: needs the SDK's cached too (PYTHONDONTWRITEBYTECODE=1 would recompile it each time).
_IMPORT_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _import_seconds(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=_IMPORT_ENV,
    )
    return float(out.stdout)


def case_imports(quick: bool) -> None:
    print("case 3: import time, fresh interpreters, warm bytecode caches", flush=True)
    samples_each = 12 if quick else 40
    for statement in IMPORTS.values():  # write any missing .pyc first, on both sides
        _import_seconds(statement)
    samples: dict[str, list[float]] = {name: [] for name in IMPORTS}
    names = list(IMPORTS)
    for rep in range(samples_each):
        order = names[rep % len(names) :] + names[: rep % len(names)]
        for name in order:
            samples[name].append(_import_seconds(IMPORTS[name]))
    base = "import httpx, attrs, cattrs, anyio"
    for name in names[:2]:
        record(
            "3 import",
            f"{name} / deps",
            ratio(samples, name, base),
            "<= 1.10",
            raw({k: samples[k] for k in (name, base)}),
        )
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from modelslab_agents import AsyncModelsLab"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=_IMPORT_ENV,
    )
    ours = []
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and "modelslab_agents" in parts[2]:
            ours.append((int(parts[0].split(":")[1]), int(parts[1]), parts[2].strip()))
    print("  -X importtime, modelslab_agents modules (self us, cumulative us):")
    for self_us, cumulative, module in sorted(ours, reverse=True)[:8]:
        print(f"    {self_us:7d} {cumulative:8d}  {module}")


# -- case 4: memory ---------------------------------------------------------------------------

_RSS = (
    "def rss():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmRSS:'):\n"
    "            return int(line.split()[1]) * 1024\n"
)
SDK_IDLE = _RSS + (
    "import sys, gc, anyio\n"
    "from modelslab_agents import AsyncModelsLab\n"
    "client = AsyncModelsLab(sys.argv[2], base_url=sys.argv[1])\n"
    "async def one():\n"
    "    return await client.profile.get()\n"
    "anyio.run(one)\n"
    "gc.collect(); print(rss())\n"
)
RAW_IDLE = _RSS + (
    "import sys, gc, json, anyio, httpx, attrs, cattrs\n"
    "http = httpx.AsyncClient()\n"
    "async def one():\n"
    "    r = await http.get(sys.argv[1] + '/me', "
    "headers={'Authorization': 'Bearer ' + sys.argv[2]})\n"
    "    return json.loads(r.content)['data']\n"
    "anyio.run(one)\n"
    "gc.collect(); print(rss())\n"
)
MODELS = """
import gc, json, tracemalloc
from modelslab_agents._converter import structure
from modelslab_agents._models import ApiKey
bodies = [json.dumps({"id": i, "name": f"key-{i}", "key": "sk-****abcd", "notes": None,
                      "created_at": "2026-01-01T00:00:00Z"}).encode() for i in range(10_000)]
structure(json.loads(bodies[0]), ApiKey)  # build the converter before measuring
gc.collect()
tracemalloc.start()
kept = [KEEP for body in bodies]
gc.collect()
print(tracemalloc.get_traced_memory()[0])
"""


def _run(code: str, *args: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return int(out.stdout)


def case_memory(quick: bool) -> None:
    print("case 4: memory", flush=True)
    runs = 3 if quick else 7
    sdk, base_rss = [], []
    with subprocess_server("benchmarks._perf_server") as (base, token, _):
        for _ in range(runs):
            sdk.append(_run(SDK_IDLE, base, token))
            base_rss.append(_run(RAW_IDLE, base, token))
    a, b = statistics.median(sdk), statistics.median(base_rss)
    record(
        "4 memory",
        "RSS idle client after one call: sdk / raw httpx",
        a / b,
        "(report)",
        f"sdk {a / 2**20:.1f} MiB, raw httpx {b / 2**20:.1f} MiB, +{(a - b) / 2**20:.1f} MiB",
    )
    models = _run(MODELS.replace("KEEP", "structure(json.loads(body), ApiKey)"))
    dicts = _run(MODELS.replace("KEEP", "json.loads(body)"))
    record(
        "4 memory",
        "10,000 ApiKey models / 10,000 dicts",
        models / dicts,
        "(report)",
        f"models {models / 2**20:.2f} MiB ({models / 10_000:.0f} B each), "
        f"dicts {dicts / 2**20:.2f} MiB ({dicts / 10_000:.0f} B each)",
    )


# -- main -------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"httpx {httpx.__version__}, {platform.system()} {platform.release()}"
    )


SUITES = ("calls", "samples", "imports", "memory")


def run_suite(quick: bool, only: set[str]) -> None:
    """Run the cases named in ``only``, recording their target rows."""
    print(machine(), flush=True)
    runner = Runner()
    try:
        if "calls" in only:
            case_per_call(runner, quick)
        if "samples" in only:
            case_samples(runner, quick)
    finally:
        runner.close()
    if "imports" in only:
        case_imports(quick)
    if "memory" in only:
        case_memory(quick)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.perf")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--only", choices=SUITES, action="append")
    args = parser.parse_args()
    run_suite(args.quick, set(args.only or SUITES))
    _table.print_table("summary")


if __name__ == "__main__":
    main()
