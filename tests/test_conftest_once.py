"""The suite's helpers exist once: fixtures (pytest's import of conftest) and tests that import
`tests.conftest` share one module, so its counters never hand out the same outlet name twice."""

import sys

import tests.conftest


def test_conftest_is_one_module():
    copies = [name for name, module in sys.modules.items() if module is not None and name.split(".")[-1] == "conftest"]
    assert copies == ["tests.conftest"], copies
    assert sys.modules["tests.conftest"] is tests.conftest
