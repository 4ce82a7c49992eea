"""Edit history benchmark: what saving an edit costs now that its comparison is stored, and
what the history page costs to render.

Run on demand; it is never part of the test suite:

    .venv/bin/python bench/history_bench.py            # about a minute
    .venv/bin/python bench/history_bench.py --old      # also the former per-view word diff

It builds a throw-away SQLite database under a temporary directory and measures, through the
app's own code paths:
  * the comparison of one edit (ideas.history.changes_between) and the whole save
    (services.update_idea + commit, which also stores the revision and updates the search
    index), for 900-character and 20,000-character bodies in three shapes: prose with one
    sentence changed, prose rewritten throughout, and the worst case for a word differ (one
    word repeated, every other one changed);
  * GET /ideas/<id>/history (the first page of 10 revisions, and page 2) for an idea with 30
    edits of a 20,000-character body, as an anonymous visitor;
  * with --old, the former per-view diff (difflib.SequenceMatcher, autojunk=False, whitespace
    runs as tokens) of the 900-character cases, which the page used to run for every revision
    on every view. The 20,000-character cases are left out: they would run for hours.
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WORDS = (
    "kotihoito asiakas hoitaja etäkäynti videoyhteys kuntoutus palvelu hyvinvointialue "
    "ikäihminen omaishoitaja lääkehoito ajanvaraus digipalvelu sosiaalityö neuvola ja on "
    "että jotta myös kanssa tiimi kokeilu mittari tulos arki koti matka aika"
).split()


def prose(length: int, rng: random.Random) -> str:
    """Finnish-looking prose in paragraphs, exactly `length` characters long."""
    out, size = [], 0
    while size < length:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()
        sentence += "." + ("\n\n" if rng.random() < 0.2 else " ")
        out.append(sentence)
        size += len(sentence)
    return "".join(out)[:length]


def shapes(length: int, seed: int = 1) -> dict[str, tuple[str, str]]:
    """(before, after) bodies of one length in three shapes."""
    rng = random.Random(seed + length)
    before = prose(length, rng)
    middle = length // 2
    one_sentence = before[:middle] + "Tämä lause on uusi ja lisätty. " + before[middle:]
    rewritten = prose(length, random.Random(seed + length + 1))
    repeated = ("a " * (length // 2))[:length]
    alternating = ("a b " * (length // 4 + 1))[:length]
    return {
        "one sentence changed": (before, one_sentence[:length]),
        "rewritten throughout": (before, rewritten),
        "worst case (a a a → a b a b)": (repeated, alternating),
    }


def old_word_diff(before: str, after: str) -> None:
    """The history page's former diff, run on every view for every revision."""
    tokens = re.compile(r"\s+|[^\s]+")
    a, b = tokens.findall(before), tokens.findall(after)
    difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def best_of(n: int, run) -> float:
    times = []
    for _ in range(n):
        start = perf_counter()
        run()
        times.append(perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", action="store_true", help="also time the former per-view diff")
    parser.add_argument("--edits", type=int, default=30, help="revisions of the history page idea")
    parser.add_argument("--requests", type=int, default=20, help="history page views timed")
    args = parser.parse_args()

    from idealaari import create_app
    from idealaari.accounts.models import Role, User
    from idealaari.dbtypes import utcnow
    from idealaari.extensions import db
    from idealaari.ideas import history, services
    from idealaari.ideas.models import Idea
    from idealaari.organisations.models import Organisation, OrganisationKind
    from idealaari.search import get_index

    tmp = Path(tempfile.mkdtemp(prefix="idealaari-history-bench-"))
    app = create_app(
        {
            "ENVIRON": {
                "IDEALAARI_ENV": "development",
                "IDEALAARI_SECRET_KEY": "bench",
                "DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
                "IDEALAARI_SEARCH_INDEX": str(tmp / "index"),
            },
            "SERVER_NAME": "idealaari.bench",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        get_index(app).create_empty()
        org = Organisation(
            code="bench",
            name_fi="Penkkialueen hyvinvointialue",
            kind=OrganisationKind.WELLBEING_AREA,
        )
        author = User(
            email="penkki@example.fi", name="Penkki", title="", password_hash="!",
            role=Role.MEMBER, organisation=org, active=True, email_verified_at=utcnow(),
        )  # fmt: skip
        db.session.add_all([org, author])
        db.session.commit()

        def new_idea(body: str) -> Idea:
            values = services.IdeaFields(
                title="Kotihoidon etäkäynnit videoyhteydellä",
                summary="Kotihoidon asiakkaille tarjotaan etäkäyntejä videoyhteydellä.",
                body=body,
                organisation=org,
            )
            idea = services.create_idea(author=author, values=values, publish=True)
            db.session.commit()
            return idea

        def save(idea: Idea, body: str) -> None:
            values = services.IdeaFields(
                title=idea.title, summary=idea.summary, body=body, organisation=org
            )
            services.update_idea(idea=idea, editor=author, values=values)
            db.session.commit()

        print("## Saving an edit (best of 3)\n")
        print("| body | shape | comparison | whole save | stored as |")
        print("| --- | --- | ---: | ---: | --- |")
        for length in (900, 20_000):
            for shape, (before, after) in shapes(length).items():
                compare = best_of(
                    3, lambda b=before, a=after: history.changes_between({"body": b}, {"body": a})
                )
                saves = []
                for _ in range(3):
                    idea = new_idea(before)
                    start = perf_counter()
                    save(idea, after)
                    saves.append(perf_counter() - start)
                stored = history.changes_between({"body": before}, {"body": after})[0]
                kind = (
                    "too large to compare"
                    if stored.get("too_large")
                    else (f"{len(stored['segments'])} segments")
                )
                print(f"| {length:,} | {shape} | {ms(compare)} | {ms(min(saves))} | {kind} |")

        if args.old:
            print("\n## The former per-view diff, 900 characters (one run each)\n")
            print("| shape | word diff on every view, per revision |")
            print("| --- | ---: |")
            for shape, (before, after) in shapes(900).items():
                print(
                    f"| {shape} | {ms(best_of(1, lambda b=before, a=after: old_word_diff(b, a)))} |"
                )

        print(f"\n## The history page ({args.edits} edits of a 20,000-character body)\n")
        rng = random.Random(7)
        body = prose(20_000, rng)
        idea = new_idea(body)
        for n in range(args.edits):
            at = rng.randrange(len(body) - 100)
            body = (body[:at] + f"Muutos {n} tähän kohtaan. " + body[at:])[:20_000]
            save(idea, body)
        client = app.test_client()
        for label, url in (
            ("page 1", f"/ideas/{idea.id}/history"),
            ("page 2", f"/ideas/{idea.id}/history?page=2"),
        ):
            times = []
            for _ in range(args.requests):
                start = perf_counter()
                resp = client.get(url)
                times.append(perf_counter() - start)
                assert resp.status_code == 200, resp.status_code
            print(
                f"- GET {label}: median {ms(statistics.median(times))}, "
                f"max {ms(max(times))} ({args.requests} views, {len(resp.data):,} bytes)"
            )
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
