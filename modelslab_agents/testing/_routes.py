"""The route table of the Agent Control Plane, and path resolution against it."""

from __future__ import annotations

import re
from typing import Final

import attrs

from . import _api_key_routes as keys
from . import _auth_routes as auth
from . import _contract_routes as contract
from . import _profile_routes as profile
from . import _team_routes as teams
from . import _token_routes as tokens
from ._call import Handler

__all__ = [
    "AUTH_GROUP",
    "CONTRACT_ROUTES",
    "GENERAL_GROUP",
    "ROUTES",
    "ROUTE_KEYS",
    "Resolution",
    "Route",
    "resolve",
]

AUTH_GROUP: Final = "agent-auth"
GENERAL_GROUP: Final = "agent-general"

_INT_ID: Final = r"[0-9]+"
_ANY_SEGMENT: Final = r"[^/]+"


@attrs.frozen
class Route:
    """One route: ``METHOD /template``, its handler, rate-limit group and access rule.

    ``{id}`` in the template matches ``id_pattern`` (digits, unless said otherwise), so a
    non-integer id never reaches an integer-id handler: it is a 404 like any unknown path.
    """

    method: str
    template: str
    handler: Handler
    group: str = GENERAL_GROUP
    authenticated: bool = True
    scope: str | None = None
    id_pattern: str = _INT_ID
    pattern: re.Pattern[str] = attrs.field(init=False)

    @pattern.default
    def _compile(self) -> re.Pattern[str]:
        regex = re.escape(self.template).replace(r"\{id\}", f"(?P<id>{self.id_pattern})")
        return re.compile(regex)

    @property
    def key(self) -> str:
        """How tests name the route, e.g. ``"DELETE /api-keys/{id}"``."""
        return f"{self.method} {self.template}"


def _public(method: str, template: str, handler: Handler) -> Route:
    return Route(method, template, handler, group=AUTH_GROUP, authenticated=False)


ROUTES: Final[tuple[Route, ...]] = (
    _public("POST", "/auth/signup", auth.signup),
    _public("POST", "/auth/login", auth.login),
    Route("POST", "/auth/logout", auth.logout),  # never scope-gated
    Route("POST", "/auth/logout-all", auth.logout_all, scope="tokens:write"),
    _public("POST", "/auth/forgot-password", auth.forgot_password),
    _public("POST", "/auth/reset-password", auth.reset_password),
    _public("POST", "/auth/resend-verification", auth.resend_verification),
    _public("POST", "/auth/verify-email", auth.verify_email),
    _public("POST", "/auth/verify", auth.verify_email),  # the route table's name for it
    Route("POST", "/auth/refresh", auth.refresh),
    Route("GET", "/auth/scopes", auth.scopes, authenticated=False),
    Route("GET", "/auth/tokens", tokens.list_tokens, scope="tokens:read"),
    Route("DELETE", "/auth/tokens/{id}", tokens.revoke_token, scope="tokens:write"),
    Route("POST", "/auth/tokens/revoke-others", tokens.revoke_others, scope="tokens:write"),
    Route("POST", "/auth/switch-account", tokens.switch_account),
    Route("GET", "/me", profile.get_profile, scope="profile:read"),
    Route("PATCH", "/me", profile.update_profile, scope="profile:write"),
    Route("PATCH", "/me/password", profile.update_password, scope="profile:write"),
    Route("PATCH", "/me/socials", profile.update_socials, scope="profile:write"),
    Route("PATCH", "/me/preferences", profile.update_preferences, scope="profile:write"),
    Route("GET", "/api-keys", keys.list_keys, scope="api-keys:read"),
    Route("POST", "/api-keys", keys.create_key, scope="api-keys:write"),
    Route("GET", "/api-keys/{id}", keys.get_key, scope="api-keys:read"),
    Route("PUT", "/api-keys/{id}", keys.update_key, scope="api-keys:write"),
    Route("DELETE", "/api-keys/{id}", keys.delete_key, scope="api-keys:write"),
    Route("GET", "/teams", teams.list_members, scope="teams:read"),
    Route("POST", "/teams", teams.invite_member, scope="teams:write"),
    Route("GET", "/teams/{id}", teams.get_member, scope="teams:read"),
    Route("PUT", "/teams/{id}", teams.update_member, scope="teams:write"),
    Route("DELETE", "/teams/{id}", teams.remove_member, scope="teams:write"),
    Route("POST", "/teams/{id}/resend-invite", teams.resend_invitation, scope="teams:write"),
    Route(
        "POST",
        "/teams/invitations/{id}/accept",
        teams.accept_invitation,
        scope="teams:write",
        id_pattern=_ANY_SEGMENT,
    ),
)
"""Every route, templates relative to ``/api/agents/v1``. Rate-limit groups follow the
published split: ``agent-auth`` (per client address and email) for signup, login, verify,
forgot/reset password and resend verification; ``agent-general`` (per client address and
user) for every other route."""

CONTRACT_ROUTES: Final[tuple[Route, ...]] = (
    Route("GET", "/openapi.json", contract.openapi, authenticated=False),
    Route("GET", "/changelog", contract.changelog, authenticated=False),
)
"""The published contract, served beside the API (not part of it)."""

ROUTE_KEYS: Final = frozenset(route.key for route in (*ROUTES, *CONTRACT_ROUTES))


@attrs.frozen
class Resolution:
    """The outcome of matching a path: a route, or the methods the path allows (405), or
    neither (404)."""

    route: Route | None = None
    path_id: str | None = None
    allowed: tuple[str, ...] = ()


def resolve(method: str, path: str | None) -> Resolution:
    """Match ``method`` and an API-relative ``path`` (None: outside the API) to a route."""
    if path is None:
        return Resolution()
    allowed: list[str] = []
    for route in (*ROUTES, *CONTRACT_ROUTES):
        match = route.pattern.fullmatch(path)
        if match is None:
            continue
        if route.method == method:
            return Resolution(route, match.groupdict().get("id"))
        allowed.append(route.method)
    return Resolution(allowed=tuple(sorted(set(allowed))))
