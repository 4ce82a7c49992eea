"""adoption lineage: derived from, adopted by, official responses

An idea can say which earlier idea it continues (idea_derivations, one source per idea); an
organisation records that it adopted an idea (idea_adoptions, one per organisation and idea);
and an organisation gives its current official response to an idea (official_responses, one
per organisation and idea). New tables only; nothing existing changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 10:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PHASES = ("ideation", "selection", "concretising", "testing", "learnings", "adoption")
RESPONSES = ("interested", "piloting", "adopted", "not_now")


def _enum(values, name):
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade():
    op.create_table(
        "idea_derivations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_idea_derivations_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["idea_id"],
            ["ideas.id"],
            name=op.f("fk_idea_derivations_idea_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["ideas.id"],
            name=op.f("fk_idea_derivations_source_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea_derivations")),
        sa.UniqueConstraint("idea_id", name=op.f("uq_idea_derivations_idea_id")),
    )
    with op.batch_alter_table("idea_derivations") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idea_derivations_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "idea_adoptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("phase", _enum(PHASES, "phase"), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"],
            ["ideas.id"],
            name=op.f("fk_idea_adoptions_idea_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_idea_adoptions_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_idea_adoptions_recorded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea_adoptions")),
        sa.UniqueConstraint("idea_id", "organisation_id", name=op.f("uq_idea_adoptions_idea_id")),
    )
    with op.batch_alter_table("idea_adoptions") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idea_adoptions_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "official_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum(RESPONSES, "responsekind"), nullable=False),
        sa.Column("statement", sa.String(length=500), nullable=False),
        sa.Column("responded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"],
            ["ideas.id"],
            name=op.f("fk_official_responses_idea_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_official_responses_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["responded_by_id"],
            ["users.id"],
            name=op.f("fk_official_responses_responded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official_responses")),
        sa.UniqueConstraint(
            "idea_id", "organisation_id", name=op.f("uq_official_responses_idea_id")
        ),
    )
    with op.batch_alter_table("official_responses") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_official_responses_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("official_responses") as batch_op:
        batch_op.drop_index(batch_op.f("ix_official_responses_organisation_id"))
    op.drop_table("official_responses")
    with op.batch_alter_table("idea_adoptions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_idea_adoptions_organisation_id"))
    op.drop_table("idea_adoptions")
    with op.batch_alter_table("idea_derivations") as batch_op:
        batch_op.drop_index(batch_op.f("ix_idea_derivations_source_id"))
    op.drop_table("idea_derivations")
