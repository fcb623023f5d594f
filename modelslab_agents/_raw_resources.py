# This file is generated from _spec/openapi.json by `python -m modelslab_agents._codegen`.
# Do not edit it by hand: change the spec and regenerate (`nox -s generate`).

"""``client.with_raw_response``: each resource method of both clients, with the
same arguments and call, answering :class:`~modelslab_agents.RawResponse` (status,
headers, request id, rate limits, ``parse()``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._raw import async_raw, sync_raw

if TYPE_CHECKING:
    from ._resources import (
        AsyncApiKeysResource,
        AsyncAuthResource,
        AsyncProfileResource,
        AsyncResources,
        AsyncTeamsResource,
        AsyncTokensResource,
    )
    from ._sync_resources import (
        ApiKeysResource,
        AuthResource,
        ProfileResource,
        SyncResources,
        TeamsResource,
        TokensResource,
    )

__all__ = [
    "ApiKeysRawResource",
    "AsyncApiKeysRawResource",
    "AsyncAuthRawResource",
    "AsyncProfileRawResource",
    "AsyncRawResources",
    "AsyncTeamsRawResource",
    "AsyncTokensRawResource",
    "AuthRawResource",
    "ProfileRawResource",
    "RawResources",
    "TeamsRawResource",
    "TokensRawResource",
]


class AsyncAuthRawResource:
    """``with_raw_response.auth``: the methods of :class:`AsyncAuthResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = (
        "forgot_password",
        "login",
        "logout",
        "logout_all",
        "refresh",
        "resend_verification",
        "reset_password",
        "scopes",
        "signup",
        "verify_email",
    )

    def __init__(self, resource: AsyncAuthResource) -> None:
        self.signup = async_raw(resource.signup)
        self.login = async_raw(resource.login)
        self.logout = async_raw(resource.logout)
        self.logout_all = async_raw(resource.logout_all)
        self.forgot_password = async_raw(resource.forgot_password)
        self.reset_password = async_raw(resource.reset_password)
        self.resend_verification = async_raw(resource.resend_verification)
        self.verify_email = async_raw(resource.verify_email)
        self.refresh = async_raw(resource.refresh)
        self.scopes = async_raw(resource.scopes)


class AsyncTokensRawResource:
    """``with_raw_response.tokens``: the methods of :class:`AsyncTokensResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("list", "revoke", "revoke_others", "switch_account")

    def __init__(self, resource: AsyncTokensResource) -> None:
        self.list = async_raw(resource.list)
        self.revoke = async_raw(resource.revoke)
        self.revoke_others = async_raw(resource.revoke_others)
        self.switch_account = async_raw(resource.switch_account)


class AsyncProfileRawResource:
    """``with_raw_response.profile``: the methods of :class:`AsyncProfileResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("get", "update", "update_password", "update_preferences", "update_socials")

    def __init__(self, resource: AsyncProfileResource) -> None:
        self.get = async_raw(resource.get)
        self.update = async_raw(resource.update)
        self.update_password = async_raw(resource.update_password)
        self.update_socials = async_raw(resource.update_socials)
        self.update_preferences = async_raw(resource.update_preferences)


class AsyncApiKeysRawResource:
    """``with_raw_response.api_keys``: the methods of :class:`AsyncApiKeysResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("create", "delete", "get", "list", "update")

    def __init__(self, resource: AsyncApiKeysResource) -> None:
        self.list = async_raw(resource.list)
        self.create = async_raw(resource.create)
        self.get = async_raw(resource.get)
        self.update = async_raw(resource.update)
        self.delete = async_raw(resource.delete)


class AsyncTeamsRawResource:
    """``with_raw_response.teams``: the methods of :class:`AsyncTeamsResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("accept_invite", "get", "invite", "list", "remove", "resend_invite", "update")

    def __init__(self, resource: AsyncTeamsResource) -> None:
        self.list = async_raw(resource.list)
        self.invite = async_raw(resource.invite)
        self.get = async_raw(resource.get)
        self.update = async_raw(resource.update)
        self.remove = async_raw(resource.remove)
        self.resend_invite = async_raw(resource.resend_invite)
        self.accept_invite = async_raw(resource.accept_invite)


