"""notification settings per kind

Members choose, per settings group of the notification registry (comments, replies, partner
offers, phase changes, new ideas, poll results), whether they get that news in the app and by
e-mail. No row means both on, so existing members keep what they had. Notifications get
in_app: false for a row that only waits for its mail.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 19:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("group", sa.String(length=30), nullable=False),
        sa.Column("in_app", sa.Boolean(), nullable=False),
        sa.Column("by_email", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notification_preferences_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "group", name=op.f("pk_notification_preferences")),
    )
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.add_column(
            sa.Column("in_app", sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_column("in_app")
    op.drop_table("notification_preferences")
