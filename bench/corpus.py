"""A synthetic but realistic Finnish idea corpus for the search benchmark.

The words come from real Finnish text: shared/seeds/*.txt, shared/search-eval/ideas.jsonl and
idealaari/demo/content.py. Every harvested sentence becomes a template; its nouns are slots
that keep their case and number (Voikko tells them). A generated idea has a topic (one of the
90 demo and relevance-set ideas): its sentences come partly from the topic's own text, and its
noun slots are refilled with the topic's nouns, or with any harvested noun (weighted by how
often it occurs), in the same case and number, sometimes with a compound modifier in front
("kuntoutuksen" -> "etäkuntoutuksen"). So the text has real inflected forms and compounds,
a Zipf-like head, a long tail of compounds, and topic words concentrated in some ideas.

Everything is drawn from one random.Random(seed): the same seed gives the same corpus.
"""

from __future__ import annotations

import bisect
import glob
import gzip
import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

import pyvoikko

from idealaari.demo import _markdown as _demo_markdown
from idealaari.demo import content as demo

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
CORPUS_VERSION = 3  # bump when the generator changes, so cached corpora are regenerated

# Ideas are created over three years up to this moment (fixed, so runs are comparable).
END = datetime(2025, 6, 30, 15, 0, tzinfo=UTC)
SPAN_DAYS = 3 * 365

# Rough population shares of the 23 areas: big areas post more ideas.
AREA_WEIGHTS = {
    "hki": 12,
    "hus": 8,
    "vake": 5,
    "ku": 4,
    "lu": 9,
    "itu": 2,
    "vs": 9,
    "pir": 10,
    "pp": 7,
    "ks": 5,
    "ps": 5,
    "ph": 4,
    "sata": 4,
    "pohj": 3.5,
    "kym": 3,
    "ek": 2.5,
    "es": 2.5,
    "pk": 3,
    "kh": 3,
    "ep": 3.5,
    "kp": 1.5,
    "kai": 1.4,
    "lappi": 3,
}
AREA_SHARE = 0.85  # the rest of the ideas come from municipalities, NGOs, companies, ...

# Organisations next to the 23 areas: the demo's own plus a few municipalities.
EXTRA_MUNICIPALITIES = [
    ("espoo", "Espoon kaupunki", "Esbo stad"),
    ("vantaa", "Vantaan kaupunki", "Vanda stad"),
    ("turku", "Turun kaupunki", "Åbo stad"),
    ("kuopio", "Kuopion kaupunki", "Kuopio stad"),
    ("lahti", "Lahden kaupunki", "Lahtis stad"),
    ("pori", "Porin kaupunki", "Björneborgs stad"),
    ("joensuu", "Joensuun kaupunki", "Joensuu stad"),
    ("vaasa", "Vaasan kaupunki", "Vasa stad"),
    ("seinajoki", "Seinäjoen kaupunki", "Seinäjoki stad"),
    ("rovaniemi", "Rovaniemen kaupunki", "Rovaniemi stad"),
]

PHASES = {
    "ideation": 35,
    "selection": 15,
    "concretising": 15,
    "testing": 15,
    "learnings": 10,
    "adoption": 10,
}
STATUSES = {"published": 92, "draft": 5, "archived": 3}
TARGET_GROUPS = [
    "clients",
    "professionals",
    "companies",
    "researchers",
    "students",
    "other_partners",
]
PARTNER_ROLES = ["co_developer", "pilot_site", "researcher", "company", "student", "funder"]

_WORD = re.compile(r"[\w-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"])")
_BLOCK = re.compile(r"^([-*+] |\d+\. |> )")
_NOISE = re.compile(r"icon/|Created with|https?:|www\.|\*\*|@")
NOUN = "nimisana"
PROPER = {"nimi", "etunimi", "sukunimi", "paikannimi"}


# --------------------------------------------------------------------------- harvesting


