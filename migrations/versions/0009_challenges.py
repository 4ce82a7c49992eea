"""challenges (haastekisat) and their entries, votes, jury and awards

Timeline, managers, criteria, entries, votes and vote budgets, jurors, scorecards, recusals and
awards. The phase of a challenge is computed from its dates, so no column holds it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 08:23:04.037515

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('challenges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.String(length=600), nullable=False),
    sa.Column('brief', sa.Text(), nullable=False),
    sa.Column('problem_owner_id', sa.Integer(), nullable=False),
    sa.Column('target_groups', sa.JSON(), nullable=False),
    sa.Column('eligible_kinds', sa.JSON(), nullable=False),
    sa.Column('prize', sa.String(length=500), nullable=False),
    sa.Column('cover_image', sa.String(length=80), nullable=True),
    sa.Column('cover_alt', sa.String(length=300), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'approved', 'rejected', name='challengestatus', native_enum=False, length=20), nullable=False),
    sa.Column('submission_opens_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submission_closes_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('voting_closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('evaluation_closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('voting_mode', sa.Enum('none', 'single', 'budget', name='votingmode', native_enum=False, length=20), nullable=False),
    sa.Column('vote_budget', sa.Integer(), nullable=False),
    sa.Column('hide_votes_until_closed', sa.Boolean(), nullable=False),
    sa.Column('score_mode', sa.Enum('raw', 'normalised', name='scoremode', native_enum=False, length=20), nullable=False),
    sa.Column('jury_quorum', sa.Integer(), nullable=False),
    sa.Column('jury_weight', sa.Integer(), nullable=False),
    sa.Column('discussion_id', sa.Integer(), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.Column('results_published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_challenges_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['discussion_id'], ['discussions.id'], name=op.f('fk_challenges_discussion_id_discussions')),
    sa.ForeignKeyConstraint(['problem_owner_id'], ['organisations.id'], name=op.f('fk_challenges_problem_owner_id_organisations')),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], name=op.f('fk_challenges_proposed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenges')),
    sa.UniqueConstraint('discussion_id', name=op.f('uq_challenges_discussion_id'))
    )
    with op.batch_alter_table('challenges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenges_problem_owner_id'), ['problem_owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenges_status'), ['status'], unique=False)

    op.create_table('challenge_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('scale', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_criteria_challenge_id_challenges'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_criteria'))
    )
    with op.batch_alter_table('challenge_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_criteria_challenge_id'), ['challenge_id'], unique=False)

    op.create_table('challenge_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('vote_count', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_entries_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_challenge_entries_entered_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_challenge_entries_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_entries')),
    sa.UniqueConstraint('challenge_id', 'idea_id', name=op.f('uq_challenge_entries_challenge_id'))
    )
    with op.batch_alter_table('challenge_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_entries_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_entries_idea_id'), ['idea_id'], unique=False)

    op.create_table('challenge_jurors',
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_jurors_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_challenge_jurors_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('challenge_id', 'user_id', name=op.f('pk_challenge_jurors'))
    )
    with op.batch_alter_table('challenge_jurors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_jurors_user_id'), ['user_id'], unique=False)

    op.create_table('challenge_managers',
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_managers_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_challenge_managers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('challenge_id', 'user_id', name=op.f('pk_challenge_managers'))
    )
    with op.batch_alter_table('challenge_managers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_managers_user_id'), ['user_id'], unique=False)

    op.create_table('challenge_phase_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.DateTime(timezone=True), nullable=True),
    sa.Column('new_value', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_phase_changes_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_challenge_phase_changes_changed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_phase_changes'))
    )
    with op.batch_alter_table('challenge_phase_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_phase_changes_challenge_id'), ['challenge_id'], unique=False)

    op.create_table('challenge_themes',
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_themes_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['themes.id'], name=op.f('fk_challenge_themes_theme_id_themes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('challenge_id', 'theme_id', name=op.f('pk_challenge_themes'))
    )
    with op.batch_alter_table('challenge_themes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_themes_theme_id'), ['theme_id'], unique=False)

    op.create_table('challenge_vote_budgets',
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('used', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_vote_budgets_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_challenge_vote_budgets_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('challenge_id', 'user_id', name=op.f('pk_challenge_vote_budgets'))
    )
    op.create_table('challenge_awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('winner', 'mention', name='awardkind', native_enum=False, length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('statement', sa.String(length=1000), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_awards_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entry_id'], ['challenge_entries.id'], name=op.f('fk_challenge_awards_entry_id_challenge_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_awards')),
    sa.UniqueConstraint('challenge_id', 'entry_id', name=op.f('uq_challenge_awards_challenge_id'))
    )
    with op.batch_alter_table('challenge_awards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_awards_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_awards_entry_id'), ['entry_id'], unique=False)

    op.create_table('challenge_recusals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['challenge_entries.id'], name=op.f('fk_challenge_recusals_entry_id_challenge_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_challenge_recusals_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_recusals')),
    sa.UniqueConstraint('entry_id', 'user_id', name=op.f('uq_challenge_recusals_entry_id'))
    )
    with op.batch_alter_table('challenge_recusals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_recusals_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_recusals_user_id'), ['user_id'], unique=False)

    op.create_table('challenge_scorecards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('juror_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['challenge_entries.id'], name=op.f('fk_challenge_scorecards_entry_id_challenge_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['juror_id'], ['users.id'], name=op.f('fk_challenge_scorecards_juror_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_scorecards')),
    sa.UniqueConstraint('entry_id', 'juror_id', name=op.f('uq_challenge_scorecards_entry_id'))
    )
    with op.batch_alter_table('challenge_scorecards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_scorecards_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_scorecards_juror_id'), ['juror_id'], unique=False)

    op.create_table('challenge_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_votes_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entry_id'], ['challenge_entries.id'], name=op.f('fk_challenge_votes_entry_id_challenge_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_challenge_votes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_votes')),
    sa.UniqueConstraint('entry_id', 'user_id', name=op.f('uq_challenge_votes_entry_id'))
    )
    with op.batch_alter_table('challenge_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_votes_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_votes_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_votes_user_id'), ['user_id'], unique=False)

    op.create_table('challenge_scores',
    sa.Column('scorecard_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['challenge_criteria.id'], name=op.f('fk_challenge_scores_criterion_id_challenge_criteria'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scorecard_id'], ['challenge_scorecards.id'], name=op.f('fk_challenge_scores_scorecard_id_challenge_scorecards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('scorecard_id', 'criterion_id', name=op.f('pk_challenge_scores'))
    )


def downgrade():
    op.drop_table('challenge_scores')
    with op.batch_alter_table('challenge_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_votes_user_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_votes_entry_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_votes_challenge_id'))

    op.drop_table('challenge_votes')
    with op.batch_alter_table('challenge_scorecards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_scorecards_juror_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_scorecards_entry_id'))

    op.drop_table('challenge_scorecards')
    with op.batch_alter_table('challenge_recusals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_recusals_user_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_recusals_entry_id'))

    op.drop_table('challenge_recusals')
    with op.batch_alter_table('challenge_awards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_awards_entry_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_awards_challenge_id'))

    op.drop_table('challenge_awards')
    op.drop_table('challenge_vote_budgets')
    with op.batch_alter_table('challenge_themes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_themes_theme_id'))

    op.drop_table('challenge_themes')
    with op.batch_alter_table('challenge_phase_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_phase_changes_challenge_id'))

    op.drop_table('challenge_phase_changes')
    with op.batch_alter_table('challenge_managers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_managers_user_id'))

    op.drop_table('challenge_managers')
    with op.batch_alter_table('challenge_jurors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_jurors_user_id'))

    op.drop_table('challenge_jurors')
    with op.batch_alter_table('challenge_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_entries_idea_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_entries_challenge_id'))

    op.drop_table('challenge_entries')
    with op.batch_alter_table('challenge_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_criteria_challenge_id'))

    op.drop_table('challenge_criteria')
    with op.batch_alter_table('challenges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenges_status'))
        batch_op.drop_index(batch_op.f('ix_challenges_problem_owner_id'))

    op.drop_table('challenges')
