"""the spring showcase: one yearbook per year and its curated highlights

A showcase per year (its introduction, draft or published, and the compiled snapshot of the
year as JSON), and the highlights moderators picked for it, in order, each naming an award,
an idea, an adoption or a partnership by id. New tables only; nothing existing changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 13:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

STATUSES = ("draft", "published")
KINDS = ("award", "idea", "adoption", "partnership")


def _enum(values, name):
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade():
    op.create_table(
        "showcases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("status", _enum(STATUSES, "showcasestatus"), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("compiled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_showcases_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_showcases")),
        sa.UniqueConstraint("year", name=op.f("uq_showcases_year")),
    )
    op.create_table(
        "showcase_highlights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("showcase_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum(KINDS, "highlightkind"), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["showcase_id"],
            ["showcases.id"],
            name=op.f("fk_showcase_highlights_showcase_id_showcases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_showcase_highlights")),
        sa.UniqueConstraint(
            "showcase_id", "kind", "item_id", name=op.f("uq_showcase_highlights_showcase_id")
        ),
    )
    with op.batch_alter_table("showcase_highlights") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_showcase_highlights_showcase_id"), ["showcase_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("showcase_highlights") as batch_op:
        batch_op.drop_index(batch_op.f("ix_showcase_highlights_showcase_id"))
    op.drop_table("showcase_highlights")
    op.drop_table("showcases")