def _markdown_lines(text: str) -> tuple[list[str], list[str]]:
    """(paragraphs and list items as plain lines, headings) of a demo Markdown body."""
    lines, headings = [], []
    for line in _demo_markdown(text).splitlines():
        if line.startswith("#"):
            headings.append(line.lstrip("#").strip())
        elif line.strip():
            lines.append(_BLOCK.sub("", line).strip())
    return lines, headings


def _demo_texts() -> list[dict]:
    """The demo ideas as topics: title, texts, tags, themes, groups."""
    topics = []
    for spec in demo.IDEAS:
        texts = [" ".join(spec.get(k, "").split()) for k in ("summary", "need")]
        texts += [" ".join(e.get("summary", "").split()) for e in spec.get("edits", [])]
        body, headings = _markdown_lines(spec.get("body", ""))
        topics.append(
            {
                "title": " ".join(spec["title"].split()),
                "texts": [t for t in texts + body if t.strip()],
                "headings": headings,
                "tags": list(spec.get("tags", [])),
                "themes": list(spec.get("themes", [])),
                "groups": list(spec.get("groups", [])),
            }
        )
    return topics


def _eval_texts(shared: Path) -> list[dict]:
    path = shared / "search-eval" / "ideas.jsonl"
    if not path.exists():
        return []
    topics = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            topics.append(
                {
                    "title": d["title"],
                    "texts": [d["body"]],
                    "tags": d.get("tags", []),
                    "headings": [],
                    "themes": [],
                    "groups": [],
                }
            )
    return topics


def _seed_texts(shared: Path) -> list[str]:
    out = []
    for name in sorted(glob.glob(str(shared / "seeds" / "*.txt"))):
        for para in Path(name).read_text("utf-8").split("\n"):
            para = " ".join(para.split())
            if para and not _NOISE.search(para):
                out.append(para)
    return out


def _sentences(text: str) -> list[str]:
    out = []
    for s in _SENTENCE_END.split(text):
        s = s.strip()
        words = _WORD.findall(s)
        if 5 <= len(words) <= 45 and s[0].isupper() and s[-1] in ".!?" and not _NOISE.search(s):
            out.append(s)
    return out


@dataclass
class Slot:
    """A noun in a template: it can be refilled by another noun of the same case and number."""

    word: str
    key: tuple[str, str]
    capital: bool


@dataclass
class Template:
    parts: list  # str | Slot
    words: int


@dataclass
class Topic:
    title: Template
    templates: list[Template]
    nouns: list[str]  # baseforms
    tags: list[str]
    themes: list[str]
    groups: list[str]


@dataclass
class Vocabulary:
    """What the generator draws from, all harvested from real text."""

    templates: list[Template] = field(default_factory=list)  # from the ideas
    seed_templates: list[Template] = field(default_factory=list)  # from the network's texts
    title_templates: list[Template] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    # (case, number) -> (forms, cumulative weights)
    forms_by_key: dict = field(default_factory=dict)
    # baseform -> {(case, number): form}
    forms_by_base: dict = field(default_factory=dict)
    modifiers: tuple = ((), ())
    simple_nouns: set = field(default_factory=set)
    tags: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    harvested_words: int = 0
    harvested_distinct: int = 0


_analysis_cache: dict[str, tuple] = {}


def analyse(word: str):
    """(baseform, class, case, number, compound parts) of a lower-case word, or None."""
    if word not in _analysis_cache:
        found = pyvoikko.analyse(word)
        if found:
            a = found[0]
            parts = tuple((p.FORM or "").lower() for p in (a.COMPOUND_PARTS or ()))
            _analysis_cache[word] = (
                (a.BASEFORM or word).lower(),
                a.CLASS,
                a.SIJAMUOTO,
                a.NUMBER,
                parts,
            )
        else:
            _analysis_cache[word] = None
    return _analysis_cache[word]


