"""Reliability suite: the ``soak`` marker and ``--run-soak``, the summary, shared fixtures.

Soak tests (``@pytest.mark.soak``) are long fault campaigns: they are skipped unless
pytest runs with ``--run-soak`` (``nox -s soak``). Every campaign run records its figures,
printed as a table at the end of the run (and written as JSON to the file named by
``MODELSLAB_RELIABILITY_REPORT``, when set), with the number of fuzzed answers.

Fixtures: ``fake`` (a seeded emulator) and ``token`` (a bearer token of its account
``OWNER_EMAIL``); ``Recorder`` wraps a transport to keep what went out and came back.
"""

from __future__ import annotations

import contextlib
import json
import os

import httpx
import pytest

from modelslab_agents.testing import FakeControlPlane

from ._harness import FUZZED, REPORTS

SOAK_OPTION = "--run-soak"


def pytest_addoption(parser: pytest.Parser) -> None:
    # pytest reads options only from the conftest files it loads before parsing the
    # command line: this one when the run starts at tests/reliability, tests/conftest.py
    # for a run of the whole suite. Whichever declares the option first wins.
    with contextlib.suppress(ValueError):  # declared already
        parser.addoption(
            SOAK_OPTION, action="store_true", default=False, help="run the long fault campaigns"
        )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "soak: a long fault campaign, run only with --run-soak (nox -s soak)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption(SOAK_OPTION, default=False):
        return
    skip = pytest.mark.skip(reason=f"a soak test: run with {SOAK_OPTION}")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FUZZED["answers"]:
        terminalreporter.section("fuzzing")
        terminalreporter.write_line(f"{FUZZED['answers']} generated server answers")
    if not REPORTS:
        return
    terminalreporter.section("fault campaign")
    for line in REPORTS.table():
        terminalreporter.write_line(line)
    path = os.environ.get("MODELSLAB_RELIABILITY_REPORT")
    if path:
        with open(path, "w", encoding="utf-8") as file:
            json.dump(REPORTS.as_json(), file, indent=2)


# -- shared fixtures -------------------------------------------------------------------

OWNER_EMAIL = "ada@example.com"
OWNER_PASSWORD = "an-owner-password-31f4"


class Recorder(httpx.AsyncBaseTransport):
    """Passes requests to another transport, keeping each request (headers included) and
    the body of each answer."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.sent: list[httpx.Request] = []
        self.answers: list[bytes] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        response = await self.inner.handle_async_request(request)
        self.answers.append(await response.aread())
        return response


@pytest.fixture
def fake() -> FakeControlPlane:
    return FakeControlPlane(seed=11)


@pytest.fixture
def token(fake: FakeControlPlane) -> str:
    """A bearer token of ``OWNER_EMAIL``, an account of ``fake``."""
    fake.create_account(OWNER_EMAIL, OWNER_PASSWORD, username="ada")
    return fake.issue_token(OWNER_EMAIL)
