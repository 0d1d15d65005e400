"""Rooms that do not lean on each other: which app may import which, read from the source.

The kernel (``core``, ``accounts``) and commerce (``customers``, ``orders``, ``catalog``)
know no support app; the policies and the help center share the public site's shell
(``publicsite``) and do not know each other's modules; the shell knows only the kernel;
nothing depends on the demo. An app that needs to show something on another's page
contributes it through a registry (``core.sections``, ``publicsite.site``) or reacts to its
events instead.

Templates count too: extending, including or loading tags from another app's templates is
a dependency as much as an import is.
"""

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]  # src/storedesk
SUPPORT = frozenset(
    {"inbox", "livechat", "connectors", "helpcenter", "policies", "realtime", "publicsite"}
)
# App -> apps it must never import.
FORBIDDEN: dict[str, frozenset[str]] = {
    "core": SUPPORT,
    "accounts": SUPPORT,
    "customers": SUPPORT,
    "orders": SUPPORT,
    "catalog": SUPPORT,
    "policies": frozenset({"helpcenter"}),
}
# Apps that may import only these (besides themselves).
ONLY: dict[str, frozenset[str]] = {"publicsite": frozenset({"core"})}
# The demo may use every app, and no app uses it. (The settings and URLs in ``config``, which
# is no app, and the tests wire every room together.)
EXEMPT = frozenset({"demo"})
_TEMPLATE_REFERENCE = re.compile(r"""\{%\s*(?:extends|include)\s+["']([a-z_]+)/""")
_TEMPLATE_LOAD = re.compile(r"\{%\s*load\s+([^%]+?)\s*%\}")


def _apps() -> list[str]:
    return sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))


def _source_files(app: str) -> Iterator[Path]:
    for path in sorted((PACKAGE / app).rglob("*.py")):
        if "tests" not in path.relative_to(PACKAGE).parts:
            yield path


def _imported_apps(source: str, module: str) -> Iterator[tuple[str, int]]:
    """The storedesk apps the module ``module`` imports (anywhere in it), with the line."""
    for node in ast.walk(ast.parse(source, module)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.rsplit(".", node.level)[0]
                names = [f"{package}.{node.module}" if node.module else package]
            elif node.module:
                names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "storedesk" and len(parts) > 1:
                yield parts[1], node.lineno


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def _tag_libraries() -> dict[str, str]:
    """Template tag library name -> the app that defines it."""
    return {
        path.stem: path.parent.parent.name
        for path in PACKAGE.glob("*/templatetags/*.py")
        if path.stem != "__init__"
    }


def _template_references(app: str, libraries: dict[str, str]) -> Iterator[tuple[str, Path]]:
    for path in sorted((PACKAGE / app / "templates").rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for match in _TEMPLATE_REFERENCE.finditer(text):
            yield match.group(1), path
        for match in _TEMPLATE_LOAD.finditer(text):
            for name in match.group(1).split():
                if name in libraries:
                    yield libraries[name], path


def _dependencies(app: str) -> Iterator[tuple[str, str]]:
    """(app depended on, where) for every import and template reference of ``app``."""
    for path in _source_files(app):
        for target, line in _imported_apps(path.read_text(encoding="utf-8"), _module_name(path)):
            yield target, f"{path.relative_to(PACKAGE)}:{line}"
    for target, path in _template_references(app, _tag_libraries()):
        yield target, str(path.relative_to(PACKAGE))


def _violations(app: str) -> list[str]:
    found = []
    for target, where in _dependencies(app):
        if target == app:
            continue
        if target == "demo" and app not in EXEMPT:
            found.append(f"{where}: {app} depends on the demo")
        elif target in FORBIDDEN.get(app, frozenset()):
            found.append(f"{where}: {app} depends on {target}")
        elif app in ONLY and target not in ONLY[app]:
            found.append(f"{where}: {app} may depend only on {sorted(ONLY[app])}, not {target}")
    return found


def test_the_rules_name_real_apps() -> None:
    apps = set(_apps())
    named = set(FORBIDDEN) | set(ONLY) | SUPPORT | EXEMPT
    for targets in FORBIDDEN.values():
        named |= targets
    assert named <= apps, sorted(named - apps)


@pytest.mark.parametrize("app", _apps())
def test_no_app_leans_on_a_room_it_must_not_know(app: str) -> None:
    assert _violations(app) == []


def test_the_check_sees_imports_anywhere_and_relative_ones() -> None:
    source = (
        "from ..helpcenter import site\n"
        "def f():\n"
        "    from storedesk.inbox.selectors import x\n"
        "    import storedesk.demo.loader\n"
        "from . import models\n"
    )

    found = sorted(_imported_apps(source, "storedesk.policies.example"))

    assert found == [("demo", 4), ("helpcenter", 1), ("inbox", 3), ("policies", 5)]


def test_the_check_sees_template_references() -> None:
    text = (
        '{% extends "helpcenter/public/base.html" %}{% load i18n inbox_tags %}'
        '{% include "orders/_shipment.html" %}'
    )

    references = [match.group(1) for match in _TEMPLATE_REFERENCE.finditer(text)]
    loads = [match.group(1).split() for match in _TEMPLATE_LOAD.finditer(text)]

    assert references == ["helpcenter", "orders"]
    assert loads == [["i18n", "inbox_tags"]]
    assert _tag_libraries()["inbox_tags"] == "inbox"
