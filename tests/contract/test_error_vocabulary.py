"""One vocabulary of refusals: an app's exception classes live in its `exceptions.py`, and
the code a service raises with is a member of its app's `error_codes` enum, never a
string written at the raise. Forms keep their own field codes."""

import ast
import builtins
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The apps whose vocabulary is settled; the others join as they move.
APPS = ("payments", "vendors")


def _modules(app: str) -> list[Path]:
    return sorted(
        path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(), str(path)) for app in APPS for path in _modules(app)}


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _exception_classes(trees) -> list[tuple[Path, str]]:
    """Classes deriving, through any of the modules walked, from an exception."""
    known = {
        name
        for name in dir(builtins)
        if isinstance(getattr(builtins, name), type)
        and issubclass(getattr(builtins, name), BaseException)
    }
    known |= {"ValidationError", "DomainError", "PermissionDenied", "ObjectDoesNotExist"}
    classes = [
        (path, node)
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    found: dict[tuple[Path, str], None] = {}
    grew = True
    while grew:
        grew = False
        for path, node in classes:
            if (path, node.name) not in found and any(
                _base_name(base) in known for base in node.bases
            ):
                found[(path, node.name)] = None
                known.add(node.name)
                grew = True
    return list(found)


def test_the_walk_finds_the_apps_exceptions():
    names = {name for _path, name in _exception_classes(_trees())}
    assert {"PaymentError", "PaymentDeclined", "OutOfStock", "RefundRefused"} <= names


def test_every_exception_class_is_defined_in_an_exceptions_module():
    misplaced = [
        f"{path.relative_to(ROOT)}: {name}"
        for path, name in _exception_classes(_trees())
        if path.name != "exceptions.py"
    ]
    assert misplaced == []


@pytest.mark.parametrize("app", APPS)
def test_no_code_is_written_inline_at_a_raise(app):
    inline = []
    for path in _modules(app):
        if path.name.endswith("forms.py"):  # forms.py, delivery_forms.py: a form field's codes
            continue
        for raised in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(raised, ast.Raise) or raised.exc is None:
                continue
            for call in ast.walk(raised.exc):
                if isinstance(call, ast.Call):
                    inline += [
                        f"{path.relative_to(ROOT)}:{keyword.value.lineno}"
                        for keyword in call.keywords
                        if keyword.arg == "code"
                        and isinstance(keyword.value, ast.Constant)
                        and isinstance(keyword.value.value, str)
                        and keyword.value.value
                    ]
    assert inline == []
