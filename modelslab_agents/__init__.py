"""modelslab-agents: the Python SDK for the ModelsLab Agent Control Plane.

An async-first client (:class:`AsyncModelsLab`) and its blocking twin
(:class:`ModelsLab`) cover the control plane's routes: sign up and log in, manage
bearer tokens, the profile, API keys and teams. Answers are typed attrs models;
errors are typed exceptions under :class:`ModelsLabError`; secrets are
:class:`Secret` values that never print themselves. An offline emulator of the
service lives in :mod:`modelslab_agents.testing`.

Names are imported on first use (PEP 562), so ``import modelslab_agents`` costs
little beyond the modules a program actually touches: the blocking client's loop
machinery, for one, is never loaded by async-only programs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_namespace

if TYPE_CHECKING:
    from ._batch import BatchResult, Outcome
    from ._client import AsyncModelsLab
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BatchError,
        ConflictError,
        EmailNotVerifiedError,
        InsecureTransportError,
        InsufficientScopeError,
        MissingTokenError,
        ModelsLabError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ResponseDecodeError,
        ResponseTooLargeError,
        ServerError,
        ValidationError,
    )
    from ._models import (
        AccessToken,
        ApiKey,
        AuthSession,
        CreatedApiKey,
        MemberStatus,
        Preferences,
        Profile,
        Scope,
        SignupResult,
        Socials,
        TeamMember,
        User,
    )
    from ._raw import RawResponse
    from ._retry import RetryEvent
    from ._secret import Secret
    from ._sync import ModelsLab
    from ._types import NOT_GIVEN, NotGiven
    from ._version import __version__

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AccessToken",
    "ApiKey",
    "CreatedApiKey",
    "AsyncModelsLab",
    "AuthSession",
    "AuthenticationError",
    "BadRequestError",
    "BatchError",
    "BatchResult",
    "ConflictError",
    "EmailNotVerifiedError",
    "InsecureTransportError",
    "InsufficientScopeError",
    "MemberStatus",
    "MissingTokenError",
    "ModelsLab",
    "ModelsLabError",
    "NotFoundError",
    "NotGiven",
    "Outcome",
    "PermissionDeniedError",
    "Preferences",
    "Profile",
    "RateLimitError",
    "RawResponse",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "RetryEvent",
    "Scope",
    "Secret",
    "ServerError",
    "SignupResult",
    "Socials",
    "TeamMember",
    "User",
    "ValidationError",
    "__version__",
]

_HOMES: dict[str, str] = {
    "APIConnectionError": "._exceptions",
    "APIError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AccessToken": "._models",
    "ApiKey": "._models",
    "CreatedApiKey": "._models",
    "AsyncModelsLab": "._client",
    "AuthSession": "._models",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "BatchError": "._exceptions",
    "BatchResult": "._batch",
    "ConflictError": "._exceptions",
    "EmailNotVerifiedError": "._exceptions",
    "InsecureTransportError": "._exceptions",
    "InsufficientScopeError": "._exceptions",
    "MemberStatus": "._models",
    "MissingTokenError": "._exceptions",
    "ModelsLab": "._sync",
    "ModelsLabError": "._exceptions",
    "NOT_GIVEN": "._types",
    "NotFoundError": "._exceptions",
    "NotGiven": "._types",
    "Outcome": "._batch",
    "PermissionDeniedError": "._exceptions",
    "Preferences": "._models",
    "Profile": "._models",
    "RateLimitError": "._exceptions",
    "RawResponse": "._raw",
    "ResponseDecodeError": "._exceptions",
    "ResponseTooLargeError": "._exceptions",
    "RetryEvent": "._retry",
    "Scope": "._models",
    "Secret": "._secret",
    "ServerError": "._exceptions",
    "SignupResult": "._models",
    "Socials": "._models",
    "TeamMember": "._models",
    "User": "._models",
    "ValidationError": "._exceptions",
    "__version__": "._version",
}


__getattr__, __dir__ = lazy_namespace(__name__, _HOMES, __all__, globals())
