"""The Examples in every module's docstrings run and give what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "bedside.measures.alsfrs",
    "bedside.measures.staging",
    "bedside.measures.progression",
    "bedside.measures.norms",
    "bedside.measures.cli",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0  # a module whose examples vanished should fail here
