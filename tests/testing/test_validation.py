"""The body validator's rules, directly."""

from __future__ import annotations

import pytest

from modelslab_agents.testing._errors import ApiError
from modelslab_agents.testing._validation import MISSING, Body


def test_absent_null_and_present_are_distinct() -> None:
    body = Body({"a": None, "b": "x", "c": ""})
    assert body.optional_text("missing") is MISSING
    assert body.optional_text("a") is None
    assert body.optional_text("b") == "x"
    assert body.optional_text("c") is None
    body.check()


def test_check_raises_the_whole_bag() -> None:
    body = Body({"n": "x", "flag": 1})
    body.required_text("name")
    body.flag("flag")
    body.number("n")
    with pytest.raises(ApiError) as raised:
        body.check()
    assert raised.value.status == 422
    assert raised.value.details == {
        "name": ["The name field is required."],
        "flag": ["The flag field must be true or false."],
        "n": ["The n field must be a number."],
    }


def test_text_list_deduplicates_and_checks_items() -> None:
    body = Body({"tags": ["a", "b", "a"], "bad": ["ok", 2, ""]})
    assert body.text_list("tags") == ["a", "b"]
    assert body.text_list("bad") is MISSING
    assert set(body.errors) == {"bad.1", "bad.2"}


def test_choice_treats_null_as_default() -> None:
    body = Body({"expiry": None, "role": "x"})
    assert body.choice("expiry", ["a"]) is MISSING
    assert body.choice("role", ["y"]) is MISSING
    assert body.errors == {"role": ["The selected role is invalid."]}


def test_numbers_accept_ints_and_floats_but_not_bools() -> None:
    body = Body({"i": 3, "f": 2.5, "b": False})
    assert body.number("i") == 3.0
    assert body.number("f") == 2.5
    assert body.number("b") is MISSING


def test_missing_repr() -> None:
    assert repr(MISSING) == "MISSING"
