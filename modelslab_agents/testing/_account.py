"""``FakeAccount``: an account made on the emulator, with what a test needs to use it."""

from __future__ import annotations

import attrs

from modelslab_agents._secret import Secret

__all__ = ["FakeAccount"]


@attrs.frozen(kw_only=True)
class FakeAccount:
    """A signed-up, verified account on a :class:`FakeControlPlane`, logged in once.

    The ``modelslab_account`` fixture gives one. The password and the token are
    :class:`~modelslab_agents.Secret` values, so a failing test's output never shows
    them; pass them to the SDK as they are (``client.with_token(account.token)``,
    ``client.auth.login(account.email, account.password)``).

    Attributes:
        id: the account's user id.
        email: the address it signed up with.
        password: its password.
        token: a bearer token of the account with every scope, valid for a month
            of the emulator's clock.
    """

    id: int
    email: str
    password: Secret
    token: Secret
