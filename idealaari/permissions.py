"""Every permission rule of Idealaari, written once; services, views and templates use these.

The convention: `can_<act>(user, thing) -> bool` answers yes or no. Where the member should be
told why not, `<act>_refusal(user, thing) -> str | None` gives the reason in their language
(None when they may), and `can_<act>` is `<act>_refusal(...) is None`. The reasons live here,
next to their rules, so the service that refuses and the page that explains say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, false, or_

from idealaari.accounts.models import Role

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.challenges.models import Challenge, Entry
    from idealaari.comments.models import Comment
    from idealaari.ideas.models import Idea
    from idealaari.lineage.models import Adoption, OfficialResponse
    from idealaari.partners.models import PartnerOffer
    from idealaari.polls.models import Poll
    from idealaari.showcase.models import Showcase


def _member(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def verification_refusal(user: User | None) -> str | None:
    """Members who have not confirmed their e-mail address look around but do not take part."""
    if _member(user) and getattr(user, "email_verified_at", True) is None:
        return _("Confirm your e-mail address first: we sent you a link.")
    return None


def is_moderator(user: User | None) -> bool:
    """Moderators and admins curate content and manage themes."""
    return _member(user) and user.role in (Role.MODERATOR, Role.ADMIN)


def is_admin(user: User | None) -> bool:
    return _member(user) and user.role == Role.ADMIN


def can_manage_themes(user: User | None) -> bool:
    return is_moderator(user)


def can_manage_users(user: User | None) -> bool:
    return is_admin(user)


def create_idea_refusal(user: User | None) -> str | None:
    if not _member(user):
        return _("Log in to post an idea.")
    return verification_refusal(user)


def can_create_idea(user: User | None) -> bool:
    return create_idea_refusal(user) is None


def can_edit_idea(user: User | None, idea: Idea) -> bool:
    """The author, the owning organisation's area contacts, and co-editors edit an idea."""
    if not _member(user):
        return False
    if idea.author_id is not None and idea.author_id == user.id:
        return True
    if user.role == Role.AREA_CONTACT and user.organisation_id == idea.organisation_id:
        return True
    return any(editor.id == user.id for editor in idea.co_editors)


def can_manage_co_editors(user: User | None, idea: Idea) -> bool:
    """The author adds co-editors; so do the organisation's area contacts once the author left."""
    if not _member(user):
        return False
    if idea.author_id is not None:
        return idea.author_id == user.id
    return user.role == Role.AREA_CONTACT and user.organisation_id == idea.organisation_id


def owner_change_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot move the idea to another organisation: its author and the owning
    organisation's area contacts decide that; co-editors edit the idea but not its owner."""
    if _member(user):
        if idea.author_id is not None and idea.author_id == user.id:
            return None
        if user.role == Role.AREA_CONTACT and user.organisation_id == idea.organisation_id:
            return None
    return _(
        "Only the author and the area contacts of %(org)s can change the owning organisation.",
        org=idea.organisation.name,
    )


def can_change_idea_owner(user: User | None, idea: Idea) -> bool:
    return owner_change_refusal(user, idea) is None


def can_view_idea(user: User | None, idea: Idea) -> bool:
    """Published and archived ideas are public; drafts to editors; hidden also to moderators."""
    from idealaari.ideas.models import IdeaStatus

    if idea.status in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED, IdeaStatus.MERGED):
        return True
    if idea.status == IdeaStatus.HIDDEN and is_moderator(user):
        return True
    return can_edit_idea(user, idea)


