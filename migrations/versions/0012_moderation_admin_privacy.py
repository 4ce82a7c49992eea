"""moderation, administration and privacy: reports, cases, merges, the audit log, site settings

New tables: the append-only audit log, site settings and the editable site pages, moderation
cases with their reports (one open case per item), and merges of duplicate ideas. Ideas gain the
moderation columns (hidden reason and the status to return to, locked comments, featured, merged
into), revisions a moderator's reason, and users a suspension and the approval of their first
post. Members who exist already count as approved: pre-moderation is for new members.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 18:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target_kind", sa.String(length=20), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("target_label", sa.String(length=300), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_audit_log_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_log_action_created_at", ["action", "created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_log_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_created_at"), ["created_at"], unique=False)
        batch_op.create_index("ix_audit_log_target", ["target_kind", "target_id"], unique=False)

    op.create_table(
        "moderation_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("reports", "premoderation", name="casekind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "target_kind",
            sa.Enum(
                "idea",
                "comment",
                "organisation",
                "theme",
                "poll",
                "offer",
                "challenge",
                "entry",
                "meeting",
                "network",
                name="targetkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("auto_hidden", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum(
                "dismissed",
                "hidden",
                "restored",
                "approved",
                "merged",
                name="decision",
                native_enum=False,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_moderation_cases_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_moderation_cases_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_cases")),
    )
    with op.batch_alter_table("moderation_cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_cases_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index("ix_moderation_cases_closed_at", ["closed_at"], unique=False)
        batch_op.create_index("ix_moderation_cases_opened_at", ["opened_at"], unique=False)
        batch_op.create_index(
            "uq_moderation_cases_open_item",
            ["target_kind", "target_id"],
            unique=True,
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )

    op.create_table(
        "site_pages",
        sa.Column("slug", sa.String(length=40), nullable=False),
        sa.Column("locale", sa.String(length=5), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_site_pages_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("slug", "locale", name=op.f("pk_site_pages")),
    )
    op.create_table(
        "site_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_site_settings_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_site_settings")),
    )
    op.create_table(
        "idea_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("merged_by_id", sa.Integer(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_by_id"],
            ["users.id"],
            name=op.f("fk_idea_merges_merged_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["ideas.id"],
            name=op.f("fk_idea_merges_source_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["ideas.id"],
            name=op.f("fk_idea_merges_target_id_ideas"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["undone_by_id"],
            ["users.id"],
            name=op.f("fk_idea_merges_undone_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea_merges")),
    )
    with op.batch_alter_table("idea_merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idea_merges_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_idea_merges_target_id"), ["target_id"], unique=False)

    op.create_table(
        "moderation_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "target_kind",
            sa.Enum(
                "idea",
                "comment",
                "organisation",
                "theme",
                "poll",
                "offer",
                "challenge",
                "entry",
                "meeting",
                "network",
                name="targetkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=True),
        sa.Column(
            "reason",
            sa.Enum(
                "spam",
                "offensive",
                "personal_data",
                "off_topic",
                "duplicate",
                "other",
                name="reportreason",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["moderation_cases.id"],
            name=op.f("fk_moderation_reports_case_id_moderation_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"],
            ["users.id"],
            name=op.f("fk_moderation_reports_reporter_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_reports")),
        sa.UniqueConstraint(
            "target_kind",
            "target_id",
            "reporter_id",
            name=op.f("uq_moderation_reports_target_kind"),
        ),
    )
    with op.batch_alter_table("moderation_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_reports_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_moderation_reports_reporter_id"), ["reporter_id"], unique=False
        )

    with op.batch_alter_table("idea_revisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("moderation_reason", sa.String(length=500), nullable=True))

    with op.batch_alter_table("ideas", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hidden_reason", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column(
                "hidden_from",
                sa.Enum(
                    "draft",
                    "published",
                    "hidden",
                    "merged",
                    "archived",
                    name="ideastatus",
                    native_enum=False,
                    length=20,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("comments_locked", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("featured_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_ideas_featured_at"), ["featured_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ideas_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_ideas_merged_into_id_ideas"),
            "ideas",
            ["merged_into_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suspended_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("suspension_reason", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("posts_approved_at", sa.DateTime(timezone=True), nullable=True)
        )

    op.execute("UPDATE users SET posts_approved_at = created_at")


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("posts_approved_at")
        batch_op.drop_column("suspension_reason")
        batch_op.drop_column("suspended_until")

    with op.batch_alter_table("ideas", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_ideas_merged_into_id_ideas"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_ideas_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_ideas_featured_at"))
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("featured_at")
        batch_op.drop_column("comments_locked")
        batch_op.drop_column("hidden_from")
        batch_op.drop_column("hidden_reason")

    with op.batch_alter_table("idea_revisions", schema=None) as batch_op:
        batch_op.drop_column("moderation_reason")

    with op.batch_alter_table("moderation_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moderation_reports_reporter_id"))
        batch_op.drop_index(batch_op.f("ix_moderation_reports_case_id"))

    op.drop_table("moderation_reports")
    with op.batch_alter_table("idea_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idea_merges_target_id"))
        batch_op.drop_index(batch_op.f("ix_idea_merges_source_id"))

    op.drop_table("idea_merges")
    op.drop_table("site_settings")
    op.drop_table("site_pages")
    with op.batch_alter_table("moderation_cases", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_moderation_cases_open_item",
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )
        batch_op.drop_index("ix_moderation_cases_opened_at")
        batch_op.drop_index("ix_moderation_cases_closed_at")
        batch_op.drop_index(batch_op.f("ix_moderation_cases_author_id"))

    op.drop_table("moderation_cases")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_target")
        batch_op.drop_index(batch_op.f("ix_audit_log_created_at"))
        batch_op.drop_index(batch_op.f("ix_audit_log_actor_id"))
        batch_op.drop_index("ix_audit_log_action_created_at")

    op.drop_table("audit_log")
