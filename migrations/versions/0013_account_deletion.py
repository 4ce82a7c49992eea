"""account deletion: votes and scorecards outlive the member who cast them

A member may delete their account. Their idea votes, challenge entry votes, poll votes and jury
scorecards stay, so that every count and result stays as it was, but no longer point to them:
the columns become nullable and are set to NULL when the account goes (ON DELETE SET NULL
instead of CASCADE). Scorecards gain `former_juror_id`, which keeps a former juror's cards
together as one juror's in the juror-normalised ranking.

The downgrade removes the rows that belong to no account (NOT NULL cannot hold them).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 19:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# (table, column) whose foreign key to users changes from CASCADE to SET NULL.
COLUMNS = (
    ("votes", "user_id"),
    ("challenge_votes", "user_id"),
    ("poll_votes", "user_id"),
    ("challenge_scorecards", "juror_id"),
)


def _repoint(table: str, column: str, *, nullable: bool, ondelete: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column(column, existing_type=sa.Integer(), nullable=nullable)
        name = batch_op.f(f"fk_{table}_{column}_users")
        batch_op.drop_constraint(name, type_="foreignkey")
        batch_op.create_foreign_key(name, "users", [column], ["id"], ondelete=ondelete)


def upgrade():
    with op.batch_alter_table("challenge_scorecards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("former_juror_id", sa.Integer(), nullable=True))
    for table, column in COLUMNS:
        _repoint(table, column, nullable=True, ondelete="SET NULL")


def downgrade():
    for table, column in reversed(COLUMNS):
        op.execute(sa.text(f"DELETE FROM {table} WHERE {column} IS NULL"))
        _repoint(table, column, nullable=False, ondelete="CASCADE")
    with op.batch_alter_table("challenge_scorecards", schema=None) as batch_op:
        batch_op.drop_column("former_juror_id")
