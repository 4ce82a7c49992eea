"""stored revision diffs and owner changes

Each revision keeps what changed since the revision before it (idea_revisions.changes),
compared once when the edit is saved, so the history page renders without diffing. Existing
revisions are compared here, once, with the same bounded comparison the app uses; a change of
the owning organisation is part of it ("Owner changed from X to Y" on the history page).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 19:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

revisions = sa.table(
    'idea_revisions',
    sa.column('id', sa.Integer()),
    sa.column('idea_id', sa.Integer()),
    sa.column('number', sa.Integer()),
    sa.column('data', sa.JSON()),
    sa.column('changes', sa.JSON()),
)


def upgrade():
    with op.batch_alter_table('idea_revisions') as batch_op:
        batch_op.add_column(sa.Column('changes', sa.JSON(), nullable=True))

    # A pure function of two snapshots (plain dicts); the app stores its result the same way.
    from idealaari.ideas.history import changes_between

    conn = op.get_bind()
    idea_ids = conn.execute(sa.select(revisions.c.idea_id).distinct()).scalars().all()
    for idea_id in idea_ids:
        rows = conn.execute(
            sa.select(revisions.c.id, revisions.c.data)
            .where(revisions.c.idea_id == idea_id)
            .order_by(revisions.c.number)
        ).all()
        previous = None
        for row in rows:
            changes = changes_between(previous, row.data) if previous is not None else []
            conn.execute(
                revisions.update().where(revisions.c.id == row.id).values(changes=changes)
            )
            previous = row.data or {}


def downgrade():
    with op.batch_alter_table('idea_revisions') as batch_op:
        batch_op.drop_column('changes')
