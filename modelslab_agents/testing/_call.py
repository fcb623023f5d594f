"""What a route handler receives (:class:`Call`) and returns (:class:`Reply`)."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ._model import Account, Token
from ._store import Store
from ._validation import Body

__all__ = ["Call", "Handler", "Reply"]


@attrs.frozen
class Reply:
    """A successful answer: ``data`` goes into the envelope as is; a ``document`` (JSON
    bytes) is the whole body instead, with no envelope."""

    data: object = None
    status: int = 200
    document: bytes | None = None


@attrs.frozen
class Call:
    """One request as a handler sees it, after routing, authentication and body parsing.

    Handlers run with the store's lock held and must validate everything (``body.check()``)
    before they change anything.
    """

    store: Store
    body: Body
    path_id: str | None = None
    token: Token | None = None

    @property
    def bearer(self) -> Token:
        """The caller's token (only authenticated routes have one)."""
        if self.token is None:
            raise RuntimeError("this route is not authenticated")
        return self.token

    @property
    def account(self) -> Account:
        """The account the caller's token acts as (a team account after switch-account)."""
        return self.store.account(self.bearer.account_id)

    @property
    def holder(self) -> Account:
        """The user holding the caller's token."""
        return self.store.account(self.bearer.holder_id)

    @property
    def int_id(self) -> int:
        """The ``{id}`` path segment of an integer-id route (the router matched digits)."""
        assert self.path_id is not None
        return int(self.path_id)


Handler = Callable[[Call], Reply]
