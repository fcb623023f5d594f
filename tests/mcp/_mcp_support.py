"""Helpers of the MCP tests (imported by name: this directory is not a package)."""

from __future__ import annotations

from typing import Any

PASSWORD = "correct-horse-battery"


def data(result: Any) -> Any:
    """The ``data`` of a successful tool result."""
    assert not result.is_error, result.content[0].text
    return result.structured_content["data"]


def error(result: Any) -> dict[str, Any]:
    """The ``error`` object of an ``is_error`` result."""
    assert result.is_error, result.structured_content
    err: dict[str, Any] = result.structured_content["error"]
    return err
