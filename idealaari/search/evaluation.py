"""Relevance evaluation: load a set of ideas into a throw-away database and index, run queries
through the search page's own code path, and score success@10 and R-precision."""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

TOP = 10


@dataclass
class QueryOutcome:
    q: str
    relevant: list
    got: list
    success: bool
    r_precision: float


def read_jsonl(path: str | Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{number}: not JSON: {e.msg}") from None
    return rows


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return (match.group(1) if match else text.strip())[:600]


def score(outcomes: list[QueryOutcome]) -> dict:
    n = len(outcomes) or 1
    return {
        "success_at_10": round(sum(o.success for o in outcomes) / n, 4),
        "mean_r_precision": round(sum(o.r_precision for o in outcomes) / n, 4),
        "queries": len(outcomes),
        "failures": [
            {
                "q": o.q,
                "relevant": o.relevant,
                "top10": o.got,
                "r_precision": round(o.r_precision, 4),
            }
            for o in outcomes
            if not o.success or o.r_precision < 1
        ],
    }


def evaluate(ideas_file: str | Path, queries_file: str | Path) -> dict:
    """Run the evaluation in a fresh temporary database and index; never the user's own."""
    from idealaari import create_app
    from idealaari.accounts.models import User
    from idealaari.dbtypes import utcnow
    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.organisations.models import Organisation, OrganisationKind
    from idealaari.organisations.services import sync_reference_areas
    from idealaari.search import service as search_service
    from idealaari.search.types import SearchParams

    ideas = read_jsonl(ideas_file)
    queries = read_jsonl(queries_file)
    with tempfile.TemporaryDirectory(prefix="idealaari-eval-") as tmp:
        app = create_app(
            {
                "ENVIRON": {
                    "IDEALAARI_ENV": "development",
                    "IDEALAARI_SECRET_KEY": "evaluation",
                    "DATABASE_URL": f"sqlite:///{Path(tmp) / 'eval.db'}",
                    "IDEALAARI_SEARCH_INDEX": str(Path(tmp) / "index"),
                }
            }
        )
        with app.app_context():
            db.create_all()
            search_service.create_empty()
            sync_reference_areas()
            authors: dict[str, User] = {}
            file_id_of: dict[int, object] = {}
            for row in ideas:
                code = str(row.get("area") or "eval")
                org = db.session.scalar(select(Organisation).where(Organisation.code == code))
                if org is None:
                    org = Organisation(code=code, name_fi=code, kind=OrganisationKind.OTHER)
                    db.session.add(org)
                if code not in authors:
                    # An author per organisation; it never logs in, so no password is set.
                    authors[code] = User(
                        email=f"eval-{code}@idealaari.invalid",
                        name=f"Eval {code}",
                        password_hash="!",
                        organisation=org,
                        email_verified_at=utcnow(),
                    )
                    db.session.add(authors[code])
                    db.session.flush()
                body = str(row.get("body") or "")
                idea = services.create_idea(
                    author=authors[code],
                    values=services.IdeaFields(
                        title=str(row["title"])[:160],
                        summary=str(row.get("summary") or _first_sentence(body) or row["title"]),
                        body=body,
                        tags=services.normalise_tags(row.get("tags") or [])[: services.MAX_TAGS],
                        organisation=org,
                    ),
                    publish=True,
                )
                file_id_of[idea.id] = row.get("id", idea.id)
            db.session.commit()  # the commit indexes, as in the app
            outcomes = []
            for query in queries:
                results = search_service.search(SearchParams(q=str(query["q"])), None, facets=False)
                got = [file_id_of.get(hit.idea_id, hit.idea_id) for hit in results.hits[:TOP]]
                relevant = list(query.get("relevant") or [])
                r = len(relevant)
                r_precision = (len(set(got[:r]) & set(relevant)) / r) if r else 1.0
                outcomes.append(
                    QueryOutcome(query["q"], relevant, got, set(relevant) <= set(got), r_precision)
                )
            db.session.remove()
            db.engine.dispose()
    return score(outcomes)