def _template(
    sentence: str, noun_forms: Counter, noun_base: dict, modifiers: Counter, simple: set
) -> Template:
    parts: list = []
    pos = 0
    words = 0
    for m in _WORD.finditer(sentence):
        word = m.group()
        words += 1
        lower = word.lower()
        a = analyse(lower) if word.isalpha() else None
        if a is not None:
            base, cls, case, number, cparts = a
            for part in cparts[:-1]:
                if len(part) >= 3 and part.isalpha():
                    modifiers[part] += 1
        if (
            a is not None
            and a[1] == NOUN
            and a[2]
            and a[3]
            and a[0].isalpha()
            and (m.start() == 0 or not word[0].isupper())  # proper nouns stay
        ):
            base, _, case, number, cparts = a
            key = (case, number)
            noun_forms[key, lower] += 1
            noun_base.setdefault(base, {}).setdefault(key, lower)
            if len(cparts) <= 1 and len(lower) >= 4:
                simple.add(lower)
            if m.start() > pos:
                parts.append(sentence[pos : m.start()])
            parts.append(Slot(lower, key, word[0].isupper()))
            pos = m.end()
    if pos < len(sentence):
        parts.append(sentence[pos:])
    return Template(parts, words)


def harvest(shared: Path = DEFAULT_SHARED) -> Vocabulary:
    voc = Vocabulary()
    noun_forms: Counter = Counter()
    noun_base: dict = {}
    modifiers: Counter = Counter()
    simple: set = set()
    tags: set = set()

    def make(sentence):
        return _template(sentence, noun_forms, noun_base, modifiers, simple)

    all_words = []
    for para in _seed_texts(shared):
        all_words += _WORD.findall(para)
        voc.seed_templates += [make(s) for s in _sentences(para)]
    for t in _demo_texts() + _eval_texts(shared):
        title = make(t["title"])
        voc.title_templates.append(title)
        own = [make(s) for text in t["texts"] for s in _sentences(text)]
        voc.templates += own
        all_words += _WORD.findall(" ".join([t["title"], *t["texts"]]))
        nouns = []
        for text in [t["title"], *t["texts"][:1], *t["tags"]]:
            for w in _WORD.findall(text.lower()):
                a = analyse(w) if w.isalpha() else None
                if a and a[1] == NOUN and a[0].isalpha() and a[0] not in nouns and len(a[0]) >= 4:
                    nouns.append(a[0])
        tags.update(tag.lower() for tag in t["tags"])
        voc.headings += [h for h in t["headings"] if h not in voc.headings]
        voc.topics.append(
            Topic(title, own or [], nouns, [x.lower() for x in t["tags"]], t["themes"], t["groups"])
        )
    for _, name_fi, _, _ in demo.THEMES:
        voc.templates.append(make(name_fi + "."))

    by_key: dict = defaultdict(list)
    for (key, form), n in noun_forms.items():
        by_key[key].append((form, n))
    for key, pairs in by_key.items():
        pairs.sort()
        # Square-root weights: frequent forms stay frequent without one form (say
        # "kotihoidon") landing in half of all ideas.
        voc.forms_by_key[key] = (
            [f for f, _ in pairs],
            list(accumulate(n**0.5 for _, n in pairs)),
        )
    voc.forms_by_base = noun_base
    mods = sorted(modifiers.items())
    voc.modifiers = ([m for m, _ in mods], list(accumulate(n for _, n in mods)))
    voc.simple_nouns = simple
    voc.tags = sorted(tags)
    voc.harvested_words = len(all_words)
    voc.harvested_distinct = len({w.lower() for w in all_words})
    return voc


# --------------------------------------------------------------------------- generating


