"""The code stays readable in one sitting: modules of at most 300 lines, functions of at most 50.

A meta-test, like the one for help texts and finding codes: it fails the build when a
module or a function grows past what issue 13 set, so the limit holds without a reviewer.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "koopbericht"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50


def test_no_module_over_300_lines() -> None:
    long = {
        str(path.relative_to(SOURCE)): count
        for path in sorted(SOURCE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_over_50_lines() -> None:
    long = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                count = (node.end_lineno or node.lineno) - node.lineno + 1
                if count > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(SOURCE)}:{node.name}"] = count
    assert long == {}
