"""The layers stay layers: import-linter's contracts (pyproject.toml) and no import
circle between files of two top-level packages. Every import statement counts, those
inside functions too."""

import grimp
from django.conf import settings
from importlinter.cli import lint_imports

PACKAGES = ("shop", "vendors", "payments", "logistics")


def test_the_import_contracts_are_kept():
    assert lint_imports(config_filename=str(settings.BASE_DIR / "pyproject.toml")) == 0


def test_no_import_circle_spans_two_top_level_packages():
    graph = grimp.build_graph(*PACKAGES)
    circles = [
        sorted(component)
        for component in _strongly_connected(graph)
        if len({module.split(".")[0] for module in component}) > 1
    ]

    assert circles == []


def _strongly_connected(graph) -> list[set[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == module:
                        break
                components.append(component)
    return components
