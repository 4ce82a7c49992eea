"""Nonsense-query benchmark: 200-character queries of unknown words on /search and /api/v1/search.

Run on demand (`.venv/bin/python bench/search_nonsense.py`); never part of the test suite. It
loads a generated corpus (bench/corpus.py, as search_bench.py does) into a fresh SQLite
database under bench/data/, builds the index, and times requests through the app's test client
(rate limits off), so the whole path is measured: analysis, matching, facets, suggestions and
the page or JSON. Every query is new words, so the per-word caches never help.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import string
import sys
from pathlib import Path
from time import perf_counter
from urllib.parse import quote

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for path in (str(ROOT), str(BENCH)):
    if path not in sys.path:
        sys.path.insert(0, path)

import corpus  # noqa: E402  (bench/corpus.py)
import search_bench  # noqa: E402  (its loader and app factory)

FINNISH_LETTERS = string.ascii_lowercase + "äöå"


def nonsense_queries(n: int, seed: int, length: int = 200) -> list[str]:
    """n queries of `length` characters made of pronounceable-looking words no dictionary has."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words: list[str] = []
        while len(" ".join(words)) < length:
            words.append("".join(rng.choice(FINNISH_LETTERS) for _ in range(rng.randint(4, 11))))
        out.append(" ".join(words)[:length].strip())
    return out


def timed(client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        t = perf_counter()
        resp = client.get(url)
        times.append(perf_counter() - t)
        if resp.status_code != 200:
            raise SystemExit(f"{url[:80]}… answered {resp.status_code}")
    return times


def describe(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"median {statistics.median(times) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   "
        f"max {max(times) * 1000:7.1f} ms   (n={len(times)})"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ideas", type=int, default=2000, help="corpus size (default 2000)")
    p.add_argument("--seed", type=int, default=20250630, help="random seed of the corpus")
    p.add_argument("--queries", type=int, default=30, help="queries per endpoint (default 30)")
    p.add_argument("--shared", type=Path, default=corpus.DEFAULT_SHARED)
    args = p.parse_args(argv)

    data = BENCH / "data"
    data.mkdir(parents=True, exist_ok=True)
    corpus.set_shared(args.shared)
    ideas, _ = corpus.load_or_generate(
        data / f"corpus-{args.ideas}-{args.seed}.jsonl.gz", args.ideas, args.seed, args.shared
    )
    run_dir = data / f"nonsense-{args.ideas}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    app = search_bench.make_app(run_dir / "bench.db", run_dir / "index")
    app.config["RATELIMIT_ENABLED"] = False
    from idealaari.extensions import db, limiter
    from idealaari.search import service
    from idealaari.search.analysis import warm_up

    limiter.enabled = False
    with app.app_context():
        search_bench.load_sqlite(ideas)
        service.rebuild()
        warm_up()
        client = app.test_client()
        client.get("/search?q=kotihoito")  # open the searcher and its caches
        queries = nonsense_queries(args.queries * 2, args.seed)
        print(f"{len(ideas)} ideas; queries of {len(queries[0])} characters, e.g.")
        print(f"  {queries[0]!r}")
        for name, prefix, chunk in (
            ("/search        ", "/search?q=", queries[: args.queries]),
            ("/api/v1/search ", "/api/v1/search?q=", queries[args.queries :]),
        ):
            times = timed(client, [prefix + quote(q) for q in chunk])
            print(f"{name} {describe(times)}")
        db.session.remove()
        db.engine.dispose()
    shutil.rmtree(run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
