"""discussions own comments; notifications point at typed targets

Every idea gets a discussion, and its comments move into it. Notifications lose their
per-source columns (comment_id, offer_id, poll_id) for (target_kind, target_id); idea_id stays.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 18:00:06.182282

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TARGET_KINDS = ('idea', 'comment', 'organisation', 'theme', 'poll', 'offer', 'challenge', 'entry', 'meeting', 'network')


def target_kind_type():
    return sa.Enum(*TARGET_KINDS, name='targetkind', native_enum=False, length=20)


def upgrade():
    op.create_table('discussions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_kind', target_kind_type(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discussions')),
    sa.UniqueConstraint('owner_kind', 'owner_id', name=op.f('uq_discussions_owner_kind'))
    )
    # One discussion per idea.
    op.execute(
        "INSERT INTO discussions (owner_kind, owner_id, created_at) "
        "SELECT 'idea', id, created_at FROM ideas ORDER BY id"
    )
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discussion_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE ideas SET discussion_id = (SELECT d.id FROM discussions d "
        "WHERE d.owner_kind = 'idea' AND d.owner_id = ideas.id)"
    )
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.alter_column('discussion_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_ideas_discussion_id'), ['discussion_id'])
        batch_op.create_foreign_key(batch_op.f('fk_ideas_discussion_id_discussions'), 'discussions', ['discussion_id'], ['id'])

    # Comments move into their idea's discussion.
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discussion_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE comments SET discussion_id = (SELECT i.discussion_id FROM ideas i "
        "WHERE i.id = comments.idea_id)"
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.alter_column('discussion_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_index(batch_op.f('ix_comments_idea_id_created_at'))
        batch_op.create_index('ix_comments_discussion_id_created_at', ['discussion_id', 'created_at'], unique=False)
        batch_op.drop_constraint(batch_op.f('fk_comments_idea_id_ideas'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_comments_discussion_id_discussions'), 'discussions', ['discussion_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_column('idea_id')

    # Notifications point at what they are about. A source removed since (its column was set
    # to NULL) keeps its kind with the id 0, which no row has.
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('target_kind', target_kind_type(), nullable=True))
        batch_op.add_column(sa.Column('target_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE notifications SET "
        "target_kind = CASE "
        "WHEN kind IN ('comment', 'reply') THEN 'comment' "
        "WHEN kind IN ('partner_offer', 'offer_answer') THEN 'offer' "
        "WHEN kind = 'poll_result' THEN 'poll' "
        "ELSE 'idea' END, "
        "target_id = CASE "
        "WHEN kind IN ('comment', 'reply') THEN COALESCE(comment_id, 0) "
        "WHEN kind IN ('partner_offer', 'offer_answer') THEN COALESCE(offer_id, 0) "
        "WHEN kind = 'poll_result' THEN COALESCE(poll_id, 0) "
        "ELSE COALESCE(idea_id, 0) END"
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column('target_kind', existing_type=target_kind_type(), nullable=False)
        batch_op.alter_column('target_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('kind', existing_type=sa.Enum('comment', 'reply', 'partner_offer', 'offer_answer', 'phase_change', 'new_idea_in_theme', 'new_idea_in_organisation', 'poll_result', name='notificationkind', native_enum=False, length=30), type_=sa.String(length=30), existing_nullable=False)
        batch_op.create_index('ix_notifications_target_kind_target_id', ['target_kind', 'target_id'], unique=False)
        batch_op.drop_constraint(batch_op.f('fk_notifications_offer_id_partner_offers'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notifications_poll_id_polls'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notifications_comment_id_comments'), type_='foreignkey')
        batch_op.drop_column('poll_id')
        batch_op.drop_column('offer_id')
        batch_op.drop_column('comment_id')


def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.INTEGER(), nullable=True))
        batch_op.add_column(sa.Column('offer_id', sa.INTEGER(), nullable=True))
        batch_op.add_column(sa.Column('poll_id', sa.INTEGER(), nullable=True))
    op.execute(
        "UPDATE notifications SET "
        "comment_id = (SELECT c.id FROM comments c WHERE c.id = notifications.target_id "
        "AND notifications.target_kind = 'comment'), "
        "offer_id = (SELECT o.id FROM partner_offers o WHERE o.id = notifications.target_id "
        "AND notifications.target_kind = 'offer'), "
        "poll_id = (SELECT p.id FROM polls p WHERE p.id = notifications.target_id "
        "AND notifications.target_kind = 'poll')"
    )
    op.execute("DELETE FROM notifications WHERE target_kind = 'poll' AND poll_id IS NULL")
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f('fk_notifications_comment_id_comments'), 'comments', ['comment_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_notifications_poll_id_polls'), 'polls', ['poll_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_notifications_offer_id_partner_offers'), 'partner_offers', ['offer_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_index('ix_notifications_target_kind_target_id')
        batch_op.drop_column('target_id')
        batch_op.drop_column('target_kind')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idea_id', sa.INTEGER(), nullable=True))
    op.execute(
        "UPDATE comments SET idea_id = (SELECT i.id FROM ideas i "
        "WHERE i.discussion_id = comments.discussion_id)"
    )
    op.execute("DELETE FROM comments WHERE idea_id IS NULL")
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.alter_column('idea_id', existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_constraint(batch_op.f('fk_comments_discussion_id_discussions'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_comments_idea_id_ideas'), 'ideas', ['idea_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_index('ix_comments_discussion_id_created_at')
        batch_op.create_index(batch_op.f('ix_comments_idea_id_created_at'), ['idea_id', 'created_at'], unique=False)
        batch_op.drop_column('discussion_id')

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ideas_discussion_id_discussions'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_ideas_discussion_id'), type_='unique')
        batch_op.drop_column('discussion_id')

    op.drop_table('discussions')