def idea_edit_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot edit the idea's content now: editors edit drafts and published
    ideas; archived, hidden and merged ones are kept as they are."""
    from idealaari.ideas.models import IdeaStatus

    if not can_edit_idea(user, idea):
        return _("You cannot edit this idea.")
    if idea.status not in (IdeaStatus.DRAFT, IdeaStatus.PUBLISHED):
        return _("Only drafts and published ideas can be edited.")
    return None


def can_edit_idea_now(user: User | None, idea: Idea) -> bool:
    return idea_edit_refusal(user, idea) is None


def can_archive_idea(user: User | None, idea: Idea) -> bool:
    from idealaari.ideas.models import IdeaStatus

    return idea.status == IdeaStatus.PUBLISHED and (can_edit_idea(user, idea) or is_moderator(user))


def can_restore_idea(user: User | None, idea: Idea) -> bool:
    """Editors and moderators bring an archived idea back to the published lists."""
    from idealaari.ideas.models import IdeaStatus

    return idea.status == IdeaStatus.ARCHIVED and (can_edit_idea(user, idea) or is_moderator(user))


def idea_editors_clause(idea: Idea) -> ColumnElement[bool]:
    """SQL form of can_edit_idea over users: who edits this idea (for notifying its editors)."""
    from idealaari.accounts.models import User
    from idealaari.ideas.models import idea_co_editors

    return or_(
        User.id == idea.author_id,
        and_(User.role == Role.AREA_CONTACT, User.organisation_id == idea.organisation_id),
        User.id.in_(
            idea_co_editors.select()
            .with_only_columns(idea_co_editors.c.user_id)
            .where(idea_co_editors.c.idea_id == idea.id)
        ),
    )


@dataclass(frozen=True)
class EditorScope:
    """Which ideas can_edit_idea lets a member edit, as data for queries that filter by it."""

    user_id: int  # as author or co-editor
    area_organisation_id: int | None  # every idea of this organisation (area contacts)
    area_organisation_code: str | None


def editor_scope(user: User | None) -> EditorScope | None:
    if not _member(user):
        return None
    if user.role == Role.AREA_CONTACT:
        return EditorScope(user.id, user.organisation_id, user.organisation.code)
    return EditorScope(user.id, None, None)


def editable_ideas_clause(user: User | None) -> ColumnElement[bool]:
    """SQL form of can_edit_idea, for listing a member's own drafts."""
    from idealaari.ideas.models import Idea, idea_co_editors

    scope = editor_scope(user)
    if scope is None:
        return false()
    clauses = [
        Idea.author_id == scope.user_id,
        Idea.id.in_(
            idea_co_editors.select()
            .with_only_columns(idea_co_editors.c.idea_id)
            .where(idea_co_editors.c.user_id == scope.user_id)
        ),
    ]
    if scope.area_organisation_id is not None:
        clauses.append(Idea.organisation_id == scope.area_organisation_id)
    return or_(*clauses)


# --- Engagement: comments, votes, partner offers, follows, polls ---------------------------

COMMENT_EDIT_WINDOW = timedelta(minutes=15)


def comment_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot comment on the idea: members comment on published ideas."""
    from idealaari.ideas.models import IdeaStatus

    if idea.status == IdeaStatus.PUBLISHED and _member(user):
        if idea.comments_locked and not is_moderator(user):
            return _("The moderators have closed the comments on this idea.")
        return verification_refusal(user)
    if not _member(user):
        return _("Log in to comment.")
    if idea.status == IdeaStatus.ARCHIVED:
        return _("This idea is archived, so it no longer takes comments.")
    if idea.status == IdeaStatus.DRAFT:
        return _("Comments open when the idea is published.")
    return _("This idea does not take comments.")


def can_comment(user: User | None, idea: Idea) -> bool:
    return comment_refusal(user, idea) is None


def can_edit_comment(user: User | None, comment: Comment, now: datetime) -> bool:
    """The author edits their comment for 15 minutes after posting it."""
    return (
        _member(user)
        and comment.author_id == user.id
        and comment.is_visible
        and now - comment.created_at <= COMMENT_EDIT_WINDOW
    )


def can_delete_comment(user: User | None, comment: Comment) -> bool:
    """The author can always remove their comment (it leaves "comment removed")."""
    return _member(user) and comment.author_id == user.id and comment.deleted_at is None


def can_hide_comment(user: User | None) -> bool:
    return is_moderator(user)


def vote_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot vote for this idea, or None when they can."""
    from idealaari.ideas.models import IdeaStatus

    if not _member(user):
        return _("Log in to vote.")
    if verification_refusal(user):
        return verification_refusal(user)
    if idea.status != IdeaStatus.PUBLISHED:
        return _("Only published ideas can be voted for.")
    if can_edit_idea(user, idea):  # its author, co-editors and the owner's area contacts
        return _("You cannot vote for an idea you are developing yourself.")
    return None


def can_vote(user: User | None, idea: Idea) -> bool:
    return vote_refusal(user, idea) is None


