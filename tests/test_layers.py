"""The package structure holds: lower domains never import higher ones, no view imports another
domain's view, and the shared pieces (notifications, comments) import no domain that uses them.

Read from the source with `ast`, so the test sees every import, lazy ones inside functions too.
`if TYPE_CHECKING:` blocks are left out: they only name types for annotations.
"""

from __future__ import annotations

import ast
from pathlib import Path

import idealaari

PACKAGE = Path(idealaari.__file__).parent

# Lower first. A module of a domain may import domains on its own layer or below; only views
# compose pages from higher domains (a profile lists ideas and partnerships), and a view never
# imports another domain's view.
LAYERS = {
    "audit": 1,
    "site": 1,
    "accounts": 1,
    "organisations": 1,
    "notifications": 2,
    "comments": 3,
    "ideas": 4,
    "search": 5,
    "votes": 6,
    "partners": 6,
    "polls": 6,
    "challenges": 6,
    "lineage": 6,
    "showcase": 7,
    "moderation": 7,
    "admin": 8,
    "privacy": 8,
    "api": 8,
    "demo": 9,
}
# Modules at the top of the package: the shared kit imports only models of domains.
KIT = {
    "dbtypes",
    "extensions",
    "config",
    "feeds",
    "i18n",
    "markdown",
    "paging",
    "forms",
    "http",
    "charts",
    "links",
    "permissions",
    "targets",
    "textclean",
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "idealaari":
                found += [(node.lineno, f"idealaari.{a.name}") for a in node.names]
            elif node.module.startswith("idealaari."):
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("idealaari.")]
    return found


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield path, parts


def _violations() -> list[str]:
    problems = []
    for path, parts in _modules():
        where = f"{'/'.join(parts)}.py"
        own = parts[0] if len(parts) > 1 else None
        is_view = parts[-1] == "views"
        for line, name in _imports(path):
            target = name.split(".")
            domain = target[1]
            if domain == own or domain not in LAYERS:
                continue
            module = target[2] if len(target) > 2 else None
            if own is None:
                if parts[0] in KIT and module != "models":
                    problems.append(f"{where}:{line} (shared kit) imports {name}")
                continue
            if module == "views":
                problems.append(f"{where}:{line} imports another domain's view {name}")
            elif own in LAYERS and LAYERS[domain] > LAYERS[own] and not is_view:
                problems.append(f"{where}:{line} ({own}) imports the higher domain {name}")
    return problems


def test_lower_domains_never_import_higher_ones():
    assert _violations() == []


def test_notifications_import_no_models_beyond_accounts_ideas_and_organisations():
    allowed = {"accounts", "ideas", "organisations"}
    bad = [
        f"{'/'.join(parts)}.py:{line} imports {name}"
        for path, parts in _modules()
        if parts[0] == "notifications"
        for line, name in _imports(path)
        if name.split(".")[1] in LAYERS and name.split(".")[1] not in allowed | {"notifications"}
    ]
    assert bad == []


def test_the_layer_test_catches_a_lower_domain_importing_a_higher_one(tmp_path, monkeypatch):
    """The check itself fails on a violation (so an empty list above means something)."""
    fake = tmp_path / "idealaari"
    (fake / "notifications").mkdir(parents=True)
    (fake / "notifications" / "services.py").write_text(
        "from idealaari.comments.models import Comment\n"
    )
    (fake / "ideas").mkdir()
    (fake / "ideas" / "views.py").write_text("from idealaari.partners.views import offer\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert _violations() == [
        "ideas/views.py:1 imports another domain's view idealaari.partners.views.offer",
        "notifications/services.py:1 (notifications) imports the higher domain "
        "idealaari.comments.models.Comment",
    ]


def test_every_domain_is_registered_in_layer_order():
    from idealaari import DOMAINS

    assert set(DOMAINS) <= set(LAYERS)
    assert [LAYERS[d] for d in DOMAINS] == sorted(LAYERS[d] for d in DOMAINS)
