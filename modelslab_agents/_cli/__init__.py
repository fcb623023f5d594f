"""The ``modelslab-agents`` command line.

:func:`main` is the console script. The command line needs the ``cli`` extra
(click, rich, platformdirs, uvicorn); the SDK itself never imports it, so the
core stays importable without those packages.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]

PROG_NAME = "modelslab-agents"
_EXTRA_HINT = "pip install 'modelslab-agents[cli]'"
_CLI_MODULES = ("click", "rich", "platformdirs")


def _missing_module() -> str | None:
    """The first package of the ``cli`` extra that cannot be imported, if any."""
    import importlib.util

    for name in _CLI_MODULES:
        if importlib.util.find_spec(name) is None:
            return name
    return None


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (``argv`` defaults to ``sys.argv[1:]``) and exit."""
    args = list(sys.argv[1:] if argv is None else argv)
    missing = _missing_module()
    if missing is not None:
        if args == ["demo"]:
            # The demo is pure SDK: it runs without the command-line packages.
            from modelslab_agents._demo import main as demo_main

            sys.exit(demo_main())
        print(
            f"{PROG_NAME}: the command line needs the 'cli' extra ({missing} is missing): "
            f"{_EXTRA_HINT}",
            file=sys.stderr,
        )
        sys.exit(2)
    from ._app import run

    run(args)
