"""MkDocs hook: render the Sphinx roles of the package's docstrings.

The docstrings say :class:`Secret` and :meth:`aclose`, which help() shows as they
are; on the site each becomes code, linked when the name is documented here.
"""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r":(?:class|meth|func|attr|exc|mod|data|obj):<code>(~?)([^<]+)</code>")


def _link(match: re.Match[str]) -> str:
    target = match.group(2)
    shown = target.rsplit(".", 1)[-1] if match.group(1) else target
    if not target.startswith("modelslab_agents"):
        target = f"modelslab_agents.{target}"
    return f'<autoref identifier="{target}" optional><code>{shown}</code></autoref>'


def on_page_content(html: str, **kwargs: Any) -> str:
    return ROLE.sub(_link, html)
