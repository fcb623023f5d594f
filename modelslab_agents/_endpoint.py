"""The endpoint descriptor: what the request pipeline needs to know about a route.

The descriptors themselves live in the generated ``_endpoints`` module.
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["Endpoint"]

T = TypeVar("T")


class Endpoint(Generic[T]):
    """One route of the control plane; ``T`` is what its method returns.

    Attributes:
        operation_id: ``resource.method``, e.g. ``"api_keys.create"``.
        method: The HTTP method.
        path: The path template under the base URL, e.g. ``"/api-keys/{id}"``.
        path_params: The SDK names of the path parameters, in order.
        body_fields: The JSON body fields the route takes.
        secret_fields: Body fields holding passwords or tokens, never shown anywhere.
        model: The name of the model (in ``_models``) of ``data``, or None when the
            route returns nothing. A name rather than the class, so that importing
            the client does not import the models and cattrs before an answer needs them.
        many: Whether ``data`` is a list of ``model``.
        success_status: The status the route answers with on success.
        needs_token: Whether the route needs a bearer token.
        idempotent: Whether repeating the request cannot act twice, so it may be
            retried after the server may have seen it.
        rate_limit_group: The server-side limiter group the route counts against.
    """

    # A plain slotted class: descriptors are read on every call and built at import.
    __slots__ = (
        "body_fields",
        "idempotent",
        "many",
        "method",
        "model",
        "needs_token",
        "operation_id",
        "path",
        "path_params",
        "rate_limit_group",
        "secret_fields",
        "success_status",
    )

    def __init__(
        self,
        *,
        operation_id: str,
        method: str,
        path: str,
        path_params: tuple[str, ...],
        body_fields: tuple[str, ...],
        secret_fields: tuple[str, ...],
        model: str | None,
        many: bool,
        success_status: int,
        needs_token: bool,
        idempotent: bool,
        rate_limit_group: str,
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.path_params = path_params
        self.body_fields = body_fields
        self.secret_fields = secret_fields
        self.model = model
        self.many = many
        self.success_status = success_status
        self.needs_token = needs_token
        self.idempotent = idempotent
        self.rate_limit_group = rate_limit_group

    @property
    def route(self) -> str:
        """``"METHOD /path/{template}"``, as used in logs."""
        return f"{self.method} {self.path}"

    def __repr__(self) -> str:
        return f"<Endpoint {self.operation_id}: {self.route}>"
