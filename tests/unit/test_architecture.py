"""The house rules of the code base, checked on every run (docs/architecture.md).

- The UI writes only through ``kamdesk/ui/ops.py``: no other UI module opens a session or a
  connection, commits, builds SQL or imports the ORM models.
- ``domain`` imports neither Qt nor SQLAlchemy nor the other layers; ``store`` imports no Qt,
  ``kamdesk.io``, ``kamdesk.reports`` or ``kamdesk.ui``; ``io``/``reports`` no ``kamdesk.ui``.
- No module over 500 lines (migrations aside), no import cycles anywhere in ``kamdesk``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kamdesk

ROOT = Path(kamdesk.__file__).resolve().parent
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """kamdesk modules imported by ``name`` (at any level, including inside functions;
    imports only for the type checker, under ``if TYPE_CHECKING:``, do not count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rpartition(".")[0]
    typing_only = {id(sub) for node in ast.walk(tree)
                   if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                   for sub in ast.walk(node)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                out.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg_parts = package.split(".")
                pkg_parts = pkg_parts[: len(pkg_parts) - (node.level - 1)]
                base = ".".join(pkg_parts + ([base] if base else []))
            out.add(base)
            for alias in node.names:
                out.add(f"{base}.{alias.name}")
    return {m for m in out if m in MODULES and m != name}


#: what only ``kamdesk/ui/ops.py`` may do: hold a session or connection, commit, build SQL
UI_FORBIDDEN = {
    "imports SQLAlchemy": re.compile(r"^\s*(from|import) sqlalchemy", re.M),
    "imports the ORM models": re.compile(r"kamdesk\.store\.models"),
    "opens a session": re.compile(r"\.session\(\)|\bSession\("),
    "opens a connection": re.compile(r"\.connect\(\)|\.begin\(\)"),
    "commits": re.compile(r"\.commit\(\)"),
    "builds SQL": re.compile(r"(?<![\w.])(?<!def )(select|insert|update|delete|text)\(|exec_driver_sql"),
    "fetches ORM rows": re.compile(r"\bs\.get\(|session\.get\("),
}


def test_ui_never_touches_the_database_directly():
    offenders = []
    for name, path in MODULES.items():
        if not name.startswith("kamdesk.ui") or name == "kamdesk.ui.ops":
            continue
        source = path.read_text(encoding="utf-8")
        offenders += [f"{name} {what}" for what, rx in UI_FORBIDDEN.items() if rx.search(source)]
    assert offenders == []


def test_layers_point_one_way():
    rules = {
        "kamdesk.domain": ("kamdesk.store", "kamdesk.io", "kamdesk.reports", "kamdesk.ui",
                           "kamdesk.cli"),
        "kamdesk.store": ("kamdesk.io", "kamdesk.reports", "kamdesk.ui", "kamdesk.cli"),
        "kamdesk.io": ("kamdesk.ui", "kamdesk.reports", "kamdesk.cli"),
        "kamdesk.reports": ("kamdesk.ui", "kamdesk.cli"),
    }
    bad = []
    for name, path in MODULES.items():
        for layer, banned in rules.items():
            if name == layer or name.startswith(layer + "."):
                for dep in _imports(name, path):
                    if dep.startswith(banned):
                        bad.append(f"{name} -> {dep}")
        if name.startswith(("kamdesk.domain", "kamdesk.store")):
            source = path.read_text(encoding="utf-8")
            if "PySide6" in source:
                bad.append(f"{name} -> PySide6")
        if name.startswith("kamdesk.domain") and "sqlalchemy" in path.read_text(encoding="utf-8"):
            bad.append(f"{name} -> sqlalchemy")
    assert bad == []


def test_no_module_over_500_lines():
    long = {name: n for name, path in MODULES.items()
            if "migrations" not in name
            and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def _without_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    # "from kamdesk.store import ops" names the package; a package importing its own
    # submodules (and vice versa) is how Python packages work, not a cycle of concepts.
    return {m: {d for d in deps if not (m.startswith(d + ".") or d.startswith(m + "."))}
            for m, deps in graph.items()}


def test_no_import_cycles():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    assert _cycles(_without_packages(graph)) == []