def offer_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot offer to partner on the idea: members offer on published ideas
    that seek partners, but not on ideas they edit themselves."""
    from idealaari.ideas.models import IdeaStatus

    if not _member(user):
        return _("Log in to offer partnership.")
    if verification_refusal(user):
        return verification_refusal(user)
    if can_edit_idea(user, idea):
        return _("You cannot offer to partner on an idea you edit yourself.")
    if idea.status != IdeaStatus.PUBLISHED:
        return _("Only published ideas take partner offers.")
    if not idea.seeks_partners:
        return _("This idea is not seeking partners.")
    return None


def can_offer_partnership(user: User | None, idea: Idea) -> bool:
    return offer_refusal(user, idea) is None


def can_decide_offer(user: User | None, offer: PartnerOffer) -> bool:
    """The idea's editors accept or decline offers."""
    return can_edit_idea(user, offer.idea)


def is_offer_maker(user: User | None, offer: PartnerOffer) -> bool:
    """The member who made the offer (only they may withdraw it)."""
    return _member(user) and offer.user_id is not None and offer.user_id == user.id


def withdraw_refusal(user: User | None, offer: PartnerOffer) -> str | None:
    """Why this member cannot withdraw the offer: its maker withdraws it while it is open or
    accepted."""
    from idealaari.partners.models import OfferStatus

    if not is_offer_maker(user, offer):
        return _("Only the member who made the offer can withdraw it.")
    if offer.status not in (OfferStatus.OFFERED, OfferStatus.ACCEPTED):
        return _(
            "This offer can no longer be withdrawn; it is “%(status)s”.", status=offer.status.label
        )
    return None


def can_withdraw_offer(user: User | None, offer: PartnerOffer) -> bool:
    return withdraw_refusal(user, offer) is None


def can_follow(user: User | None) -> bool:
    return _member(user)


def can_manage_polls(user: User | None) -> bool:
    return is_moderator(user)


def can_vote_in_poll(user: User | None, poll: Poll, now: datetime) -> bool:
    from idealaari.polls.models import PollPhase

    return _member(user) and not verification_refusal(user) and poll.phase(now) == PollPhase.OPEN


def can_propose_poll_option(user: User | None, poll: Poll, now: datetime) -> bool:
    from idealaari.polls.models import PollPhase

    return (
        _member(user) and not verification_refusal(user) and poll.phase(now) == PollPhase.PROPOSALS
    )


# Challenges (haastekisat)


def challenge_proposal_refusal(user: User | None) -> str | None:
    """Area contacts propose challenges on behalf of their organisation; moderators create
    them directly."""
    if not _member(user):
        return _("Log in to propose a challenge.")
    if user.role not in (Role.AREA_CONTACT, Role.MODERATOR, Role.ADMIN):
        return _(
            "Challenges are proposed by the area contacts of an organisation and by moderators."
        )
    return verification_refusal(user)


def can_propose_challenge(user: User | None) -> bool:
    return challenge_proposal_refusal(user) is None


def can_decide_challenge(user: User | None) -> bool:
    """Moderators approve or reject proposed challenges."""
    return is_moderator(user)


def can_manage_challenge(user: User | None, challenge: Challenge) -> bool:
    """A challenge's managers: the area contact who proposed it, anyone named, and moderators."""
    if not _member(user):
        return False
    return is_moderator(user) or any(m.id == user.id for m in challenge.managers)


def can_view_challenge(user: User | None, challenge: Challenge) -> bool:
    """Approved challenges are public; a proposal is seen by its managers and moderators."""
    from idealaari.challenges.models import ChallengeStatus

    return challenge.status == ChallengeStatus.APPROVED or can_manage_challenge(user, challenge)


def entry_refusal(user: User | None, challenge: Challenge, now: datetime) -> str | None:
    """Why this member cannot enter an idea in the challenge now (None: they may)."""
    from idealaari.challenges.models import ChallengePhase

    if not _member(user):
        return _("Log in to enter an idea.")
    unverified = verification_refusal(user)
    if unverified:
        return unverified
    phase = challenge.phase_at(now)
    if phase in (ChallengePhase.PROPOSED, ChallengePhase.UPCOMING):
        return _("Submission has not opened yet.")
    if phase != ChallengePhase.SUBMISSION:
        return _("Submission has closed; entries can no longer be added or withdrawn.")
    kinds = challenge.eligible_kinds or []
    if kinds and (user.organisation is None or user.organisation.kind.value not in kinds):
        return _("This challenge takes entries only from some kinds of organisation.")
    return None


