"""The endpoint descriptor: what the request pipeline needs to know about a route.

The descriptors themselves live in the generated ``_endpoints`` module.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import attrs

__all__ = ["Endpoint"]

T = TypeVar("T")


@attrs.frozen
class Endpoint(Generic[T]):
    """One route of the control plane.

    Attributes:
        operation_id: ``resource.method``, e.g. ``"api_keys.create"``.
        method: The HTTP method.
        path: The path template under the base URL, e.g. ``"/api-keys/{id}"``.
        path_params: The SDK names of the path parameters, in order.
        body_fields: The JSON body fields the route takes.
        secret_fields: Body fields holding passwords or tokens, never shown anywhere.
        model: The attrs model of ``data``, or None when the route returns nothing.
        many: Whether ``data`` is a list of ``model``.
        success_status: The status the route answers with on success.
        needs_token: Whether the route needs a bearer token.
        idempotent: Whether repeating the request cannot act twice, so it may be
            retried after the server may have seen it.
        rate_limit_group: The server-side limiter group the route counts against.
    """

    operation_id: str
    method: str
    path: str
    path_params: tuple[str, ...]
    body_fields: tuple[str, ...]
    secret_fields: tuple[str, ...]
    model: type[Any] | None
    many: bool
    success_status: int
    needs_token: bool
    idempotent: bool
    rate_limit_group: str

    @property
    def route(self) -> str:
        """``"METHOD /path/{template}"``, as used in logs."""
        return f"{self.method} {self.path}"
