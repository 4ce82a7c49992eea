"""A double submit from several workers at once still makes only one open offer."""

import multiprocessing

from sqlalchemy import func, select

from idealaari.extensions import db
from idealaari.partners.models import PartnerOffer

WORKERS = 4


def _offer_in_worker(database_url, index_dir, idea_id, member_id, barrier, results) -> None:
    from idealaari import create_app
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea
    from idealaari.partners import services

    app = create_app(
        {
            "ENVIRON": {
                "IDEALAARI_SECRET_KEY": "test",
                "DATABASE_URL": database_url,
                "IDEALAARI_SEARCH_INDEX": index_dir,
            },
            "TESTING": True,  # as in the other tests: no mail leaves
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"timeout": 30}}
            if database_url.startswith("sqlite")
            else {},
        }
    )
    # As the offer form's post would run in a gunicorn worker.
    with app.test_request_context(f"/ideas/{idea_id}/partners", method="POST"):
        barrier.wait(timeout=60)
        try:
            services.make_offer(
                idea=db.session.get(Idea, idea_id),
                member=db.session.get(User, member_id),
                role="pilot_site",
            )
            db.session.commit()
            results.put("offered")
        except services.PartnerError:
            db.session.rollback()
            results.put("refused")


def test_simultaneous_identical_offers_make_one(app, make_user, make_idea):
    from idealaari.ideas.models import PartnerRole
    from idealaari.search import get_index

    idea = make_idea(seeks_partners=True, partner_roles=[PartnerRole.PILOT_SITE])
    member = make_user()
    idea_id, member_id = idea.id, member.id
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    db.session.close()  # hold no transaction while the workers run
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(WORKERS), ctx.Queue()
    workers = [
        ctx.Process(
            target=_offer_in_worker,
            args=(url, str(get_index().path), idea_id, member_id, barrier, results),
        )
        for _ in range(WORKERS)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0] * WORKERS
    outcomes = sorted(results.get(timeout=5) for _ in range(WORKERS))
    assert outcomes == ["offered"] + ["refused"] * (WORKERS - 1)
    assert db.session.scalar(select(func.count()).select_from(PartnerOffer)) == 1