def entry_idea_refusal(user: User | None, challenge: Challenge, idea: Idea, now) -> str | None:
    """Why this member cannot enter this idea: the challenge's rules, then the idea's."""
    from idealaari.ideas.models import IdeaStatus

    refusal = entry_refusal(user, challenge, now)
    if refusal:
        return refusal
    if not can_edit_idea(user, idea):
        return _("You can enter only ideas you can edit.")
    if idea.status != IdeaStatus.PUBLISHED:
        return _("Only published ideas can be entered.")
    return None


def withdraw_entry_refusal(user: User | None, challenge: Challenge, idea: Idea, now) -> str | None:
    """Those who can edit the idea, and the challenge's managers, withdraw an entry until
    submission closes."""
    from idealaari.challenges.models import ChallengePhase

    if not _member(user):
        return _("Log in to withdraw an entry.")
    if not (can_edit_idea(user, idea) or can_manage_challenge(user, challenge)):
        return _("Only the idea's editors and the challenge's managers can withdraw the entry.")
    if challenge.phase_at(now) != ChallengePhase.SUBMISSION:
        return _("Submission has closed; entries can no longer be added or withdrawn.")
    return None


def challenge_vote_refusal(
    user: User | None, challenge: Challenge, entry: Entry | None, now: datetime
) -> str | None:
    """Why this member cannot vote (or take a vote back) in the challenge now; with an entry,
    also why not for that entry. Entrants never vote for their own entries."""
    from idealaari.challenges.models import ChallengePhase

    if not challenge.has_voting:
        return _("This challenge has no public vote.")
    if not _member(user):
        return _("Log in to vote.")
    unverified = verification_refusal(user)
    if unverified:
        return unverified
    phase = challenge.phase_at(now)
    if phase in (ChallengePhase.PROPOSED, ChallengePhase.UPCOMING, ChallengePhase.SUBMISSION):
        return _("Voting opens when submission closes.")
    if phase != ChallengePhase.VOTING:
        return _("Voting has closed.")
    if entry is not None and (entry.entered_by_id == user.id or can_edit_idea(user, entry.idea)):
        return _("You cannot vote for your own entry.")
    return None


def question_refusal(user: User | None, challenge: Challenge) -> str | None:
    """Members ask questions during submission; managers answer until the challenge closes."""
    from idealaari.challenges.models import ChallengePhase
    from idealaari.dbtypes import utcnow

    if not _member(user):
        return _("Log in to ask a question.")
    unverified = verification_refusal(user)
    if unverified:
        return unverified
    phase = challenge.phase_at(utcnow())
    if phase == ChallengePhase.SUBMISSION:
        return None
    if can_manage_challenge(user, challenge) and phase not in (
        ChallengePhase.PROPOSED,
        ChallengePhase.CLOSED,
    ):
        return None
    if phase in (ChallengePhase.PROPOSED, ChallengePhase.UPCOMING):
        return _("Questions can be asked once submission opens.")
    return _("Questions could be asked during submission, which has closed.")


# --- Challenge jury: jurors, conflicts of interest, scorecards -----------------------------


@dataclass(frozen=True)
class EntryTies:
    """Who stands behind an entry, for the conflict-of-interest rule: the organisations (the
    idea's owner, its co-editors' and its accepted partners'), the people (author and
    co-editors), and the jurors who declared a conflict on it."""

    organisation_ids: frozenset[int]
    people_ids: frozenset[int]
    recused_ids: frozenset[int] = frozenset()


