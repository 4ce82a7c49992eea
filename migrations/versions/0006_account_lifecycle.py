"""account lifecycle: e-mail verification, revocable sessions, expertise

Members get email_verified_at (existing members count as verified: they were let in before
verification existed), a session_token that Flask-Login uses as the alternative id, and an
expertise text for the profile.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 19:40:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('expertise', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('email_verified_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), nullable=True))
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('session_token', sa.String),
                     sa.column('email_verified_at', sa.DateTime(timezone=True)),
                     sa.column('created_at', sa.DateTime(timezone=True)))
    conn = op.get_bind()
    for (user_id,) in conn.execute(sa.select(users.c.id)).all():
        conn.execute(users.update().where(users.c.id == user_id).values(
            session_token=secrets.token_urlsafe(32)))
    conn.execute(users.update().values(email_verified_at=users.c.created_at))
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_users_session_token'), ['session_token'])


def downgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_session_token'), type_='unique')
        batch_op.drop_column('session_token')
        batch_op.drop_column('email_verified_at')
        batch_op.drop_column('expertise')