class Generator:
    COMPOUND_P = 0.06

    def __init__(self, voc: Vocabulary, seed: int):
        self.voc = voc
        self.rng = random.Random(seed)
        self.area_codes = list(AREA_WEIGHTS)
        self.area_cum = list(accumulate(AREA_WEIGHTS.values()))
        self.phases = list(PHASES)
        self.phase_cum = list(accumulate(PHASES.values()))
        self.statuses = list(STATUSES)
        self.status_cum = list(accumulate(STATUSES.values()))
        self.theme_keys = [t[0] for t in demo.THEMES]

    def _pick(self, items, cum):
        return items[bisect.bisect_right(cum, self.rng.random() * cum[-1])]

    def _noun(self, slot: Slot, topic: Topic, p_topic: float, p_any: float) -> str:
        rng = self.rng
        r = rng.random()
        word = slot.word
        if r < p_topic and topic.nouns:
            form = self.voc.forms_by_base.get(rng.choice(topic.nouns), {}).get(slot.key)
            if form:
                word = form
        elif r < p_topic + p_any:
            forms, cum = self.voc.forms_by_key[slot.key]
            word = self._pick(forms, cum)
        if word in self.voc.simple_nouns and rng.random() < self.COMPOUND_P:
            word = self._pick(*self.voc.modifiers) + word
        return word

    def _fill(self, t: Template, topic: Topic, p_topic: float, p_any: float) -> str:
        out = []
        for part in t.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                word = self._noun(part, topic, p_topic, p_any)
                out.append(word[0].upper() + word[1:] if part.capital else word)
        return "".join(out)

    def _sentence(self, topic: Topic) -> tuple[str, int]:
        r = self.rng.random()
        if topic.templates and r < 0.3:
            pool = topic.templates
        elif r < 0.75:
            pool = self.voc.templates
        else:
            pool = self.voc.seed_templates
        t = self.rng.choice(pool)
        return self._fill(t, topic, 0.3, 0.4), t.words

    def _text(self, topic: Topic, low: int, high: int) -> list[str]:
        target = self.rng.randint(low, high)
        sentences, words = [], 0
        while words < target:
            s, n = self._sentence(topic)
            sentences.append(s)
            words += n
        return sentences

    def idea(self, n: int) -> dict:
        rng = self.rng
        topic = rng.choice(self.voc.topics)
        title_t = topic.title if rng.random() < 0.5 else rng.choice(self.voc.title_templates)
        title = self._fill(title_t, topic, 0.6, 0.3)[:160]
        summary = " ".join(self._text(topic, 20, 40))
        if len(summary) > 600:
            summary = summary[:597].rsplit(" ", 1)[0] + "…"
        need = " ".join(self._text(topic, 12, 30)) if rng.random() < 0.7 else ""
        sentences = self._text(topic, 80, 200)
        cuts = sorted(
            rng.sample(range(1, len(sentences)), min(len(sentences) - 1, rng.randint(1, 3)))
        )
        paragraphs = [
            " ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, None], strict=True)
        ]
        if rng.random() < 0.25:
            items = [self._sentence(topic)[0].rstrip(".!?") for _ in range(rng.randint(2, 4))]
            paragraphs.insert(rng.randint(1, len(paragraphs)), "\n".join(f"- {i}" for i in items))
        if self.voc.headings and rng.random() < 0.2:
            at = rng.randint(1, len(paragraphs) - 1) if len(paragraphs) > 1 else 0
            paragraphs.insert(at, "## " + rng.choice(self.voc.headings))
        body = "\n\n".join(paragraphs)

        tags = [t for t in topic.tags if rng.random() < 0.7]
        tags += rng.sample(self.voc.tags, rng.randint(0, 2))
        if topic.nouns and rng.random() < 0.3:
            tags.append(rng.choice(topic.nouns))
        tags = list(dict.fromkeys(t for t in tags if len(t) <= 40))[:6]
        themes = [t for t in topic.themes if rng.random() < 0.8]
        if not themes or rng.random() < 0.2:
            themes.append(rng.choice(self.theme_keys))
        groups = [g for g in topic.groups if rng.random() < 0.8] or rng.sample(
            TARGET_GROUPS, rng.randint(1, 3)
        )
        seeks = rng.random() < 0.3
        roles = rng.sample(PARTNER_ROLES, rng.randint(1, 2)) if seeks else []
        if rng.random() < AREA_SHARE:
            org = self._pick(self.area_codes, self.area_cum)
        else:
            org = rng.choice(OTHER_ORG_CODES)
        created = END - timedelta(days=rng.uniform(0, SPAN_DAYS))
        status = self._pick(self.statuses, self.status_cum)
        return {
            "id": n,
            "title": title,
            "summary": summary,
            "need": need,
            "body": body,
            "tags": tags,
            "themes": sorted(set(themes)),
            "groups": sorted(set(groups)),
            "seeks_partners": seeks,
            "partner_roles": roles,
            "organisation": org,
            "phase": self._pick(self.phases, self.phase_cum),
            "status": status,
            "created": created.isoformat(),
        }