def entry_ties(entry: Entry) -> EntryTies:
    """The ties of one entry, read from the database (the jury pages read many at once)."""
    from sqlalchemy import select

    from idealaari.challenges.models import Recusal
    from idealaari.extensions import db
    from idealaari.partners.models import OfferStatus, PartnerOffer

    idea = entry.idea
    partners = db.session.scalars(
        select(PartnerOffer.organisation_id).where(
            PartnerOffer.idea_id == idea.id, PartnerOffer.status == OfferStatus.ACCEPTED
        )
    )
    recused = db.session.scalars(select(Recusal.user_id).where(Recusal.entry_id == entry.id))
    return EntryTies(
        organisation_ids=frozenset(
            {idea.organisation_id, *(u.organisation_id for u in idea.co_editors), *partners}
            - {None}
        ),
        people_ids=frozenset({idea.author_id, *(u.id for u in idea.co_editors)} - {None}),
        recused_ids=frozenset(recused),
    )


def jury_conflict(user: User | None, ties: EntryTies) -> str | None:
    """Why this juror has a conflict of interest on the entry (None: they are independent)."""
    if not _member(user):
        return None
    if user.id in ties.recused_ids:
        return _("You declared a conflict of interest on this entry.")
    if user.id in ties.people_ids:
        return _("You are an author or a co-editor of this idea.")
    if user.organisation_id in ties.organisation_ids:
        return _("This entry comes from your own organisation or one of its partners.")
    return None


def is_juror(user: User | None, challenge: Challenge) -> bool:
    return _member(user) and any(j.id == user.id for j in challenge.jurors)


def jurors_refusal(user: User | None, challenge: Challenge, now: datetime) -> str | None:
    """Managers name and remove jurors until evaluation ends."""
    from idealaari.challenges.models import ChallengePhase

    if not can_manage_challenge(user, challenge):
        return _("Only the challenge's managers name the jury.")
    if not challenge.has_evaluation:
        return _("This challenge has no jury: its timeline has no evaluation phase.")
    if challenge.phase_at(now) in (ChallengePhase.RESULTS, ChallengePhase.CLOSED):
        return _("Evaluation has ended, so the jury can no longer be changed.")
    return None


def can_name_jurors(user: User | None, challenge: Challenge, now: datetime) -> bool:
    return jurors_refusal(user, challenge, now) is None


def can_see_jury_work(user: User | None, challenge: Challenge) -> bool:
    """Scores and the jurors' notes are seen by the jury and the managers only."""
    return is_juror(user, challenge) or can_manage_challenge(user, challenge)


def jury_refusal(user: User | None, challenge: Challenge) -> str | None:
    """Why this member has no jury page in the challenge."""
    if not _member(user):
        return _("Log in to score entries.")
    if not is_juror(user, challenge):
        return _("Only the challenge's jury scores its entries.")
    return None


def scorecard_refusal(
    user: User | None, challenge: Challenge, entry: Entry, ties: EntryTies | None = None
) -> str | None:
    """Why this member cannot open the entry's scorecard: jurors open those of entries they
    have no conflict with; managers who are not jurors read them."""
    if not is_juror(user, challenge):
        if can_manage_challenge(user, challenge):
            return None
        return jury_refusal(user, challenge)
    conflict = jury_conflict(user, ties if ties is not None else entry_ties(entry))
    if conflict:
        return _("You cannot score this entry. %(reason)s", reason=conflict)
    return None


def scoring_refusal(
    user: User | None,
    challenge: Challenge,
    entry: Entry,
    now: datetime,
    ties: EntryTies | None = None,
) -> str | None:
    """Why this member cannot score the entry now: independent jurors score during the
    evaluation phase."""
    from idealaari.challenges.models import ChallengePhase

    refusal = jury_refusal(user, challenge) or scorecard_refusal(user, challenge, entry, ties)
    if refusal:
        return refusal
    unverified = verification_refusal(user)
    if unverified:
        return unverified
    phase = challenge.phase_at(now)
    if phase in (ChallengePhase.RESULTS, ChallengePhase.CLOSED):
        return _("Evaluation has ended; the scorecards can no longer be changed.")
    if phase != ChallengePhase.EVALUATION:
        return _("Scoring opens when the evaluation phase starts.")
    return None


def can_score(user: User | None, challenge: Challenge, entry: Entry, now: datetime) -> bool:
    return scoring_refusal(user, challenge, entry, now) is None