class AsyncRawResources:
    """``client.with_raw_response`` of the async client."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncResources) -> None:
        self._client = client

    @property
    def auth(self) -> AsyncAuthRawResource:
        """The raw twin of ``client.auth``."""
        return AsyncAuthRawResource(self._client.auth)

    @property
    def tokens(self) -> AsyncTokensRawResource:
        """The raw twin of ``client.tokens``."""
        return AsyncTokensRawResource(self._client.tokens)

    @property
    def profile(self) -> AsyncProfileRawResource:
        """The raw twin of ``client.profile``."""
        return AsyncProfileRawResource(self._client.profile)

    @property
    def api_keys(self) -> AsyncApiKeysRawResource:
        """The raw twin of ``client.api_keys``."""
        return AsyncApiKeysRawResource(self._client.api_keys)

    @property
    def teams(self) -> AsyncTeamsRawResource:
        """The raw twin of ``client.teams``."""
        return AsyncTeamsRawResource(self._client.teams)


class AuthRawResource:
    """``with_raw_response.auth``: the methods of :class:`AuthResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = (
        "forgot_password",
        "login",
        "logout",
        "logout_all",
        "refresh",
        "resend_verification",
        "reset_password",
        "scopes",
        "signup",
        "verify_email",
    )

    def __init__(self, resource: AuthResource) -> None:
        self.signup = sync_raw(resource, resource.signup)
        self.login = sync_raw(resource, resource.login)
        self.logout = sync_raw(resource, resource.logout)
        self.logout_all = sync_raw(resource, resource.logout_all)
        self.forgot_password = sync_raw(resource, resource.forgot_password)
        self.reset_password = sync_raw(resource, resource.reset_password)
        self.resend_verification = sync_raw(resource, resource.resend_verification)
        self.verify_email = sync_raw(resource, resource.verify_email)
        self.refresh = sync_raw(resource, resource.refresh)
        self.scopes = sync_raw(resource, resource.scopes)


class TokensRawResource:
    """``with_raw_response.tokens``: the methods of :class:`TokensResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("list", "revoke", "revoke_others", "switch_account")

    def __init__(self, resource: TokensResource) -> None:
        self.list = sync_raw(resource, resource.list)
        self.revoke = sync_raw(resource, resource.revoke)
        self.revoke_others = sync_raw(resource, resource.revoke_others)
        self.switch_account = sync_raw(resource, resource.switch_account)


class ProfileRawResource:
    """``with_raw_response.profile``: the methods of :class:`ProfileResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("get", "update", "update_password", "update_preferences", "update_socials")

    def __init__(self, resource: ProfileResource) -> None:
        self.get = sync_raw(resource, resource.get)
        self.update = sync_raw(resource, resource.update)
        self.update_password = sync_raw(resource, resource.update_password)
        self.update_socials = sync_raw(resource, resource.update_socials)
        self.update_preferences = sync_raw(resource, resource.update_preferences)


class ApiKeysRawResource:
    """``with_raw_response.api_keys``: the methods of :class:`ApiKeysResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("create", "delete", "get", "list", "update")

    def __init__(self, resource: ApiKeysResource) -> None:
        self.list = sync_raw(resource, resource.list)
        self.create = sync_raw(resource, resource.create)
        self.get = sync_raw(resource, resource.get)
        self.update = sync_raw(resource, resource.update)
        self.delete = sync_raw(resource, resource.delete)


class TeamsRawResource:
    """``with_raw_response.teams``: the methods of :class:`TeamsResource`, answering
    :class:`~modelslab_agents.RawResponse`.
    """

    __slots__ = ("accept_invite", "get", "invite", "list", "remove", "resend_invite", "update")

    def __init__(self, resource: TeamsResource) -> None:
        self.list = sync_raw(resource, resource.list)
        self.invite = sync_raw(resource, resource.invite)
        self.get = sync_raw(resource, resource.get)
        self.update = sync_raw(resource, resource.update)
        self.remove = sync_raw(resource, resource.remove)
        self.resend_invite = sync_raw(resource, resource.resend_invite)
        self.accept_invite = sync_raw(resource, resource.accept_invite)


class RawResources:
    """``client.with_raw_response`` of the blocking client."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncResources) -> None:
        self._client = client

    @property
    def auth(self) -> AuthRawResource:
        """The raw twin of ``client.auth``."""
        return AuthRawResource(self._client.auth)

    @property
    def tokens(self) -> TokensRawResource:
        """The raw twin of ``client.tokens``."""
        return TokensRawResource(self._client.tokens)

    @property
    def profile(self) -> ProfileRawResource:
        """The raw twin of ``client.profile``."""
        return ProfileRawResource(self._client.profile)

    @property
    def api_keys(self) -> ApiKeysRawResource:
        """The raw twin of ``client.api_keys``."""
        return ApiKeysRawResource(self._client.api_keys)

    @property
    def teams(self) -> TeamsRawResource:
        """The raw twin of ``client.teams``."""
        return TeamsRawResource(self._client.teams)
