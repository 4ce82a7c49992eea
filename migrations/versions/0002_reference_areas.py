"""load the 23 wellbeing-area organisations (reference data)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 16:00:00

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from idealaari.organisations.services import read_reference_areas

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

organisations = sa.table(
    'organisations',
    sa.column('code', sa.String),
    sa.column('name_fi', sa.String),
    sa.column('name_sv', sa.String),
    sa.column('name_en', sa.String),
    sa.column('kind', sa.String),
    sa.column('created_at', sa.DateTime(timezone=True)),
)


def upgrade():
    now = datetime.now(UTC)
    existing = {row[0] for row in op.get_bind().execute(sa.text('SELECT code FROM organisations'))}
    rows = [
        {**{k: row[k] for k in ('code', 'name_fi', 'name_sv', 'name_en', 'kind')}, 'created_at': now}
        for row in read_reference_areas()
        if row['code'] not in existing
    ]
    if rows:
        op.bulk_insert(organisations, rows)


def downgrade():
    codes = [row['code'] for row in read_reference_areas()]
    op.execute(organisations.delete().where(organisations.c.code.in_(codes)))
