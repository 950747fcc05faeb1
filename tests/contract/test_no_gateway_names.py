"""Payment methods are told apart by what they can do, never by name: no gateway name
of the default configuration appears as a string literal in the code or templates,
except where gateways are defined and configured."""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("shop", "vendors", "logistics", "payments", "templates")
EXEMPT = ("payments/gateways/", "payments/registry.py", "shop/settings/")
# To be removed: these files are being rewritten and lose their literals then.


def configured_names() -> frozenset[str]:
    """Every gateway name the settings modules configure (whatever the environment
    enables), and those of the running settings."""
    names = set(settings.PAYMENT_GATEWAYS)
    for module in (ROOT / "shop" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if (
                isinstance(node, ast.Subscript)
                and _is_gateways(node.value)
                and (isinstance(node.slice, ast.Constant))
            ):
                names.add(node.slice.value)
            elif (
                isinstance(node, ast.Assign)
                and any(map(_is_gateways, node.targets))
                and (isinstance(node.value, ast.Dict))
            ):
                names.update(key.value for key in node.value.keys if isinstance(key, ast.Constant))
    return frozenset(names)


def _is_gateways(node) -> bool:
    return isinstance(node, ast.Name) and node.id == "PAYMENT_GATEWAYS"


def literals_in_python(source: str, names: frozenset[str]) -> list[int]:
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and node.value in names
    )


def literals_in_template(source: str, names: frozenset[str]) -> list[int]:
    quoted = re.compile("|".join(rf"([\"']){re.escape(name)}\1" for name in sorted(names)))
    return [
        number for number, line in enumerate(source.splitlines(), start=1) if quoted.search(line)
    ]


def scanned_files():
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if (
                path.suffix not in (".py", ".html")
                or "/migrations/" in relative
                or (relative.startswith(EXEMPT))
            ):
                continue
            yield relative, path


def test_the_default_configuration_names_the_gateways():
    assert {"cash_on_delivery", "bank_transfer", "stripe", "dummy"} <= configured_names()


def test_the_scan_finds_a_gateway_name_in_code_and_in_templates():
    names = frozenset({"cash_on_delivery"})

    assert literals_in_python('x = 1\nif m == "cash_on_delivery":\n    pass\n', names) == [2]
    assert literals_in_python('x = "payments.gateways.cash_on_delivery"\n', names) == []
    assert literals_in_template("<p>\n{% if code == 'cash_on_delivery' %}\n", names) == [2]
    assert literals_in_template('{% include "cash_on_delivery_note.html" %}', names) == []


def test_no_gateway_name_outside_the_gateways_and_their_configuration():
    names = configured_names()
    found = []
    for relative, path in scanned_files():
        source = path.read_text(encoding="utf-8")
        scan = literals_in_python if path.suffix == ".py" else literals_in_template
        found += [f"{relative}:{line}" for line in scan(source, names)]

    assert found == [], "ask a capability (payments/selectors.py) instead:\n" + "\n".join(found)
