"""Curation: picking and ordering highlights, compiling again, publishing; refused for
everyone but moderators."""

import pytest

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.showcase import queries, services
from idealaari.showcase.models import ShowcaseStatus


def _keys(showcase):
    db.session.expire(showcase, ["highlights"])
    return [h.key for h in showcase.highlights]


def test_compiling_again_after_late_changes_keeps_the_highlights_and_their_order(
    seeded_year, moderator, make_showcase
):
    showcase = make_showcase(intro="Tervetuloa!")
    winner = f"award:{seeded_year.winner_award.id}"
    moved = f"idea:{seeded_year.moved.id}"
    for key in (winner, moved):
        kind, item_id = key.split(":")
        services.pick(showcase=showcase, actor=moderator, kind=kind, item_id=int(item_id))
    services.move(highlight=showcase.highlights[1], actor=moderator, direction="up")
    services.publish(showcase=showcase, actor=moderator)
    db.session.commit()
    assert _keys(showcase) == [moved, winner]

    seeded_year.winner.title = "Uusi nimi voittajalle"  # a late change
    db.session.commit()
    again = services.compile_showcase(year=seeded_year.year, actor=moderator)
    db.session.commit()

    assert again.id == showcase.id
    assert _keys(again) == [moved, winner]
    assert again.intro == "Tervetuloa!" and again.status == ShowcaseStatus.PUBLISHED
    titles = [p.candidate.title for p in queries.picked(again)]
    assert titles == [seeded_year.moved.title, "Uusi nimi voittajalle"]


def test_a_highlight_that_left_the_year_is_kept_for_moderators_only(
    seeded_year, moderator, make_showcase
):
    from idealaari.ideas.models import IdeaStatus

    showcase = make_showcase()
    services.pick(showcase=showcase, actor=moderator, kind="idea", item_id=seeded_year.moved.id)
    seeded_year.moved.status = IdeaStatus.HIDDEN
    db.session.commit()
    services.compile_showcase(year=seeded_year.year, actor=moderator)
    db.session.commit()
    assert queries.picked(showcase) == []
    [kept] = queries.picked(showcase, include_missing=True)
    assert kept.candidate is None


def test_moving_past_either_end_changes_nothing(seeded_year, moderator, make_showcase):
    showcase = make_showcase()
    first = services.pick(
        showcase=showcase, actor=moderator, kind="award", item_id=seeded_year.winner_award.id
    )
    assert services.move(highlight=first, actor=moderator, direction="up") is False
    assert services.move(highlight=first, actor=moderator, direction="down") is False
    with pytest.raises(services.ShowcaseError):
        services.move(highlight=first, actor=moderator, direction="sideways")


@pytest.mark.parametrize(
    "kind, item_id, message",
    [
        ("award", 999999, "not among this year's results"),
        ("comment", 1, "Choose one of the options given"),
    ],
)
def test_only_items_of_the_compiled_year_can_be_picked(
    seeded_year, moderator, make_showcase, kind, item_id, message
):
    showcase = make_showcase()
    with pytest.raises(services.ShowcaseError, match=message):
        services.pick(showcase=showcase, actor=moderator, kind=kind, item_id=item_id)


def test_an_item_is_picked_once(seeded_year, moderator, make_showcase):
    showcase = make_showcase()
    award = seeded_year.winner_award.id
    services.pick(showcase=showcase, actor=moderator, kind="award", item_id=award)
    with pytest.raises(services.ShowcaseError, match="already a highlight"):
        services.pick(showcase=showcase, actor=moderator, kind="award", item_id=award)


@pytest.mark.parametrize("year", [2019, utcnow().year + 1, None])
def test_a_year_outside_the_networks_life_is_refused(app, moderator, year):
    with pytest.raises(services.ShowcaseError, match="Give a year from 2020"):
        services.compile_showcase(year=year, actor=moderator)


def test_the_introduction_has_a_limit(app, moderator, make_showcase):
    showcase = make_showcase(year=2024)
    with pytest.raises(services.ShowcaseError, match="at most 5000"):
        services.set_intro(showcase=showcase, actor=moderator, intro="x" * 5001)


def test_publishing_twice_or_unpublishing_a_draft_is_refused(app, moderator, make_showcase):
    showcase = make_showcase(year=2024)
    with pytest.raises(services.ShowcaseError):
        services.unpublish(showcase=showcase, actor=moderator)
    services.publish(showcase=showcase, actor=moderator)
    with pytest.raises(services.ShowcaseError):
        services.publish(showcase=showcase, actor=moderator)
    services.unpublish(showcase=showcase, actor=moderator)
    assert showcase.status == ShowcaseStatus.DRAFT and showcase.published_at is None


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT])
def test_members_and_area_contacts_cannot_curate(app, make_user, make_showcase, role):
    showcase = make_showcase(year=2024)
    user = make_user(role=role)
    refused = "Only moderators compile and curate the showcase."
    for action in (
        lambda: services.compile_showcase(year=2024, actor=user),
        lambda: services.set_intro(showcase=showcase, actor=user, intro="Hei"),
        lambda: services.pick(showcase=showcase, actor=user, kind="award", item_id=1),
        lambda: services.publish(showcase=showcase, actor=user),
        lambda: services.unpublish(showcase=showcase, actor=user),
    ):
        with pytest.raises(services.ShowcaseError, match=refused):
            action()


def test_an_unverified_moderator_cannot_curate(app, make_user):
    moderator = make_user(role=Role.MODERATOR, verified=False)
    with pytest.raises(services.ShowcaseError, match="Confirm your e-mail"):
        services.compile_showcase(year=2024, actor=moderator)
