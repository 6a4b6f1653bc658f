"""Import contracts over the package's import graph (every ``import`` statement, also those
inside functions), so the layers cannot grow back into each other (docs/architecture.md):

1. the interfaces (api, web, brief, cli) read through :mod:`materiel.queries` and write
   through :mod:`materiel.services`: they import neither the records nor SQLAlchemy's
   ``select``;
2. the API and the pages do not import each other (nor the composition module);
3. the engines' cores (plan, forecast) import no database code: no SQLAlchemy, records,
   services or db, not even through another module.

Today's exceptions are listed by module with their reason; an exception that no longer
breaks its rule fails the test too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "materiel"

INTERFACES = ("materiel.api", "materiel.web", "materiel.brief", "materiel.cli")
CORES = ("materiel.plan", "materiel.forecast")
DATABASE = ("sqlalchemy", "materiel.records", "materiel.services", "materiel.db")

# rule 1: modules of other owners, to be moved onto queries/services by them
INTERFACE_EXCEPTIONS: dict[str, str] = {
    "materiel.api.routers.auth": "security: login, sessions and tokens",
    "materiel.api.routers.users": "security: user administration",
}
# rule 3: the planner's and forecaster's persistence and orchestration, to be moved out of
# the cores into a runs/services module by the plan agent
CORE_EXCEPTIONS: dict[str, str] = {
    "materiel.forecast": "re-exports the services and scenario records",
    "materiel.forecast.flows": "through forecast.scenarios (records)",
    "materiel.forecast.projection": "through forecast.scenarios (records)",
    "materiel.forecast.synthetic": "through materiel.snapshot, whose builder reads records",
    "materiel.plan.service": "run_and_store: snapshot → solve → store",
    "materiel.plan.store": "stores and loads plan runs",
    "materiel.forecast.montecarlo": "imports the ORM at import time",
    "materiel.forecast.scenarios": "scenario specs read from records",
    "materiel.forecast.service": "run_and_store: snapshot → forecast → store",
    "materiel.forecast.sweep": "sweeps read scenarios and snapshots from a database",
}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        rel = path.relative_to(SRC).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (absolute; ``from a import b`` gives a and a.b), and
    ``sqlalchemy.select`` when it imports that function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - (node.level - 1)]
                base = ".".join([*parent, *([base] if base else [])])
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return out


GRAPH = {name: imports(name, path) for name, path in modules()}


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _violations(sources: tuple[str, ...], forbidden: tuple[str, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, deps in GRAPH.items():
        if _under(name, sources):
            bad = {d for d in deps if _under(d, forbidden)}
            if bad:
                out[name] = bad
    return out


def test_the_graph_is_read() -> None:
    assert len(GRAPH) > 100
    assert "materiel.queries" in GRAPH["materiel.api.routers.figures"]
    assert "materiel.records" in GRAPH["materiel.queries.stocks"]


def test_interfaces_read_and_write_through_queries_and_services() -> None:
    found = _violations(INTERFACES, ("materiel.records", "sqlalchemy.select"))
    unexpected = {m: sorted(d) for m, d in found.items() if m not in INTERFACE_EXCEPTIONS}
    assert not unexpected, f"interfaces importing records or select: {unexpected}"
    stale = sorted(set(INTERFACE_EXCEPTIONS) - set(found))
    assert not stale, f"exceptions that no longer break the rule (remove them): {stale}"


@pytest.mark.parametrize(
    ("a", "b"), [("materiel.api", "materiel.web"), ("materiel.web", "materiel.api")]
)
def test_api_and_pages_do_not_import_each_other(a: str, b: str) -> None:
    found = _violations((a,), (b, "materiel.app"))
    assert not found, f"{a} imports {b}: {found}"


def test_the_composition_module_alone_knows_both() -> None:
    deps = GRAPH["materiel.app"]
    assert any(_under(d, ("materiel.api",)) for d in deps)
    assert any(_under(d, ("materiel.web",)) for d in deps)


def _reaches(name: str, forbidden: tuple[str, ...], seen: set[str] | None = None) -> set[str]:
    """The forbidden modules ``name`` imports, directly or through other materiel modules."""
    seen = set() if seen is None else seen
    out: set[str] = set()
    for dep in GRAPH.get(name, set()):
        if _under(dep, forbidden):
            out.add(dep)
        elif dep in GRAPH and dep not in seen:
            seen.add(dep)
            out |= _reaches(dep, forbidden, seen)
    return out


def test_engine_cores_import_no_database_code() -> None:
    """Also indirectly: a core importing a module that imports the ORM imports the ORM."""
    found = {
        name: bad for name in GRAPH if _under(name, CORES) and (bad := _reaches(name, DATABASE))
    }
    unexpected = sorted(m for m in found if m not in CORE_EXCEPTIONS)
    assert not unexpected, f"plan/forecast cores importing database code: {unexpected}"
    stale = sorted(set(CORE_EXCEPTIONS) - set(found))
    assert not stale, f"exceptions that no longer break the rule (remove them): {stale}"
