"""The published contract: the OpenAPI description and the changelog of the API.

``GET /openapi.json`` answers the SDK's bundled description byte for byte (not wrapped in
the envelope, so that OpenAPI tools and ``modelslab-agents spec diff`` read it as is);
``GET /changelog`` answers, in the envelope, the versions of that description and what
each changed, and the deprecations in force.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

from ._call import Call, Reply

__all__ = ["CHANGELOG", "changelog", "openapi", "spec_bytes"]

CHANGELOG: dict[str, Any] = {
    "versions": [
        {
            "version": "1.1.0",
            "changes": [
                "POST /auth/refresh rotates the calling token; the old one is revoked.",
                "GET /auth/scopes lists the scope catalogue; login takes `scopes`.",
                "Out-of-scope calls answer 403 insufficient_scope; each operation names "
                "its scope in `x-required-scope`.",
                "token_expiry also takes 6_months and 1_year; answers carry token_lifetime_capped.",
                "POST /auth/verify is the same route as POST /auth/verify-email.",
                "Published rate limits: agent-auth 20/min per client address and email, "
                "agent-general 120/min per client address and user.",
            ],
        },
        {"version": "1.0.0", "changes": ["The account routes: auth, tokens, me, api-keys, teams."]},
    ],
    "deprecations": [],
}
"""Versions newest first, and deprecations (``{"route", "since", "sunset", "use"}``)."""


@functools.cache
def spec_bytes() -> bytes:
    """The bundled OpenAPI description, as shipped in the package."""
    return importlib.resources.files("modelslab_agents").joinpath("_spec/openapi.json").read_bytes()


def openapi(call: Call) -> Reply:
    """``GET /openapi.json``: the OpenAPI description, as a plain JSON document."""
    return Reply(document=spec_bytes())


def changelog(call: Call) -> Reply:
    """``GET /changelog``: the current version, every version's changes, deprecations."""
    current = json.loads(spec_bytes())["info"]["version"]
    return Reply({"current_version": current, **json.loads(json.dumps(CHANGELOG))})
