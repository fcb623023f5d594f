"""Every task of the project, as nox sessions.

- ``nox -s tests``: the test suite, on every installed Python 3.10-3.13
- ``nox -s lint``: ruff, lint and formatting
- ``nox -s typecheck``: mypy --strict
- ``nox -s generate``: regenerate code from the spec (``-- --check``: fail if stale)
- ``nox -s docs``: build the reference site into ``site/``, warnings as errors
- ``nox -s bench``: benchmarks, ratios against raw httpx measured side by side
- ``nox -s soak``: the long fault campaign against the emulator
- ``nox -s spec_diff``: compare the live production contract with the bundled spec
"""

from __future__ import annotations

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

nox.options.sessions = ["tests", "lint", "typecheck", "generate"]
nox.options.reuse_existing_virtualenvs = True
# uv makes fresh environments in seconds; plain virtualenv where it is absent.
nox.options.default_venv_backend = "uv|virtualenv"
# A machine with only some of the Pythons runs the tests on those it has.
nox.options.error_on_missing_interpreters = False


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite (both anyio backends), with any pytest arguments after --.

    The suite runs on every core (pytest-xdist); `-- -n 0` runs it in one process.
    """
    session.install("-e", ".[test]")
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    session.install("ruff>=0.5")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the package with mypy --strict."""
    session.install("-e", ".[test]", "mypy>=1.10")
    session.run("mypy", "--strict", "modelslab_agents")


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate models, endpoints and resources from the spec; `-- --check` fails if stale."""
    session.install("-e", ".")
    session.run("python", "-m", "modelslab_agents._codegen", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the reference site (guides and API reference) into site/, warnings as errors.

    The build fetches nothing: no font CDN, no remote inventories.
    """
    session.install("-e", ".[docs]")
    # Quiets Material's banner about MkDocs 2.0; the pinned mkdocs is 1.x.
    session.env["NO_MKDOCS_2_WARNING"] = "1"
    session.run("mkdocs", "build", "--strict", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Run the benchmarks and print one table of ratios (`-- --quick` for a short run).

    `benchmarks.run` covers the blocking client and batches, `benchmarks.perf` the
    async overhead, the reference samples, import time and memory; `benchmarks` runs
    both and ends with the summary of every target.
    """
    session.install("-e", ".[test]")
    session.run("python", "-m", "benchmarks", *session.posargs)


@nox.session
def soak(session: nox.Session) -> None:
    """Run the long fault campaign against the emulator."""
    session.install("-e", ".[test]")
    session.run("pytest", "-m", "soak", "--run-soak", *session.posargs)


@nox.session
def spec_diff(session: nox.Session) -> None:
    """Compare the live contract with the spec the SDK was generated from (needs a network).

    Defaults to production's `/api/agents/v1/openapi.json`; `-- URL` compares another.
    Exit 1 means they differ (each difference printed), 2 that it could not be fetched.
    Not a default session: CI has no network to reach it.
    """
    session.install("-e", ".[cli]")
    session.run("modelslab-agents", "spec", "diff", *session.posargs)
