"""The SDK's logger, ``modelslab_agents``.

The SDK logs through the standard :mod:`logging` tree and adds no handler of its
own, unless ``MODELSLAB_LOG=debug`` (or ``info``) asks for one on stderr. Log lines
carry the method, the URL, the status, timings and retries; never a header,
a body, a token, a key or a password.
"""

from __future__ import annotations

import logging
import os
import sys

__all__ = ["logger", "setup_from_env"]

logger = logging.getLogger("modelslab_agents")

_configured = False


def setup_from_env() -> None:
    """Honour ``MODELSLAB_LOG`` once per process."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("MODELSLAB_LOG", "").strip().upper()
    if level not in ("DEBUG", "INFO"):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
