"""Content with the longest fields filled with unbroken text, for the reflow test (WCAG 1.4.10).

`seed_long_content(app)` adds it through the services, as members would, and returns the
paths of the pages that show it.
"""

from __future__ import annotations

from datetime import timedelta

from tests.browser.people import add_members

PASSWORD = "pitkä-salasana-42"
# Unbroken, as pasted: one 160-character "word", a long link, names without spaces.
LONG_TITLE = ("Sosiaalijaterveydenhuollonkehittämisyhteistyö" * 4)[:160]
LONG_URL = (
    "https://www.example.fi/sites/default/files/2026-11/"
    "Hyvinvointialueen_asiakasohjauksen_kehittamissuunnitelma_loppuraportti_versio_"
    "7_hyvaksytty_yhtymahallituksessa_2026-11-30.pdf?download=1&utm_source=idealaari"
)
LONG_SUMMARY = f"Lue suunnitelma: {LONG_URL}"
LONG_ORG = ("Sosiaalialanosaamiskeskusyhdistys" * 6)[:190]
LONG_THEME = ("Monialaisenpalveluintegraationkehittäminen" * 5)[:190]
LONG_TAG = ("asiakasohjauksenkehittämissuunnitelma" * 2)[:40]
LONG_OPTION = ("Ennaltaehkäisevienpalvelujenvaikuttavuusarviointi" * 3)[:150]
LONG_QUESTION = ("Verkkoklinikanseuraavateemavaihtoehtoäänestys" * 4)[:150]
LONG_COMMENT = "Katso myös " + LONG_URL + " " + "ja" * 200
LONG_NAME = ("Maria-Magdaleena-Kristiina-Johanna" * 4)[:118]
LONG_EMAIL_LOCAL = "pitka.nimi"


def seed_long_content(app) -> dict:
    """Add an idea, organisation, theme, tag, poll, comment and member with long unbroken text."""
    from sqlalchemy import select

    from idealaari.accounts.models import Role
    from idealaari.comments import services as comment_services
    from idealaari.dbtypes import utcnow
    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.ideas.models import PartnerRole, Phase, Theme
    from idealaari.notifications import services as notification_services
    from idealaari.organisations.models import Organisation, OrganisationKind
    from idealaari.partners import services as partner_services
    from idealaari.polls.services import create_poll
    from idealaari.targets import TargetKind

    with app.test_request_context("/seed", method="POST"):
        org = Organisation(code="pitka-jarjesto", name_fi=LONG_ORG, kind=OrganisationKind.NGO)
        db.session.add(org)
        theme = Theme(slug="pitka-teema", name_fi=LONG_THEME, name_en=LONG_THEME, active=True)
        db.session.add(theme)
        area = db.session.scalars(select(Organisation).filter_by(code="pir")).one()
        now = utcnow()
        people = add_members(
            (
                (key, f"{key}@pitka.example.fi", name, organisation, role)
                for key, name, organisation, role in (
                    ("author", LONG_NAME, org, Role.MEMBER),
                    ("reader", "Lukija Pitkäinen", area, Role.MEMBER),
                    ("moderator", "Moderaattori Pitkäinen", area, Role.MODERATOR),
                )
            ),
            password=PASSWORD,
        )
        ideas = []
        for n in range(2):
            ideas.append(
                services.create_idea(
                    author=people["author"],
                    values=services.IdeaFields(
                        title=LONG_TITLE[: 160 - n],
                        summary=LONG_SUMMARY,
                        need=LONG_URL,
                        body=f"{LONG_URL}\n\n{LONG_TITLE}",
                        organisation=org,
                        phase=Phase.TESTING,
                        themes=[theme],
                        tags=[LONG_TAG],
                        seeks_partners=True,
                        partner_roles=[PartnerRole.PILOT_SITE],
                    ),
                    publish=True,
                )
            )
        idea, archived = ideas
        notification_services.follow(
            user=people["reader"], target=TargetKind.IDEA, target_id=idea.id
        )
        db.session.flush()
        services.update_idea(
            idea=idea,
            editor=people["author"],
            values=services.IdeaFields(
                title=LONG_TITLE,
                summary=LONG_SUMMARY + " " + LONG_URL,
                need=LONG_URL,
                body=f"{LONG_TITLE}\n\n{LONG_URL}",
                organisation=org,
                phase=Phase.TESTING,
                themes=[theme],
                tags=[LONG_TAG],
                seeks_partners=True,
                partner_roles=[PartnerRole.PILOT_SITE],
            ),
        )
        services.archive_idea(idea=archived, actor=people["author"])
        offer = partner_services.make_offer(
            idea=idea, member=people["reader"], role=PartnerRole.PILOT_SITE, message=LONG_URL
        )
        partner_services.accept_offer(offer=offer, actor=people["author"], note=LONG_URL)
        comment_services.post_comment(
            discussion=idea.discussion, author=people["author"], body=LONG_COMMENT
        )
        poll = create_poll(
            actor=people["moderator"],
            question=LONG_QUESTION,
            options=[LONG_OPTION, "Digipalvelut"],
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(days=3),
        )
        db.session.commit()
        seeded = {
            "idea_path": f"/ideas/{idea.id}",
            "history_path": f"/ideas/{idea.id}/history",
            "organisation_path": f"/organisations/{org.code}",
            "profile_path": f"/members/{people['author'].id}",
            "poll_path": f"/polls/{poll.id}",
            "theme_path": f"/themes/{theme.id}",
            "reader_email": people["reader"].email,
            "search_word": "suunnitelma",
        }
        db.session.remove()
    return seeded
