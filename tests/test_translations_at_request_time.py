"""No user-facing string is translated when a module is imported.

`gettext` at module level (a constant, a class attribute, a default argument) runs once, in
whatever language is active at import (English), and every reader gets that text: the events'
registration messages were English on every page until they became lazy. Module-level strings
use `gettext_lazy`; `gettext` belongs inside functions, which run per request.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cms", "community", "events", "site")
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def eager_names(tree):
    """Local names bound to Django's eager translation functions in this module."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in EAGER}
    return names


def import_time_translations(source):
    """Line numbers of eager translation calls that run when the module is imported."""
    tree = ast.parse(source)
    names = eager_names(tree)
    hits = []

    def visit(node, deferred):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            # Decorators and default values are evaluated at import; the body is not.
            for expression in [*getattr(node, "decorator_list", []), *node.args.defaults]:
                visit(expression, deferred)
            for expression in node.args.kw_defaults:
                if expression is not None:
                    visit(expression, deferred)
            for child in node.body if isinstance(node.body, list) else [node.body]:
                visit(child, True)
            return
        if not deferred and isinstance(node, ast.Call):
            function = node.func
            by_name = isinstance(function, ast.Name) and function.id in names
            by_module = (
                isinstance(function, ast.Attribute)
                and function.attr in EAGER
                and isinstance(function.value, ast.Name)
                and function.value.id == "translation"
            )
            if by_name or by_module:
                hits.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, deferred)

    visit(tree, False)
    return hits


def test_the_check_finds_constants_class_attributes_and_defaults_but_not_function_bodies():
    source = (
        "from django.utils import translation\n"
        "from django.utils.translation import gettext as _, gettext_lazy, ngettext\n"
        "A = _('constant')\n"  # 3
        "class Form:\n"
        "    label = ngettext('one', 'many', 2)\n"  # 5
        "def view(request, title=_('default')):\n"  # 6
        "    return _('per request')\n"
        "B = gettext_lazy('lazy')\n"
        "C = translation.gettext('attribute')\n"  # 9
        "D = lambda: _('deferred')\n"
    )
    assert import_time_translations(source) == [3, 5, 6, 9]


def test_no_module_of_the_project_translates_at_import_time():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for line in import_time_translations(path.read_text())
    ]
    assert found == []
