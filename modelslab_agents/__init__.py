"""modelslab-agents: the Python SDK for the ModelsLab Agent Control Plane.

An async-first client (:class:`AsyncModelsLab`) and its blocking twin
(:class:`ModelsLab`) cover the control plane's routes: sign up and log in, manage
bearer tokens, the profile, API keys and teams. Answers are typed attrs models;
errors are typed exceptions under :class:`ModelsLabError`; secrets are
:class:`Secret` values that never print themselves. An offline emulator of the
service lives in :mod:`modelslab_agents.testing`.
"""

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
    ServerError,
    ValidationError,
)
from ._models import (
    AccessToken,
    ApiKey,
    AuthSession,
    MemberStatus,
    Preferences,
    Profile,
    SignupResult,
    Socials,
    TeamMember,
    User,
)
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
    "ResponseDecodeError",
    "RetryEvent",
    "Secret",
    "ServerError",
    "SignupResult",
    "Socials",
    "TeamMember",
    "User",
    "ValidationError",
    "__version__",
]
