"""The house's import rules, read from the code itself (no Django needed).

- Between apps, imports point down only: community -> events -> cms.
- Inside community and events, each capability package may import the packages listed before it
  in its app's CAPABILITIES, never one after it; so no cycle between packages either.
- An app's root holds its wiring (apps, urls, wagtail_hooks, migrations, management): it may
  import every capability, and no capability imports it.

Imports inside functions count too: they are dependencies all the same.
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from community.apps import CAPABILITIES as COMMUNITY_CAPABILITIES
from events.apps import CAPABILITIES as EVENTS_CAPABILITIES

ROOT = Path(__file__).resolve().parent.parent
APP_ORDER = ("cms", "events", "community")  # lowest first
CAPABILITIES = {"community": COMMUNITY_CAPABILITIES, "events": EVENTS_CAPABILITIES}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path):
    """(line, module) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            yield node.lineno, target
            for alias in node.names:  # `from community import ideas` imports a package
                yield node.lineno, f"{target}.{alias.name}"


def source_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def edges(app):
    """(from file, line, to module) for every import of a project app from `app`'s code."""
    for path in source_files(app):
        for line, target in imported_modules(path):
            if target.split(".")[0] in APP_ORDER:
                yield path, line, target


def capability_of(app, module):
    """The capability package a module of `app` belongs to; None for the app's wiring."""
    parts = module.split(".")
    if parts[0] != app or len(parts) < 2:
        return None
    return parts[1] if parts[1] in CAPABILITIES[app] else None


def capability_graph(app):
    graph = defaultdict(set)
    where = {}
    for path, line, target in edges(app):
        source = capability_of(app, module_name(path))
        dest = capability_of(app, target)
        if source and dest and source != dest:
            graph[source].add(dest)
            where.setdefault((source, dest), f"{path.relative_to(ROOT)}:{line}")
    return graph, where


def find_cycle(graph):
    """One cycle as a list of nodes, or None (depth-first search)."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
            if nxt not in state:
                found = visit(nxt, [*trail, nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [node])
            if found:
                return found
    return None


def test_find_cycle_reports_a_cycle_and_accepts_a_chain():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


@pytest.mark.parametrize("app", APP_ORDER)
def test_no_app_imports_an_app_above_it(app):
    above = APP_ORDER[APP_ORDER.index(app) + 1 :]
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path, line, target in edges(app)
        if target.split(".")[0] in above
    ]
    assert upward == []


@pytest.mark.parametrize("app", sorted(CAPABILITIES))
def test_no_cycle_between_capability_packages(app):
    graph, where = capability_graph(app)
    cycle = find_cycle(graph)
    assert cycle is None, (
        " -> ".join(cycle)
        + ": "
        + ", ".join(where[(a, b)] for a, b in zip(cycle, cycle[1:], strict=False))
    )


@pytest.mark.parametrize("app", sorted(CAPABILITIES))
def test_capability_packages_import_only_those_listed_before_them(app):
    order = CAPABILITIES[app]
    graph, where = capability_graph(app)
    upward = [
        f"{source} -> {dest} ({where[(source, dest)]})"
        for source, targets in sorted(graph.items())
        for dest in sorted(targets)
        if order.index(dest) > order.index(source)
    ]
    assert upward == []


@pytest.mark.parametrize("app", sorted(CAPABILITIES))
def test_app_root_holds_only_wiring_and_capabilities_do_not_import_it(app):
    wiring = {"__init__", "apps", "urls", "wagtail_hooks", "migrations", "management", "tests"}
    root = ROOT / app
    loose = sorted(
        child.name
        for child in root.iterdir()
        if child.name != "__pycache__"
        and child.stem not in wiring
        and not (child.is_dir() and child.name in CAPABILITIES[app])
    )
    assert loose == []
    into_root = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path, line, target in edges(app)
        if capability_of(app, module_name(path))
        and target.split(".")[0] == app
        and len(target.split(".")) > 1
        and target.split(".")[1] in {"urls", "wagtail_hooks"}
    ]
    assert into_root == []