def recusal_refusal(user: User | None, challenge: Challenge, now: datetime) -> str | None:
    """Jurors declare (or withdraw) a conflict of interest on any entry until evaluation ends."""
    from idealaari.challenges.models import ChallengePhase

    refusal = jury_refusal(user, challenge)
    if refusal:
        return refusal
    if challenge.phase_at(now) in (ChallengePhase.RESULTS, ChallengePhase.CLOSED):
        return _("Evaluation has ended, so conflicts can no longer be declared or withdrawn.")
    return None


def can_declare_recusal(user: User | None, challenge: Challenge, now: datetime) -> bool:
    return recusal_refusal(user, challenge, now) is None


# --- Lineage: derived from, adopted by, official responses ---------------------------------


def derivation_refusal(user: User | None, idea: Idea | None) -> str | None:
    """Why this member cannot say which earlier idea this one continues (idea None: a new
    idea): whoever writes or edits the idea says so."""
    if idea is None:
        return create_idea_refusal(user)
    if not _member(user):
        return _("Log in to edit the idea.")
    return verification_refusal(user) or idea_edit_refusal(user, idea)


def can_record_derivation(user: User | None, idea: Idea | None) -> bool:
    return derivation_refusal(user, idea) is None


def derivation_source_refusal(user: User | None, idea: Idea | None, source: Idea) -> str | None:
    """Why `source` cannot be named as the idea this one continues: only a published or
    archived idea other than the idea itself."""
    from idealaari.ideas.models import IdeaStatus

    if source.status not in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED):
        return _("An idea can continue only a published or archived idea.")
    if idea is not None and source.id == idea.id:
        return _("An idea cannot continue itself.")
    return None


def can_derive_from(user: User | None, idea: Idea | None, source: Idea) -> bool:
    return derivation_source_refusal(user, idea, source) is None


def _area_contact_refusal(user: User | None, login_message: str) -> str | None:
    if not _member(user):
        return login_message
    if verification_refusal(user):
        return verification_refusal(user)
    if user.role != Role.AREA_CONTACT:
        return _("Only area contacts speak for their organisation here.")
    return None


def adoption_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot record that their organisation adopted the idea: an area contact
    records it for their own organisation, on a published or archived idea of another one."""
    from idealaari.ideas.models import IdeaStatus

    refusal = _area_contact_refusal(user, _("Log in to record an adoption."))
    if refusal:
        return refusal
    if idea.status not in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED):
        return _("Only published and archived ideas can be adopted.")
    if idea.organisation_id == user.organisation_id:
        return _(
            "This is your organisation's own idea; show its progress with the development phase."
        )
    return None


def can_record_adoption(user: User | None, idea: Idea) -> bool:
    return adoption_refusal(user, idea) is None


def adoption_removal_refusal(user: User | None, adoption: Adoption) -> str | None:
    """The adopting organisation's area contacts and the moderators remove an adoption."""
    if _member(user) and not verification_refusal(user):
        if is_moderator(user):
            return None
        if user.role == Role.AREA_CONTACT and user.organisation_id == adoption.organisation_id:
            return None
    return _(
        "Only the area contacts of %(org)s and the moderators can remove this adoption.",
        org=adoption.organisation.name,
    )


def can_remove_adoption(user: User | None, adoption: Adoption) -> bool:
    return adoption_removal_refusal(user, adoption) is None


def official_response_refusal(user: User | None, idea: Idea) -> str | None:
    """Why this member cannot answer the idea on behalf of their organisation: an area contact
    answers any published or archived idea, once per organisation (a new answer replaces it)."""
    from idealaari.ideas.models import IdeaStatus

    refusal = _area_contact_refusal(user, _("Log in to give an official response."))
    if refusal:
        return refusal
    if idea.status not in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED):
        return _("Only published and archived ideas get official responses.")
    return None


def can_respond_officially(user: User | None, idea: Idea) -> bool:
    return official_response_refusal(user, idea) is None


def response_removal_refusal(user: User | None, response: OfficialResponse) -> str | None:
    """The responding organisation's area contacts and the moderators remove a response."""
    if _member(user) and not verification_refusal(user):
        if is_moderator(user):
            return None
        if user.role == Role.AREA_CONTACT and user.organisation_id == response.organisation_id:
            return None
    return _(
        "Only the area contacts of %(org)s and the moderators can remove this response.",
        org=response.organisation.name,
    )


def can_remove_response(user: User | None, response: OfficialResponse) -> bool:
    return response_removal_refusal(user, response) is None