def other_organisations() -> list[tuple[str, str, str, str, str]]:
    """(code, name_fi, name_sv, name_en, kind) of the organisations next to the 23 areas."""
    orgs = [(key, fi, sv, en, kind) for key, fi, sv, en, kind in demo.ORGANISATIONS]
    orgs += [(code, fi, sv, "", "municipality") for code, fi, sv in EXTRA_MUNICIPALITIES]
    return orgs


OTHER_ORG_CODES = [o[0] for o in other_organisations()]


_shared = DEFAULT_SHARED
_vocabulary: Vocabulary | None = None


def set_shared(path: Path) -> None:
    """Where shared/ is (seeds/ and search-eval/); the demo content is always used."""
    global _shared, _vocabulary
    if Path(path) != _shared:
        _shared, _vocabulary = Path(path), None


def harvest_cached() -> Vocabulary:
    global _vocabulary
    if _vocabulary is None:
        _vocabulary = harvest(_shared)
    return _vocabulary


def generate(n: int, seed: int, shared: Path = DEFAULT_SHARED) -> tuple[list[dict], dict]:
    set_shared(shared)
    voc = harvest_cached()
    gen = Generator(voc, seed)
    ideas = [gen.idea(i + 1) for i in range(n)]
    info = {
        "harvested_words": voc.harvested_words,
        "harvested_distinct_words": voc.harvested_distinct,
        "sentence_templates": len(voc.templates) + len(voc.seed_templates),
        "title_templates": len(voc.title_templates),
        "topics": len(voc.topics),
        "noun_baseforms": len(voc.forms_by_base),
        "compound_modifiers": len(voc.modifiers[0]),
        "tags": len(voc.tags),
    }
    return ideas, info


def load_or_generate(path: Path, n: int, seed: int, shared: Path) -> tuple[list[dict], dict]:
    """The corpus from its cache file under bench/data, generated first if missing."""
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = json.loads(f.readline())
            if header.get("version") == CORPUS_VERSION and header.get("n") == n:
                return [json.loads(line) for line in f], header["info"]
    ideas, info = generate(n, seed, shared)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as f:
        f.write(json.dumps({"version": CORPUS_VERSION, "n": n, "seed": seed, "info": info}) + "\n")
        for idea in ideas:
            f.write(json.dumps(idea, ensure_ascii=False) + "\n")
    tmp.rename(path)
    return ideas, info


def corpus_stats(ideas: list[dict]) -> dict:
    words = Counter()
    total = 0
    for idea in ideas:
        for text in (idea["title"], idea["summary"], idea["need"], idea["body"]):
            ws = _WORD.findall(text.lower())
            total += len(ws)
            words.update(ws)
    body_words = sorted(len(_WORD.findall(i["body"])) for i in ideas)
    return {
        "ideas": len(ideas),
        "words": total,
        "distinct_words": len(words),
        "words_per_idea": round(total / max(1, len(ideas)), 1),
        "body_words_p5_p50_p95": [body_words[int(len(body_words) * q)] for q in (0.05, 0.5, 0.95)],
    }


if __name__ == "__main__":  # a quick look: python bench/corpus.py
    sample, meta = generate(3, 1)
    print(json.dumps(meta, ensure_ascii=False, indent=1))
    for idea in sample:
        print(json.dumps(idea, ensure_ascii=False, indent=1))
