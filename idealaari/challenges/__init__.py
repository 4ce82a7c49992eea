"""Challenge competitions (haastekisat): an organisation challenges the network to solve a
named problem; members enter ideas, vote, a jury scores the entries and the results are
published."""

from flask import Blueprint, Flask

bp = Blueprint("challenges", __name__)


def init_app(app: Flask) -> None:
    """Register the challenge pages, challenges as followable targets and as discussion
    owners (their questions)."""
    from idealaari import permissions, targets
    from idealaari.challenges import answers, queries
    from idealaari.challenges import cover_views as _cover_views  # noqa: F401 - cover images
    from idealaari.challenges import feeds as _feeds  # noqa: F401 - feeds and calendars on bp
    from idealaari.challenges import jury_views as _jury_views  # noqa: F401 - the jury's pages
    from idealaari.challenges import notifications as challenge_notifications
    from idealaari.challenges import results_views as _results_views  # noqa: F401
    from idealaari.challenges import search as challenge_search
    from idealaari.challenges import views as _views  # noqa: F401 - registers the routes on bp
    from idealaari.challenges import vote_views as _vote_views  # noqa: F401
    from idealaari.challenges.models import Challenge, ChallengePhase
    from idealaari.comments import owners
    from idealaari.dbtypes import utcnow
    from idealaari.ideas.models import TargetGroup
    from idealaari.organisations.models import OrganisationKind

    targets.register(
        targets.TargetType(
            targets.TargetKind.CHALLENGE,
            model=Challenge,
            title=lambda challenge: challenge.title,
            link=lambda challenge: (
                "challenges.detail",
                {"challenge_id": challenge.id, "slug": challenge.slug},
            ),
            can_view=permissions.can_view_challenge,
            followable=True,
        )
    )
    owners.register(
        owners.OwnerType(
            targets.TargetKind.CHALLENGE,
            segment="challenges",
            model=Challenge,
            refusal=permissions.question_refusal,
            author_badge=answers.problem_owner_badge,
            # Questions during submission; managers still answer until the challenge closes.
            is_open=lambda challenge: (
                challenge.phase_at(utcnow())
                not in (ChallengePhase.PROPOSED, ChallengePhase.UPCOMING, ChallengePhase.CLOSED)
            ),
        )
    )
    challenge_notifications.register_kinds()
    challenge_search.register()
    app.register_blueprint(bp)
    app.jinja_env.globals["challenge_phase"] = lambda challenge: challenge.phase_at(utcnow())
    app.jinja_env.globals["time_until"] = time_until
    app.jinja_env.globals["is_juror"] = permissions.is_juror
    app.jinja_env.globals["can_see_jury_work"] = permissions.can_see_jury_work
    app.jinja_env.globals["idea_challenge_entries"] = lambda idea: queries.entries_of_idea(
        idea, utcnow()
    )
    app.jinja_env.globals["idea_award_badges"] = lambda idea: queries.awards_for_ideas(
        [idea.id]
    ).get(idea.id, [])
    app.jinja_env.globals["target_group_labels"] = lambda values: [
        TargetGroup(v).label for v in values or () if v in TargetGroup._value2member_map_
    ]
    app.jinja_env.globals["organisation_kind_labels"] = lambda values: [
        OrganisationKind(v).label for v in values or () if v in OrganisationKind._value2member_map_
    ]


def time_until(when, now):
    """Whole days and hours from `now` until `when` (never negative), for "5 days left"."""
    from types import SimpleNamespace

    seconds = max(0, int((when - now).total_seconds()))
    return SimpleNamespace(days=seconds // 86400, hours=max(1, seconds // 3600))
