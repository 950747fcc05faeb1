"""The tree keeps one layout: URL patterns are declared only in urls.py modules, and the
vendor dashboard holds its pages one area per module, none of them long. These tests read
the source files themselves. The vendors app keeps one sub-package per concern."""

import ast
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGES = ("shop", "vendors", "payments", "logistics")
DASHBOARD_MODULE_MAX_LINES = 300


def source_files() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (REPOSITORY / package).rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(REPOSITORY).as_posix()


def defines_urlpatterns(path: Path) -> bool:
    """Whether the module binds the name `urlpatterns` anywhere: assigned, extended or
    imported."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if (
            isinstance(node, ast.Name)
            and node.id == "urlpatterns"
            and isinstance(node.ctx, ast.Store)
        ):
            return True
        if isinstance(node, ast.ImportFrom) and any(
            (alias.asname or alias.name) == "urlpatterns" for alias in node.names
        ):
            return True
    return False


def test_the_walk_finds_the_url_modules():
    declaring = {relative(path) for path in source_files() if defines_urlpatterns(path)}

    assert {
        "shop/urls.py",
        "vendors/urls.py",
        "vendors/dashboard/urls.py",
        "payments/urls.py",
        "logistics/urls.py",
        "shop/callcenter/urls.py",
    } <= declaring


def test_url_patterns_are_declared_only_in_urls_modules():
    elsewhere = [
        relative(path)
        for path in source_files()
        if path.name != "urls.py" and defines_urlpatterns(path)
    ]

    assert elsewhere == []


def test_no_vendor_dashboard_module_is_over_300_lines():
    modules = sorted((REPOSITORY / "vendors" / "dashboard").rglob("*.py"))
    lines = {relative(path): len(path.read_text().splitlines()) for path in modules}

    assert "vendors/dashboard/urls.py" in lines
    assert {
        path: count for path, count in lines.items() if count > DASHBOARD_MODULE_MAX_LINES
    } == {}


# What Django and Celery look for at an app's top (and the app's vocabulary); everything
# else of the vendors app lives in the sub-package of its concern.
VENDORS_TOP_LEVEL = {
    "__init__.py",
    "apps.py",
    "error_codes.py",
    "exceptions.py",
    "forms.py",
    "models.py",
    "receivers.py",
    "tasks.py",
    "urls.py",
    "validators.py",  # named by the migrations
    "views.py",
}
VENDORS_CONCERNS = {
    "actors",
    "catalogue",
    "inventory",
    "ledger",
    "orders",
    "dashboard",
    "pricing",
}


def test_the_vendors_app_keeps_its_concerns_in_sub_packages():
    vendors = REPOSITORY / "vendors"
    modules = {path.name for path in vendors.glob("*.py")}
    packages = {
        path.name
        for path in vendors.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name != "migrations"
    }

    assert modules - VENDORS_TOP_LEVEL == set()
    assert packages - {"templatetags"} == VENDORS_CONCERNS
