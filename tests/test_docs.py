"""The documentation: method docstrings, what help() shows, and the reference pages.

Each resource method's docstring is generated from the spec; these tests hold it to
naming every argument, what the method returns and the typed errors it can raise, in
the Google style the reference site renders. The reference pages must name every
public name, so a new one cannot go undocumented.
"""

from __future__ import annotations

import builtins
import inspect
import pydoc
import re
import typing
from pathlib import Path

import pytest

import modelslab_agents
import modelslab_agents.testing
from modelslab_agents import AsyncModelsLab, ModelsLab
from modelslab_agents._endpoints import ALL

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"
RESOURCES = ("auth", "tokens", "profile", "api_keys", "teams")
ID_ARGS = {"key_id", "token_id", "member_id", "invite_id"}


def _resource_class(client: type, resource: str) -> type:
    return typing.get_type_hints(getattr(client, resource).fget)["return"]  # type: ignore[no-any-return]


def _methods(client_class: type) -> list[tuple[str, typing.Any]]:
    methods = []
    for resource in RESOURCES:
        for name, member in vars(_resource_class(client_class, resource)).items():
            if inspect.isfunction(member) and not name.startswith("_"):
                methods.append((f"{resource}.{name}", member))
    return methods


ALL_METHODS = [
    pytest.param(method, id=f"{client.__name__}.{name}")
    for client in (AsyncModelsLab, ModelsLab)
    for name, method in _methods(client)
]


def _section(doc: str, title: str) -> dict[str, str]:
    """The ``name: text`` entries of one Google-style section of a docstring."""
    match = re.search(rf"^{title}:\n((?:    .*\n|\n)+)", inspect.cleandoc(doc) + "\n", re.M)
    assert match, f"no {title} section"
    entries: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if re.match(r"^    \S", line):
            name, _, text = line.strip().partition(": ")
            entries[name] = text
        elif line.strip():
            entries[name] += " " + line.strip()
    return entries


def test_every_route_has_a_method_on_both_clients() -> None:
    for client in (AsyncModelsLab, ModelsLab):
        names = {name for name, _ in _methods(client)}
        assert names == {e.operation_id for e in ALL}


@pytest.mark.parametrize("method", ALL_METHODS)
def test_docstring_names_every_argument(method: typing.Any) -> None:
    args = _section(method.__doc__, "Args") if "Args:" in method.__doc__ else {}
    params = [p for p in inspect.signature(method).parameters if p != "self"]
    assert list(args) == params
    assert all(len(text) > 10 for text in args.values())


@pytest.mark.parametrize("method", ALL_METHODS)
def test_docstring_says_what_it_returns(method: typing.Any) -> None:
    (returned,) = _section(method.__doc__, "Returns")
    assert returned == inspect.signature(method).return_annotation


@pytest.mark.parametrize("method", ALL_METHODS)
def test_docstring_names_the_typed_errors_of_the_route(method: typing.Any) -> None:
    raises = _section(method.__doc__, "Raises")
    for name in raises:
        error = getattr(modelslab_agents, name, None) or getattr(builtins, name)
        assert issubclass(error, Exception), name
    assert {"RateLimitError", "APIConnectionError", "ServerError"} <= set(raises)
    params = set(inspect.signature(method).parameters) - {"self"}
    route = method.__doc__.split("``")[1]
    if params:
        assert "TypeError" in raises
    if params & ID_ARGS:
        assert {"ValueError", "NotFoundError"} <= set(raises)
    if params - ID_ARGS and not route.startswith(("GET", "DELETE")):
        assert "ValidationError" in raises
    needs_token = "Needs no token." not in method.__doc__
    assert needs_token == ("MissingTokenError" in raises)
    assert needs_token <= ("AuthenticationError" in raises)


def test_a_route_documents_the_errors_only_it_raises() -> None:
    login = _section(_resource_class(ModelsLab, "auth").login.__doc__, "Raises")
    assert "match no account" in login["AuthenticationError"]
    assert "EmailNotVerifiedError" in login
    invite = _section(_resource_class(AsyncModelsLab, "teams").invite.__doc__, "Raises")
    assert "already invited" in invite["ConflictError"]


@pytest.mark.parametrize("client", [AsyncModelsLab, ModelsLab])
def test_help_lists_the_resources_with_their_types(client: type) -> None:
    text = pydoc.render_doc(client, renderer=pydoc.plaintext)
    for resource in RESOURCES:
        entry = re.search(rf"^ \|  {resource}\n((?: \|      .*\n| \| *\n)+)", text, re.M)
        assert entry, resource
        assert _resource_class(client, resource).__name__ in entry.group(1)


def test_the_hinted_resource_types_are_the_ones_bound() -> None:
    clients = [AsyncModelsLab(token="t"), ModelsLab(token="t")]
    try:
        for client in clients:
            for resource in RESOURCES:
                bound = getattr(client, resource)
                assert type(bound) is _resource_class(type(client), resource)
    finally:
        clients[1].close()


def _documented() -> set[str]:
    """The objects the reference pages render (their ``::: name`` lines)."""
    names: set[str] = set()
    for page in REFERENCE.glob("*.md"):
        names |= set(re.findall(r"^::: (\S+)$", page.read_text(encoding="utf-8"), re.M))
    return names


@pytest.mark.parametrize(
    "name",
    [f"modelslab_agents.{n}" for n in modelslab_agents.__all__]
    + [f"modelslab_agents.testing.{n}" for n in modelslab_agents.testing.__all__],
)
def test_every_public_name_is_in_the_reference(name: str) -> None:
    assert name in _documented(), f"add `::: {name}` to a page of docs/reference/"


def test_the_reference_renders_every_resource_and_the_pytest_fixtures() -> None:
    documented = _documented()
    for client in (AsyncModelsLab, ModelsLab):
        for resource in RESOURCES:
            cls = _resource_class(client, resource)
            assert f"{cls.__module__}.{cls.__qualname__}" in documented
    assert "modelslab_agents.testing._pytest_plugin" in documented


def test_every_reference_page_is_in_the_site_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in REFERENCE.glob("*.md"):
        assert f"reference/{page.name}" in nav, page.name
