"""The endpoint descriptor: what the request pipeline needs to know about a route.

The descriptors themselves live in the generated ``_endpoints`` module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

__all__ = ["Endpoint"]

T = TypeVar("T")


class Endpoint(Generic[T]):
    """One route of the control plane; ``T`` is what its method returns.

    Attributes:
        operation_id: ``resource.method``, e.g. ``"api_keys.create"``.
        method: The HTTP method.
        path: The path template under the base URL, e.g. ``"/api-keys/{id}"``: the
            one place a route's path is written (see :meth:`path_for`).
        secret_fields: Body fields holding passwords or tokens, never shown anywhere.
        model: The name of the model (in ``_models``) of ``data``, or None when the
            route returns nothing. A name rather than the class, so that importing
            the client does not import the models and cattrs before an answer needs them.
        many: Whether ``data`` is a list of ``model``.
        needs_token: Whether the route needs a bearer token.
        idempotent: Whether repeating the request cannot act twice, so it may be
            retried after the server may have seen it.
        rate_limit_group: The server-side limiter group the route counts against.
    """

    # A plain slotted class: descriptors are read on every call and built at import.
    __slots__ = (
        "idempotent",
        "many",
        "method",
        "model",
        "needs_token",
        "operation_id",
        "path",
        "rate_limit_group",
        "secret_fields",
    )

    def __init__(
        self,
        *,
        operation_id: str,
        method: str,
        path: str,
        secret_fields: tuple[str, ...],
        model: str | None,
        many: bool,
        needs_token: bool,
        idempotent: bool,
        rate_limit_group: str,
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.secret_fields = secret_fields
        self.model = model
        self.many = many
        self.needs_token = needs_token
        self.idempotent = idempotent
        self.rate_limit_group = rate_limit_group

    def path_for(self, path_params: Mapping[str, object] | None) -> str:
        """The path with its parameters (already checked) filled in."""
        return self.path if path_params is None else self.path.format_map(path_params)

    @property
    def route(self) -> str:
        """``"METHOD /path/{template}"``, as used in logs."""
        return f"{self.method} {self.path}"

    def __repr__(self) -> str:
        return f"<Endpoint {self.operation_id}: {self.route}>"