# --- Spring showcase ---------------------------------------------------------------------------


def can_view_showcase(user: User | None, showcase: Showcase) -> bool:
    """A published showcase is public; a draft is seen by moderators only."""
    return showcase.is_published or is_moderator(user)


def curation_refusal(user: User | None) -> str | None:
    """Moderators compile, curate and publish showcases."""
    if not is_moderator(user):
        return _("Only moderators compile and curate the showcase.")
    return verification_refusal(user)


def can_curate_showcase(user: User | None) -> bool:
    return curation_refusal(user) is None


# --- Moderation, administration and privacy ---------------------------------------------------


def report_refusal(user: User | None, author_id: int | None) -> str | None:
    """Why this member cannot report an item by `author_id`: members report others' posts."""
    if not _member(user):
        return _("Log in to report content.")
    if author_id is not None and author_id == user.id:
        return _("You cannot report your own post.")
    return verification_refusal(user)


def can_report(user: User | None, author_id: int | None) -> bool:
    return report_refusal(user, author_id) is None


def can_moderate(user: User | None) -> bool:
    """The queue, its decisions, locking, featuring, merging, the audit log and its metrics."""
    return is_moderator(user)


def can_export_audit_log(user: User | None) -> bool:
    return is_admin(user)


def can_export_content(user: User | None) -> bool:
    """The coordination team's CSV and Excel exports of ideas, comments, votes and entries."""
    return is_moderator(user)


def can_manage_organisations(user: User | None) -> bool:
    return is_admin(user)


def can_manage_site(user: User | None) -> bool:
    """Site settings and the editable pages (privacy notice, accessibility statement)."""
    return is_admin(user)


def user_management_refusal(actor: User | None, target: User) -> str | None:
    """Why `actor` cannot change `target`'s role or suspend them: admins manage others."""
    if not is_admin(actor):
        return _("Only admins manage users.")
    if target.id == actor.id:
        return _("You cannot change your own role or suspend yourself.")
    return None


def can_manage_user(actor: User | None, target: User) -> bool:
    return user_management_refusal(actor, target) is None


JINJA_GLOBALS = {
    "is_moderator": is_moderator,
    "is_admin": is_admin,
    "can_manage_themes": can_manage_themes,
    "can_create_idea": can_create_idea,
    "create_idea_refusal": create_idea_refusal,
    "verification_refusal": verification_refusal,
    "can_edit_idea": can_edit_idea,
    "can_manage_co_editors": can_manage_co_editors,
    "can_view_idea": can_view_idea,
    "can_archive_idea": can_archive_idea,
    "can_restore_idea": can_restore_idea,
    "can_edit_idea_now": can_edit_idea_now,
    "can_comment": can_comment,
    "comment_refusal": comment_refusal,
    "can_edit_comment": can_edit_comment,
    "can_delete_comment": can_delete_comment,
    "can_hide_comment": can_hide_comment,
    "can_vote": can_vote,
    "vote_refusal": vote_refusal,
    "can_offer_partnership": can_offer_partnership,
    "can_decide_offer": can_decide_offer,
    "can_withdraw_offer": can_withdraw_offer,
    "can_follow": can_follow,
    "can_manage_polls": can_manage_polls,
    "can_vote_in_poll": can_vote_in_poll,
    "can_propose_poll_option": can_propose_poll_option,
    "can_record_adoption": can_record_adoption,
    "adoption_refusal": adoption_refusal,
    "can_remove_adoption": can_remove_adoption,
    "can_respond_officially": can_respond_officially,
    "official_response_refusal": official_response_refusal,
    "can_remove_response": can_remove_response,
    "can_propose_challenge": can_propose_challenge,
    "can_decide_challenge": can_decide_challenge,
    "can_manage_challenge": can_manage_challenge,
    "challenge_vote_refusal": challenge_vote_refusal,
    "can_report": can_report,
    "report_refusal": report_refusal,
    "can_moderate": can_moderate,
    "can_export_audit_log": can_export_audit_log,
    "can_export_content": can_export_content,
    "can_manage_organisations": can_manage_organisations,
    "can_manage_site": can_manage_site,
    "can_manage_users": can_manage_users,
    "can_manage_user": can_manage_user,
}
