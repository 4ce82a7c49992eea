"""Search benchmark: Idealaari's Whoosh search against PostgreSQL full-text search.

Run on demand (`make bench`, or `.venv/bin/python bench/search_bench.py --ideas 5000`); it is
never part of the test suite. See bench/README.md. Everything it writes goes to bench/data/
(git-ignored) and to a PostgreSQL database of its own (default `idealaari_bench`).

What it measures, through the app's own code paths:
  * index build: search.service.rebuild() on a fresh SQLite database of N ideas;
  * service.search() latency for one-word, two-word and phrase queries with an area filter,
    with and without facets; service.similar(); update_idea() + commit (which drains the
    search outbox into the index); searcher open time;
  * the same corpus in PostgreSQL (`finnish` configuration, generated tsvector, GIN);
  * cProfile of the build and of a one-word query with filter, facets and highlights.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import sys
from collections.abc import Callable
from datetime import datetime
from importlib import metadata
from pathlib import Path
from time import perf_counter, process_time

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402  (bench/corpus.py, next to this file)

T0 = perf_counter()
LOAD_SAMPLES: list[tuple[float, float]] = []  # (seconds since start, 1-minute load average)


def log(msg: str) -> None:
    """Progress on stderr, with the machine's load: other work on it skews the timings."""
    now, load = perf_counter() - T0, os.getloadavg()[0]
    LOAD_SAMPLES.append((round(now, 1), round(load, 2)))
    print(f"[{now:7.1f}s load {load:4.2f}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- statistics


def pct(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of values, in the values' own unit."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * len(s) + 0.5) - 1))]


def summary_ms(seconds: list[float], cpu: list[float] | None = None) -> dict:
    """Wall-clock percentiles, and this process's CPU time: on a busy machine the CPU time is
    what the code costs, the wall time what a user would have waited."""
    ms = [s * 1000 for s in seconds]
    out = {
        "n": len(ms),
        "p50_ms": round(pct(ms, 0.50), 2),
        "p95_ms": round(pct(ms, 0.95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
        "max_ms": round(max(ms), 2),
    }
    if cpu:
        cms = [c * 1000 for c in cpu]
        out.update(cpu_p50_ms=round(pct(cms, 0.50), 2), cpu_p95_ms=round(pct(cms, 0.95), 2))
    return out


def timed_runs(items, run: Callable, budget: float, label: str) -> tuple[list, list, list]:
    """Run `run(item)` for each item: (wall times, results, CPU times of this process).
    Stops early when the time budget is spent."""
    times, outs, cpus = [], [], []
    start = perf_counter()
    for i, item in enumerate(items):
        t, c = perf_counter(), process_time()
        outs.append(run(item))
        times.append(perf_counter() - t)
        cpus.append(process_time() - c)
        if perf_counter() - start > budget:
            log(f"  {label}: time budget of {budget:.0f}s spent after {i + 1} runs")
            break
    return times, outs, cpus


# --------------------------------------------------------------------------- the app


def make_app(db_path: Path, index_dir: Path):
    from idealaari import create_app

    return create_app(
        {
            "ENVIRON": {
                "IDEALAARI_ENV": "development",
                "IDEALAARI_SECRET_KEY": "bench",
                "DATABASE_URL": f"sqlite:///{db_path}",
                "IDEALAARI_SEARCH_INDEX": str(index_dir),
            }
        }
    )


def load_sqlite(ideas: list[dict]) -> dict:
    """Bulk-load the corpus into the app's tables (Core inserts, one transaction)."""
    from slugify import slugify
    from sqlalchemy import select

    from idealaari.accounts.models import Role, User
    from idealaari.comments.models import Discussion
    from idealaari.demo import content as demo
    from idealaari.extensions import db
    from idealaari.ideas.models import (
        Idea,
        IdeaPartnerRole,
        IdeaStatus,
        IdeaTargetGroup,
        PartnerRole,
        Phase,
        Tag,
        TargetGroup,
        Theme,
        idea_tags,
        idea_themes,
    )
    from idealaari.ideas.services import make_slug
    from idealaari.organisations.models import Organisation, OrganisationKind
    from idealaari.organisations.services import sync_reference_areas
    from idealaari.targets import TargetKind

    db.drop_all()
    db.create_all()
    sync_reference_areas()
    db.session.commit()
    conn = db.session.connection()
    created = corpus.END.replace(year=corpus.END.year - 4)
    conn.execute(
        Organisation.__table__.insert(),
        [
            dict(
                code=code,
                name_fi=fi,
                name_sv=sv or None,
                name_en=en or None,
                kind=OrganisationKind(kind),
                created_at=created,
            )
            for code, fi, sv, en, kind in corpus.other_organisations()
        ],
    )
    orgs = dict(conn.execute(select(Organisation.code, Organisation.id)).all())
    conn.execute(
        Theme.__table__.insert(),
        [
            dict(
                slug=slugify(fi, max_length=80, word_boundary=True),
                name_fi=fi,
                name_sv=sv,
                name_en=en,
                active=True,
            )
            for _, fi, sv, en in demo.THEMES
        ],
    )
    slug_by_key = {k: slugify(fi, max_length=80, word_boundary=True) for k, fi, _, _ in demo.THEMES}
    theme_ids = dict(conn.execute(select(Theme.slug, Theme.id)).all())
    theme_id = {k: theme_ids[s] for k, s in slug_by_key.items()}
    # A few authors: two members in every organisation.
    users = []
    for code in sorted(orgs):
        for n in (1, 2):
            users.append(
                dict(
                    email=f"kehittaja{n}@{code}.example.fi",
                    name=f"Kehittäjä {n} ({code})",
                    title="Kehittämisasiantuntija",
                    password_hash="!",
                    role=Role.MEMBER,
                    organisation_id=orgs[code],
                    active=True,
                    created_at=created,
                )
            )
    conn.execute(User.__table__.insert(), users)
    user_ids: dict[int, list[int]] = {}
    for uid, org_id in conn.execute(select(User.id, User.organisation_id)).all():
        user_ids.setdefault(org_id, []).append(uid)
    tag_names = sorted({t for idea in ideas for t in idea["tags"]})
    conn.execute(Tag.__table__.insert(), [{"name": t} for t in tag_names])
    tag_ids = dict(conn.execute(select(Tag.name, Tag.id)).all())

    rng = random.Random(len(ideas))
    chunk = 5000
    for start in range(0, len(ideas), chunk):
        rows, themes, tags, groups, roles = [], [], [], [], []
        for idea in ideas[start : start + chunk]:
            when = datetime.fromisoformat(idea["created"])
            status = IdeaStatus(idea["status"])
            org_id = orgs[idea["organisation"]]
            rows.append(
                dict(
                    id=idea["id"],
                    title=idea["title"],
                    slug=make_slug(idea["title"]),
                    summary=idea["summary"],
                    body=idea["body"],
                    need=idea["need"],
                    organisation_id=org_id,
                    author_id=rng.choice(user_ids[org_id]),
                    phase=Phase(idea["phase"]),
                    seeks_partners=idea["seeks_partners"],
                    status=status,
                    created_at=when,
                    updated_at=when,
                    published_at=None if status == IdeaStatus.DRAFT else when,
                    discussion_id=idea["id"],  # one discussion per idea, with the same id
                )
            )
            themes += [{"idea_id": idea["id"], "theme_id": theme_id[k]} for k in idea["themes"]]
            tags += [{"idea_id": idea["id"], "tag_id": tag_ids[t]} for t in idea["tags"]]
            groups += [{"idea_id": idea["id"], "group": TargetGroup(g)} for g in idea["groups"]]
            roles += [
                {"idea_id": idea["id"], "role": PartnerRole(r)} for r in idea["partner_roles"]
            ]
        conn.execute(
            Discussion.__table__.insert(),
            [
                {"id": row["id"], "owner_kind": TargetKind.IDEA, "owner_id": row["id"]}
                for row in rows
            ],
        )
        conn.execute(Idea.__table__.insert(), rows)
        conn.execute(idea_themes.insert(), themes)
        conn.execute(idea_tags.insert(), tags)
        conn.execute(IdeaTargetGroup.__table__.insert(), groups)
        if roles:
            conn.execute(IdeaPartnerRole.__table__.insert(), roles)
    db.session.commit()
    return {"organisations": len(orgs), "users": len(users), "tags": len(tag_names)}


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# --------------------------------------------------------------------------- query sets

ONE_WORD = (
    "kotihoito kuntoutus mielenterveys digipalvelu ikäihminen sairaanhoitaja perhe päivystys "
    "lääkehoito omaishoitaja nuori lapsiperhe etäpalvelu tekoäly ennaltaehkäisy työhyvinvointi "
    "kirjaaminen neuvola palveluohjaus yhteiskehittäminen asiakas vertaistuki muistisairaus "
    "kotisairaala sosiaalityö järjestö tulkkaus ravitsemus liikunta opiskelija ajanvaraus "
    "etäkuntoutus kotikuntoutus mielenterveyspalvelu päihdetyö lastensuojelu työkyky osallisuus "
    "saavutettavuus vammaispalvelu"
).split()
_PHRASE_FIRST = {"nimisana", "laatusana", "nimisana_laatusana"}


def query_sets(ideas: list[dict], n: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """(query, area code) lists: one word, two words (base forms) and quoted phrases."""
    rng = random.Random(seed)
    voc = corpus.harvest_cached()
    areas = list(corpus.AREA_WEIGHTS)
    weights = list(corpus.AREA_WEIGHTS.values())

    def area() -> str:
        return rng.choices(areas, weights)[0]

    one = [(rng.choice(ONE_WORD), area()) for _ in range(n)]
    two = []
    topics = [t for t in voc.topics if len(t.nouns) >= 2]
    while len(two) < n:
        a, b = rng.sample(rng.choice(topics).nouns, 2)
        two.append((f"{a} {b}", area()))
    # Phrases as they occur in real ideas: an adjective or a (genitive) noun and the noun
    # after it, quoted, filtered to the area of an idea that has it ("kotihoidon asiakkaat").
    phrase = []
    published = [i for i in ideas if i["status"] == "published" and i["organisation"] in areas]
    while len(phrase) < n:
        idea = rng.choice(published)
        words = re.findall(r"\w+|[^\w\s]", idea["body"])
        for _ in range(30):
            k = rng.randrange(len(words) - 1)
            w1, w2 = words[k], words[k + 1]
            if not (w1.isalpha() and w2.isalpha() and len(w1) >= 4 and len(w2) >= 4):
                continue
            a1, a2 = corpus.analyse(w1.lower()), corpus.analyse(w2.lower())
            if a1 and a2 and a1[1] in _PHRASE_FIRST and a2[1] == "nimisana":
                phrase.append((f'"{w1.lower()} {w2.lower()}"', idea["organisation"]))
                break
    return {"one_word": one, "two_words": two, "phrase": phrase}


# --------------------------------------------------------------------------- Whoosh


def bench_whoosh(app, ideas, qsets, args, results) -> None:

    from idealaari.search import analysis, get_index, service
    from idealaari.search.models import SearchOutbox
    from idealaari.search.types import SearchParams
    from idealaari.search.whoosh_backend import WhooshBackend

    index = get_index(app)
    out = results["whoosh"] = {}
    if args.reuse:
        out["build"] = {"reused": str(args.reuse)}
        log(f"reusing the database and index of {args.reuse} (no load, no build)")
    else:
        build_whoosh(index, ideas, out)

    # ---- searcher open
    opens = []
    for _ in range(5):
        fresh = WhooshBackend(index.path)
        t = perf_counter()
        s = fresh.searcher()
        opens.append(perf_counter() - t)
        s.close()
    out["searcher_open"] = summary_ms(opens)
    out["searcher_open"]["first_ms"] = round(opens[0] * 1000, 1)

    # ---- warm-up (not counted): Voikko, the searcher, each kind of query
    analysis.warm_up()
    index.searcher()
    for kind in qsets.values():
        for q, area in kind[:5]:
            service.search(SearchParams(q=q, organisation=area), None)

    # ---- queries
    out["queries"] = {}
    for kind, items in qsets.items():
        out["queries"][kind] = {}
        for facets in (True, False):

            def run(item, facets=facets):
                q, area = item
                r = service.search(SearchParams(q=q, organisation=area), None, facets=facets)
                return r.total

            label = f"{kind} facets={facets}"
            log(f"  whoosh {label}: {len(items)} queries")
            times, totals, cpus = timed_runs(items, run, args.budget, label)
            stats = summary_ms(times, cpus)
            stats["mean_hits"] = round(statistics.fmean(totals), 1)
            stats["zero_hit_share"] = round(sum(1 for x in totals if x == 0) / len(totals), 3)
            out["queries"][kind]["facets" if facets else "no_facets"] = stats
            log(f"    {stats}")

    # ---- similar ideas
    from idealaari.search.documents import plain_text

    rng = random.Random(args.seed + 1)
    sample = rng.sample([i for i in ideas if i["status"] == "published"], args.similar)
    texts = [
        (i["id"], "\n".join([i["title"], i["summary"], i["need"], plain_text(i["body"])]))
        for i in sample
    ]
    for idea_id, text in texts[:5]:
        service.similar(text, exclude_id=idea_id)
    log(f"  whoosh service.similar: {len(texts)} ideas")
    times, found, cpus = timed_runs(
        texts,
        lambda it: len(service.similar(it[1], exclude_id=it[0], limit=5)),
        args.budget,
        "similar",
    )
    out["similar"] = summary_ms(times, cpus)
    out["similar"]["mean_results"] = round(statistics.fmean(found), 2)
    log(f"    {out['similar']}")

    # ---- profile of a one-word query with filter + facets + highlights
    if not args.no_profile:
        prof = cProfile.Profile()
        items = qsets["one_word"][: args.profile_queries]
        prof.enable()
        for q, area in items:
            service.search(SearchParams(q=q, organisation=area), None)
        prof.disable()
        results["profiles"]["one_word_query"] = profile_report(
            prof,
            f"{len(items)} one-word queries, area filter + facets + highlights",
            BENCH / "data" / "profile-query.txt",
        )

    # ---- single-idea updates: update_idea + commit (the commit drains the outbox)
    update_bench(app, index, args, out, service.search, SearchParams, SearchOutbox)


def build_whoosh(index, ideas: list[dict], out: dict) -> None:
    """Load the corpus into SQLite and time search.service.rebuild over it."""
    from sqlalchemy import func, select

    from idealaari.extensions import db
    from idealaari.ideas.models import Idea, IdeaStatus
    from idealaari.search import analysis, service

    log(f"loading {len(ideas)} ideas into SQLite")
    t = perf_counter()
    loaded = load_sqlite(ideas)
    db.session.close()
    out["sqlite_load_s"] = round(perf_counter() - t, 2)
    out["sqlite_rows"] = loaded
    log(f"  loaded in {out['sqlite_load_s']}s")

    # ---- build (a fresh process would start with empty Voikko caches: so does this one)
    analysis.index_forms.cache_clear()
    analysis.query_forms.cache_clear()
    analysis.warm_up()  # the dictionary load is not part of the build rate
    analysis.index_forms.cache_clear()
    indexed = db.session.scalar(
        select(func.count())
        .select_from(Idea)
        .where(Idea.status.in_([IdeaStatus.PUBLISHED, IdeaStatus.DRAFT]))
    )
    db.session.close()  # on SQLite every transaction outside a request takes the write lock
    step = max(1, indexed // 10)
    done = [0]
    marks: dict[str, float] = {}

    def progress(k: int) -> None:
        done[0] += k
        if done[0] == 1:
            marks["first_document"] = perf_counter()  # the ORM has read every idea by now
        if done[0] == indexed:
            marks["last_document"] = perf_counter()  # the rest is writer.commit() and the swap
        if done[0] % step == 0:
            log(f"  indexed {done[0]}/{indexed} ({done[0] / (perf_counter() - t):.0f}/s)")

    log(f"building the Whoosh index of {indexed} ideas (service.rebuild)")
    t, c = perf_counter(), process_time()
    count = service.rebuild(progress=progress)
    end = perf_counter()
    build_s, build_cpu = end - t, process_time() - c
    cache = analysis.index_forms.cache_info()
    phases = {}
    if "first_document" in marks and "last_document" in marks:
        phases = {
            "read_ideas_s": round(marks["first_document"] - t, 1),
            "add_documents_s": round(marks["last_document"] - marks["first_document"], 1),
            "commit_and_swap_s": round(end - marks["last_document"], 1),
        }
    out["build"] = {
        "ideas_indexed": count,
        "seconds": round(build_s, 1),
        "ideas_per_s": round(count / build_s, 1),
        "cpu_seconds": round(build_cpu, 1),
        "ideas_per_cpu_s": round(count / build_cpu, 1),
        "target_ideas_per_s": 1000,
        "index_mb": round(dir_size(index.path) / 2**20, 1),
        "segments": len(index.searcher().reader().leaf_readers()),
        "distinct_words_analysed": cache.misses,
        "word_cache_hits": cache.hits,
        **phases,
    }
    log(f"  built: {out['build']}")


def update_bench(app, index, args, out, search, SearchParams, SearchOutbox) -> None:
    from sqlalchemy import func, select

    from idealaari.accounts.models import User
    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.ideas.models import Idea, IdeaStatus
    from idealaari.search import outbox

    drains: list[float] = []
    original = outbox.drain_outbox

    def timed_drain(session, backend, batch=500):  # the after-commit drain, to split the cost
        t = perf_counter()
        try:
            return original(session, backend, batch)
        finally:
            drains.append(perf_counter() - t)

    outbox.drain_outbox = timed_drain
    rng = random.Random(args.seed + 2)
    ids = db.session.scalars(
        select(Idea.id).where(Idea.status == IdeaStatus.PUBLISHED).order_by(Idea.id)
    ).all()
    db.session.commit()
    chosen = rng.sample(ids, args.updates + 3)
    times, after, cpus = [], [], []
    log(f"  whoosh updates: {args.updates} x update_idea + commit")
    last = None
    for k, idea_id in enumerate(chosen):
        idea = db.session.get(Idea, idea_id)
        author = db.session.get(User, idea.author_id)
        values = services.IdeaFields(
            title=f"{idea.title} (päivitys {k})"[:160],
            summary=idea.summary,
            body=idea.body,
            need=idea.need,
            organisation=idea.organisation,
            phase=idea.phase,
            themes=list(idea.themes),
            target_groups=idea.target_groups,
            tags=[t.name for t in idea.tags],
            seeks_partners=idea.seeks_partners,
            partner_roles=idea.partner_roles,
        )
        drains_before = len(drains)
        t, c = perf_counter(), process_time()
        services.update_idea(idea=idea, editor=author, values=values)
        db.session.commit()
        elapsed, elapsed_cpu = perf_counter() - t, process_time() - c
        if len(drains) == drains_before:
            raise RuntimeError("the commit did not drain the search outbox")
        last = (idea_id, values.title)
        # The next search reopens the searcher on the new index generation.
        t = perf_counter()
        search(SearchParams(q=rng.choice(ONE_WORD), organisation="pir"), None)
        query_after = perf_counter() - t
        db.session.expire_all()
        if k >= 3:  # the first few warm the ORM and the writer path up
            times.append(elapsed)
            cpus.append(elapsed_cpu)
            after.append(query_after)
    outbox.drain_outbox = original
    pending = db.session.scalar(select(func.count()).select_from(SearchOutbox))
    stored = index.searcher().document(id=str(last[0]))
    if pending or stored is None or stored["title"] != last[1]:
        raise RuntimeError(f"update not in the index: outbox={pending}, stored={stored}")
    out["update"] = summary_ms(times, cpus)
    out["update_drain_part"] = summary_ms(drains[3:])
    out["query_after_update"] = summary_ms(after)
    out["segments_after_updates"] = len(index.searcher().reader().leaf_readers())
    log(f"    update {out['update']}, drain part {out['update_drain_part']}")


def profile_report(prof: cProfile.Profile, what: str, path: Path) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    tops = {}
    text = []
    for order in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.strip_dirs().sort_stats(order).print_stats(40)
        text.append(f"### {what}, sorted by {order}\n{buf.getvalue()}")
        rows = []
        st = pstats.Stats(prof)
        entries = sorted(
            st.stats.items(),
            key=lambda kv: kv[1][3] if order == "cumulative" else kv[1][2],
            reverse=True,
        )
        for (file, line, fn), (_cc, nc, tt, ct, _callers) in entries:
            name = f"{_short(file)}:{line}({fn})"
            if order == "cumulative" and fn.startswith("<") and file == "~":
                continue  # built-in wrappers such as <method 'enable'> say nothing
            rows.append(
                {
                    "function": name,
                    "calls": nc,
                    "tottime_s": round(tt, 3),
                    "cumtime_s": round(ct, 3),
                }
            )
            if len(rows) == 10:
                break
        tops[order] = rows
    path.write_text("\n\n".join(text))
    total = pstats.Stats(prof).total_tt
    return {"what": what, "total_s": round(total, 2), "top": tops, "file": str(path)}


def _short(file: str) -> str:
    for marker in ("site-packages/", "/idealaari/", "/bench/"):
        if marker in file:
            return (
                file.split(marker, 1)[1]
                if marker == "site-packages/"
                else (marker.strip("/") + "/" + file.split(marker, 1)[1])
            )
    return os.path.basename(file)


def profile_build(ideas: list[dict], args, results) -> None:
    """cProfile of search.service.rebuild over the first ideas, on a database of their own."""
    from idealaari.extensions import db
    from idealaari.search import analysis, service

    subset = ideas[: args.profile_ideas]
    work = BENCH / "data" / "profile"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    app = make_app(work / "bench.db", work / "index")
    with app.app_context():
        load_sqlite(subset)
        db.session.close()
        analysis.warm_up()
        for cached in (analysis.index_forms, analysis.query_forms):
            cached.cache_clear()  # as a fresh `flask search rebuild` process
        prof = cProfile.Profile()
        log(f"profiling service.rebuild over {len(subset)} ideas (cold word cache)")
        prof.enable()
        n = service.rebuild()
        prof.disable()
        results["profiles"]["build"] = profile_report(
            prof,
            f"service.rebuild of {n} ideas, cold Voikko cache",
            BENCH / "data" / "profile-build.txt",
        )
        db.session.remove()
        db.engine.dispose()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------------- PostgreSQL

PG_SCHEMA = """
CREATE TABLE ideas (
    id integer PRIMARY KEY,
    title text NOT NULL,
    summary text NOT NULL,
    need text NOT NULL,
    body text NOT NULL,
    tags text NOT NULL,
    area text NOT NULL,
    phase text NOT NULL,
    year integer NOT NULL,
    seeks_partners boolean NOT NULL,
    themes text[] NOT NULL,
    target_groups text[] NOT NULL,
    status text NOT NULL,
    created timestamptz NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('finnish', title), 'A')
        || setweight(to_tsvector('finnish', summary || ' ' || tags), 'B')
        || setweight(to_tsvector('finnish', need || ' ' || body), 'C')
    ) STORED
)
"""

PG_TSQUERY = {
    "one_word": "plainto_tsquery",
    "two_words": "plainto_tsquery",
    "phrase": "phraseto_tsquery",
}

PG_TOP = """
SELECT id, title, ts_headline('finnish', body, q,
       'MaxFragments=2, MaxWords=30, MinWords=12, StartSel=<mark>, StopSel=</mark>,
        FragmentDelimiter=" … "')
FROM (
    SELECT id, title, body, ts_rank(tsv, q) AS rank, q
    FROM ideas, {fn}('finnish', %(q)s) AS q
    WHERE tsv @@ q AND area = %(area)s AND status = 'published'
    ORDER BY rank DESC, id
    LIMIT 10
) AS top
ORDER BY rank DESC, id
"""
PG_COUNT = """
SELECT count(*) FROM ideas
WHERE tsv @@ {fn}('finnish', %(q)s) AND area = %(area)s AND status = 'published'
"""
# The same six facets as the app: each over the matches with the other filters (so the
# organisation facet ignores the area filter, the others keep it).
PG_FACETS = """
WITH m AS (
    SELECT area, phase, year, seeks_partners, themes, target_groups, area = %(area)s AS here
    FROM ideas WHERE tsv @@ {fn}('finnish', %(q)s) AND status = 'published'
)
SELECT 'organisation', area, count(*) FROM m GROUP BY area
UNION ALL SELECT 'phase', phase, count(*) FROM m WHERE here GROUP BY phase
UNION ALL SELECT 'year', year::text, count(*) FROM m WHERE here GROUP BY year
UNION ALL SELECT 'seeks_partners', seeks_partners::text, count(*) FROM m WHERE here GROUP BY 2
UNION ALL SELECT 'themes', t, count(*) FROM m, unnest(themes) t WHERE here GROUP BY t
UNION ALL SELECT 'target_groups', g, count(*) FROM m, unnest(target_groups) g WHERE here
    GROUP BY g
"""


def bench_postgres(ideas, qsets, args, results) -> None:
    import psycopg

    out = results["postgres"] = {}
    dsn = args.pg_dsn
    with psycopg.connect(dsn, dbname="postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{args.pg_database}"')
        admin.execute(f'CREATE DATABASE "{args.pg_database}"')
    conn = psycopg.connect(dsn, dbname=args.pg_database, autocommit=True)
    try:
        out["server"] = conn.execute("SHOW server_version").fetchone()[0]
        out["settings"] = {
            name: conn.execute(f"SHOW {name}").fetchone()[0]
            for name in ("shared_buffers", "work_mem", "maintenance_work_mem", "jit")
        }
        conn.execute(PG_SCHEMA)
        log(f"PostgreSQL: COPY {len(ideas)} ideas (tsvector computed on insert)")
        cols = (
            "id title summary need body tags area phase year seeks_partners themes "
            "target_groups status created"
        ).split()
        t = perf_counter()
        with conn.cursor() as cur, cur.copy(f"COPY ideas ({', '.join(cols)}) FROM STDIN") as cp:
            for i in ideas:
                when = datetime.fromisoformat(i["created"])
                cp.write_row(
                    (
                        i["id"],
                        i["title"],
                        i["summary"],
                        i["need"],
                        i["body"],
                        " ".join(i["tags"]),
                        i["organisation"],
                        i["phase"],
                        when.year,
                        i["seeks_partners"],
                        i["themes"],
                        i["groups"],
                        i["status"],
                        when,
                    )
                )
        copy_s = perf_counter() - t
        t = perf_counter()
        conn.execute("CREATE INDEX ideas_tsv ON ideas USING gin (tsv)")
        gin_s = perf_counter() - t
        t = perf_counter()
        conn.execute("CREATE INDEX ideas_area ON ideas (area, status)")
        conn.execute("VACUUM ANALYZE ideas")
        rest_s = perf_counter() - t
        total = copy_s + gin_s + rest_s
        size = conn.execute(
            "SELECT pg_total_relation_size('ideas'), pg_relation_size('ideas_tsv')"
        ).fetchone()
        out["build"] = {
            "copy_s": round(copy_s, 1),
            "gin_index_s": round(gin_s, 1),
            "btree_and_analyze_s": round(rest_s, 1),
            "seconds": round(total, 1),
            "ideas_per_s": round(len(ideas) / total, 1),
            "table_mb": round(size[0] / 2**20, 1),
            "gin_mb": round(size[1] / 2**20, 1),
        }
        log(f"  built: {out['build']}")

        out["queries"] = {}
        for kind, items in qsets.items():
            fn = PG_TSQUERY[kind]
            top, count, facets = (
                PG_TOP.format(fn=fn),
                PG_COUNT.format(fn=fn),
                PG_FACETS.format(fn=fn),
            )

            def run(item, with_facets, top=top, count=count, facets=facets):
                q, area = item
                params = {"q": q.strip('"'), "area": area}
                with conn.cursor() as cur:
                    cur.execute(top, params)
                    cur.fetchall()
                    cur.execute(count, params)
                    n = cur.fetchone()[0]
                    if with_facets:
                        cur.execute(facets, params)
                        cur.fetchall()
                return n

            for item in items[:10]:  # warm-up, not counted
                run(item, True)
            out["queries"][kind] = {}
            for with_facets in (False, True):
                label = f"pg {kind} facets={with_facets}"
                log(f"  {label}: {len(items)} queries")
                times, totals, _ = timed_runs(
                    items, lambda it, wf=with_facets: run(it, wf), args.budget, label
                )
                stats = summary_ms(times)
                stats["mean_hits"] = round(statistics.fmean(totals), 1)
                stats["zero_hit_share"] = round(sum(1 for x in totals if x == 0) / len(totals), 3)
                out["queries"][kind]["facets" if with_facets else "no_facets"] = stats
                log(f"    {stats}")
    finally:
        conn.close()
        if not args.keep:
            with psycopg.connect(dsn, dbname="postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{args.pg_database}"')


# --------------------------------------------------------------------------- report


def _fmt(stats: dict | None) -> str:
    if not stats:
        return "—"
    text = f"{stats['p50_ms']:.1f} / {stats['p95_ms']:.1f}"
    if "cpu_p50_ms" in stats:
        text += f" (CPU {stats['cpu_p50_ms']:.1f} / {stats['cpu_p95_ms']:.1f})"
    return text


def report(results: dict) -> str:
    w, pg = results.get("whoosh", {}), results.get("postgres", {})
    c = results["corpus"]
    lines = [
        f"Idealaari search benchmark — {c['ideas']:,} ideas, {c['words']:,} words "
        f"({c['distinct_words']:,} distinct), {results['environment']['cpus']} CPUs, "
        f"1-min load average during the run: mean "
        f"{results['environment']['load1_during_run']['mean']}, "
        f"max {results['environment']['load1_during_run']['max']} (this benchmark itself is 1)",
        "",
        "Build",
        "| what | seconds | ideas/s | size |",
        "|---|---|---|---|",
    ]
    if "seconds" in w.get("build", {}):
        b = w["build"]
        lines.append(
            f"| Whoosh service.rebuild ({b['ideas_indexed']:,} ideas) | {b['seconds']} | "
            f"{b['ideas_per_s']} (target ≥ 1,000; {b.get('ideas_per_cpu_s', '—')} per CPU s) | "
            f"{b['index_mb']} MB, {b['segments']} segment(s) |"
        )
        if "add_documents_s" in b:
            lines.append(
                f"| of which: ORM reads all ideas {b['read_ideas_s']} s, add_document "
                f"{b['add_documents_s']} s, writer.commit + swap {b['commit_and_swap_s']} s; "
                f"{b['distinct_words_analysed']:,} distinct words through Voikko | | | |"
            )
    if "build" in pg:
        b = pg["build"]
        lines.append(
            f"| PostgreSQL COPY {b['copy_s']} s + GIN {b['gin_index_s']} s + btree/analyze "
            f"{b['btree_and_analyze_s']} s | {b['seconds']} | {b['ideas_per_s']} | "
            f"{b['table_mb']} MB (GIN {b['gin_mb']} MB) |"
        )
    lines += [
        "",
        "Queries with an area filter, page of 10 (ms, wall p50 / p95, and for Whoosh the CPU "
        "time of this process; mean hits in the area)",
        "| query | Whoosh service.search facets=True | Whoosh facets=False | PostgreSQL top 10 + "
        "headline + count | PostgreSQL + 6 facets | Whoosh/PG (no facets) | Whoosh/PG (facets) "
        "| hits W / PG |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in ("one_word", "two_words", "phrase"):
        wq = w.get("queries", {}).get(kind, {})
        pq = pg.get("queries", {}).get(kind, {})
        ratio_nf = ratio_f = "—"
        if wq and pq:
            ratio_nf = f"{wq['no_facets']['p50_ms'] / max(pq['no_facets']['p50_ms'], 1e-3):.0f}×"
            ratio_f = f"{wq['facets']['p50_ms'] / max(pq['facets']['p50_ms'], 1e-3):.0f}×"
        hits = (
            f"{wq.get('no_facets', {}).get('mean_hits', '—')} / "
            f"{pq.get('no_facets', {}).get('mean_hits', '—')}"
        )
        n = wq.get("facets", {}).get("n", "—")
        lines.append(
            f"| {kind.replace('_', ' ')} (n={n}) | {_fmt(wq.get('facets'))} | "
            f"{_fmt(wq.get('no_facets'))} | {_fmt(pq.get('no_facets'))} | "
            f"{_fmt(pq.get('facets'))} | {ratio_nf} | {ratio_f} | {hits} |"
        )
    if w:
        lines += [
            "",
            "Other Whoosh operations (ms, p50 / p95)",
            "| operation | p50 / p95 | notes |",
            "|---|---|---|",
        ]
        if "similar" in w:
            lines.append(
                f"| service.similar (n={w['similar']['n']}) | {_fmt(w['similar'])} | "
                f"{w['similar']['mean_results']} results on average |"
            )
        if "update" in w:
            lines.append(
                f"| update_idea + commit (n={w['update']['n']}) | {_fmt(w['update'])} | "
                f"of which outbox drain into the index {_fmt(w['update_drain_part'])}; "
                f"{w['segments_after_updates']} segments after |"
            )
            lines.append(
                f"| first search after an update | {_fmt(w['query_after_update'])} | "
                "one-word + facets; reopens the searcher on the new generation |"
            )
        if "searcher_open" in w:
            so = w["searcher_open"]
            lines.append(
                f"| searcher open (fresh WhooshBackend) | {_fmt(so)} | first {so['first_ms']} ms |"
            )
    for prof in results.get("profiles", {}).values():
        lines += ["", f"Profile: {prof['what']} (total {prof['total_s']} s, {prof['file']})"]
        lines.append("| cumulative s | own s | calls | function |")
        lines.append("|---|---|---|---|")
        for row in prof["top"]["cumulative"]:
            lines.append(
                f"| {row['cumtime_s']} | {row['tottime_s']} | {row['calls']} | {row['function']} |"
            )
        lines.append(
            "top own time: "
            + "; ".join(f"{r['function']} {r['tottime_s']} s" for r in prof["top"]["tottime"][:6])
        )
    for note in results.get("notes", []):
        lines.append(f"note: {note}")
    return "\n".join(lines)


def copy_prebuilt(src: Path, run_dir: Path) -> None:
    """Copy a kept database and hard-link its index (Whoosh never rewrites a segment file;
    the lock and table-of-contents files are copied), so the kept run stays as it was."""
    if not (src / "bench.db").exists() or not (src / "index").is_dir():
        raise SystemExit(f"--reuse {src}: no bench.db and index/ there (make one with --keep)")
    for name in ("bench.db", "bench.db-wal", "bench.db-shm"):
        if (src / name).exists():
            shutil.copy2(src / name, run_dir / name)
    (run_dir / "index").mkdir()
    for f in (src / "index").iterdir():
        if f.suffix in (".toc",) or f.name.endswith("WRITELOCK"):
            shutil.copy2(f, run_dir / "index" / f.name)
        else:
            os.link(f, run_dir / "index" / f.name)


def environment() -> dict:
    def version(dist):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        "packages": {
            d: version(d)
            for d in ("whoosh-reloaded", "pyvoikko", "kfst-rs", "SQLAlchemy", "psycopg")
        },
        "started": datetime.now().isoformat(timespec="seconds"),
        "app_commit": _git("rev-parse", "--short", "HEAD"),
        # Others edit the app while this runs: say what differed from the commit.
        "app_uncommitted": _git("status", "--short", "--", "idealaari").splitlines(),
    }


def _git(*args: str) -> str:
    import subprocess

    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ideas", type=int, default=100_000, help="corpus size (default 100000)")
    p.add_argument("--seed", type=int, default=20250630, help="random seed of the corpus")
    p.add_argument("--queries", type=int, default=200, help="queries per kind (default 200)")
    p.add_argument("--similar", type=int, default=200, help="service.similar calls (default 200)")
    p.add_argument("--updates", type=int, default=30, help="single-idea updates (default 30)")
    p.add_argument(
        "--budget",
        type=float,
        default=600,
        help="seconds at most per timed set; a set stops early and says so",
    )
    p.add_argument(
        "--profile-ideas", type=int, default=5000, help="ideas in the profiled build (default 5000)"
    )
    p.add_argument(
        "--profile-queries",
        type=int,
        default=30,
        help="one-word queries in the profiled run (default 30)",
    )
    p.add_argument("--no-profile", action="store_true", help="skip the cProfile runs")
    p.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    p.add_argument("--no-whoosh", action="store_true", help="skip Whoosh")
    p.add_argument(
        "--pg-dsn",
        default="host=127.0.0.1 port=5432 user=postgres",
        help="libpq connection string, without dbname",
    )
    p.add_argument(
        "--pg-database",
        default="idealaari_bench",
        help="database to (re)create and drop (default idealaari_bench)",
    )
    p.add_argument(
        "--shared",
        type=Path,
        default=corpus.DEFAULT_SHARED,
        help="the shared/ folder with seeds/ and search-eval/",
    )
    p.add_argument(
        "--reuse",
        type=Path,
        help="skip the load and the build: use bench.db and index/ of a run kept with --keep "
        "(bench/data/run-N; same --ideas and --seed)",
    )
    p.add_argument(
        "--keep",
        action="store_true",
        help="keep the SQLite database, index and PostgreSQL database",
    )
    args = p.parse_args(argv)
    args.similar = min(args.similar, args.ideas // 2)

    data = BENCH / "data"
    data.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "environment": environment(),
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "profiles": {},
        "notes": [],
    }
    corpus.set_shared(args.shared)

    log(f"corpus of {args.ideas} ideas (seed {args.seed})")
    t = perf_counter()
    ideas, info = corpus.load_or_generate(
        data / f"corpus-{args.ideas}-{args.seed}.jsonl.gz", args.ideas, args.seed, args.shared
    )
    results["corpus"] = {
        **corpus.corpus_stats(ideas),
        "generator": info,
        "seconds": round(perf_counter() - t, 1),
    }
    log(f"  {results['corpus']}")
    qsets = query_sets(ideas, args.queries, args.seed)
    results["query_examples"] = {k: v[:8] for k, v in qsets.items()}

    run_dir = data / (f"run-{args.ideas}-reused" if args.reuse else f"run-{args.ideas}")
    if args.reuse and Path(args.reuse).resolve() == run_dir.resolve():
        raise SystemExit("--reuse: give a kept run directory other than the one this run uses")
    if not args.no_whoosh:
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir(parents=True)
        if args.reuse:
            copy_prebuilt(Path(args.reuse), run_dir)
        app = make_app(run_dir / "bench.db", run_dir / "index")
        with app.app_context():
            bench_whoosh(app, ideas, qsets, args, results)
            from idealaari.extensions import db

            db.session.remove()
            db.engine.dispose()
    if not args.no_pg:
        bench_postgres(ideas, qsets, args, results)
    if not args.no_whoosh and not args.no_profile and not args.reuse:
        profile_build(ideas, args, results)
    if not args.keep:
        shutil.rmtree(run_dir, ignore_errors=True)

    results["environment"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    loads = [x for _, x in LOAD_SAMPLES]
    results["environment"]["load1_during_run"] = {
        "mean": round(statistics.fmean(loads), 2),
        "max": max(loads),
        "samples": LOAD_SAMPLES,
    }
    results["environment"]["total_s"] = round(perf_counter() - T0, 1)
    text = report(results)
    results["table"] = text
    (data / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    (data / f"results-{args.ideas}{'-reused' if args.reuse else ''}.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1)
    )
    print(text)
    print(f"\n(total {results['environment']['total_s']} s; JSON in {data / 'results.json'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
