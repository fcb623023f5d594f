"""The package's public surface: exactly these names, each importable, and typed."""

from __future__ import annotations

import importlib.resources
import subprocess
import sys

import modelslab_agents

# The contract's names, plus the few helper types users annotate with.
EXPECTED = {
    # clients
    "AsyncModelsLab",
    "ModelsLab",
    # secrets and models
    "Secret",
    "AuthSession",
    "SignupResult",
    "AccessToken",
    "Profile",
    "ApiKey",
    "CreatedApiKey",
    "TeamMember",
    "User",
    "MemberStatus",
    "Socials",
    "Preferences",
    "Scope",
    # errors
    "ModelsLabError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "EmailNotVerifiedError",
    "InsufficientScopeError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitError",
    "RawResponse",
    "ServerError",
    "APIConnectionError",
    "APITimeoutError",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "MissingTokenError",
    "InsecureTransportError",
    "BatchError",
    # batches, retries, partial updates
    "BatchResult",
    "Outcome",
    "RetryEvent",
    "NOT_GIVEN",
    "NotGiven",
    "__version__",
}


def test_all_holds_exactly_the_expected_names() -> None:
    assert len(modelslab_agents.__all__) == len(set(modelslab_agents.__all__))
    assert set(modelslab_agents.__all__) == EXPECTED


def test_every_name_resolves() -> None:
    for name in modelslab_agents.__all__:
        assert getattr(modelslab_agents, name) is not None, name


def test_star_import_gives_the_same_names() -> None:
    namespace: dict[str, object] = {}
    exec("from modelslab_agents import *", namespace)
    assert set(namespace) - {"__builtins__"} == EXPECTED


def test_version_is_a_string() -> None:
    assert isinstance(modelslab_agents.__version__, str)
    assert modelslab_agents.__version__.count(".") >= 1


def test_py_typed_is_shipped() -> None:
    assert importlib.resources.files("modelslab_agents").joinpath("py.typed").is_file()


def test_importing_the_package_stays_light() -> None:
    # The emulator and the CLI load only when asked for. (click and rich are not
    # checked: httpx itself imports them whenever they are installed.)
    code = (
        "import sys, modelslab_agents; "
        "print(','.join(m for m in ('modelslab_agents.testing', 'modelslab_agents._cli', "
        "'uvicorn', 'respx', 'trio', 'hypothesis') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
