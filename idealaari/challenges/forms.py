"""Challenge forms: proposing and editing a challenge, entering an idea, the timeline."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, StringField, TextAreaField, ValidationError
from wtforms.validators import InputRequired, NumberRange

from idealaari.challenges import covers
from idealaari.challenges.models import ScoreMode, VotingMode
from idealaari.challenges.services import (
    BRIEF_MAX,
    MAX_BUDGET,
    MAX_CRITERIA,
    PRIZE_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
)
from idealaari.forms import (
    CheckboxListField,
    LocalDateTimeField,
    SelectField,
    length,
    optional,
    options,
    required,
)
from idealaari.http import MAX_ID


class ChallengeForm(FlaskForm):
    title = StringField(
        _l("Title"),
        validators=[required(_l("Give the challenge a title.")), length(max=TITLE_MAX)],
        description=_l(
            "The problem as a question, for example “How do we reach older people "
            "who do not use digital services?”"
        ),
    )
    summary = TextAreaField(
        _l("Summary"),
        validators=[
            required(_l("Summarise the challenge in a few sentences.")),
            length(max=SUMMARY_MAX),
        ],
        description=_l("A few sentences shown in the challenge list."),
    )
    brief = TextAreaField(
        _l("Brief"),
        validators=[optional(), length(max=BRIEF_MAX)],
        description=_l(
            "The problem, whom it concerns, what has been tried, and what a good entry looks "
            "like. You can use Markdown."
        ),
    )
    problem_owner = SelectField(_l("Problem owner"), coerce=int, validators=[InputRequired()])
    themes = CheckboxListField(_l("Themes"), coerce=int)
    target_groups = CheckboxListField(_l("Target groups"))
    prize = StringField(
        _l("Prize or follow-up promise"),
        validators=[optional(), length(max=PRIZE_MAX)],
        description=_l("Optional. For example “the winner gets a pilot site in Pirkanmaa”."),
    )
    cover = FileField(_l("Cover image"), description=covers.HELP)
    cover_alt = StringField(
        _l("Describe the cover image"),
        validators=[optional(), length(max=covers.ALT_MAX)],
        description=_l("Required with an image: what it shows, for those who cannot see it."),
    )
    remove_cover = BooleanField(_l("Remove the cover image"))
    eligible_kinds = CheckboxListField(
        _l("Who may enter"),
        description=_l("Leave all unchecked to take entries from any member."),
    )
    submission_opens_at = LocalDateTimeField(
        _l("Submission opens"),
        validators=[InputRequired(_l("Give the time submission opens."))],
        description=_l("Finnish time."),
    )
    submission_closes_at = LocalDateTimeField(
        _l("Submission closes"),
        validators=[InputRequired(_l("Give the time submission closes."))],
        description=_l("Finnish time."),
    )
    voting_closes_at = LocalDateTimeField(
        _l("Voting closes"),
        validators=[optional()],
        description=_l(
            "Optional: leave empty for no public vote. Voting opens when submission closes."
        ),
    )
    evaluation_closes_at = LocalDateTimeField(
        _l("Evaluation closes"),
        validators=[optional()],
        description=_l(
            "Optional: leave empty for no jury. The jury scores entries after "
            "voting (or submission) closes."
        ),
    )
    closes_at = LocalDateTimeField(
        _l("The challenge closes"),
        validators=[InputRequired(_l("Give the time the challenge closes."))],
        description=_l(
            "Results are published before this; afterwards the challenge is "
            "in the archive of past challenges."
        ),
    )
    voting_mode = SelectField(
        _l("Public vote"),
        choices=options([(m.value, m.label) for m in VotingMode]),
        default=VotingMode.SINGLE.value,
    )
    vote_budget = IntegerField(
        _l("Votes per member"),
        default=3,
        validators=[
            optional(),
            NumberRange(min=1, max=MAX_BUDGET, message=_l("Give a number from 1 to %(max)s.")),
        ],
        description=_l("With a budget: how many entries each member may vote for."),
    )
    hide_votes_until_closed = BooleanField(_l("Keep vote counts hidden until voting closes"))
    score_mode = SelectField(
        _l("Jury score that counts"),
        choices=options(
            [
                (ScoreMode.RAW.value, _l("Weighted mean of the scorecards")),
                (ScoreMode.NORMALISED.value, _l("Juror-normalised score")),
            ]
        ),
        default=ScoreMode.NORMALISED.value,
        description=_l(
            "The normalised score standardises each juror's scores first, so one lenient "
            "juror does not decide the result."
        ),
    )
    jury_quorum = IntegerField(
        _l("Independent scorecards per entry"),
        default=2,
        validators=[
            optional(),
            NumberRange(min=1, max=10, message=_l("Give a number from 1 to 10.")),
        ],
    )
    jury_weight = IntegerField(
        _l("Jury's share of the ranking (%)"),
        default=70,
        validators=[
            optional(),
            NumberRange(min=0, max=100, message=_l("Give a share from 0 to 100.")),
        ],
        description=_l("The rest comes from the public vote."),
    )
    criteria = TextAreaField(
        _l("Criteria"),
        validators=[optional(), length(max=4000)],
        description=_l(
            "One per line: the criterion, then its weight after a | sign, for example "
            "“Spreadability | 2”. At most %(n)d criteria. The jury scores each on 1–5.",
            n=MAX_CRITERIA,
        ),
    )

    # The checked, re-encoded upload (covers.prepare); None when no image was sent.
    prepared_cover: covers.PreparedCover | None = None

    def validate_cover(self, field):
        upload = field.data
        if upload is None or not getattr(upload, "filename", None):
            return
        try:
            self.prepared_cover = covers.prepare(upload)
        except covers.CoverError as e:
            raise ValidationError(str(e)) from None

    def validate_cover_alt(self, field):
        upload = self.cover.data
        if (
            upload is not None
            and getattr(upload, "filename", None)
            and not (field.data or "").strip()
        ):
            raise ValidationError(_l("Describe the image for those who cannot see it."))


def parse_criteria(text: str | None) -> list[tuple[str, str]]:
    """Lines of "name | weight" as (name, weight text) pairs; empty lines skipped."""
    pairs = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        name, _sep, weight = line.partition("|")
        pairs.append((name.strip(), weight.strip() or "1"))
    return pairs


class EnterForm(FlaskForm):
    idea = SelectField(_l("Idea to enter"), coerce=int, validators=[InputRequired()])

    def validate_idea(self, field):
        if field.data is not None and not 0 < field.data <= MAX_ID:
            field.data = None


class DecideForm(FlaskForm):
    note = TextAreaField(
        _l("Note to the proposer"),
        validators=[optional(), length(max=500)],
        description=_l("Required when the challenge is not approved."),
    )


class TimelineForm(FlaskForm):
    new_end = LocalDateTimeField(
        _l("New end"),
        validators=[optional()],
        description=_l("Finnish time. Later phases move by as much, if they would overlap."),
    )
    reason = StringField(_l("Reason"), validators=[optional(), length(max=300)])
