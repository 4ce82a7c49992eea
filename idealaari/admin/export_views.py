"""The coordination team's exports: a page with one GET form (what, which filters, which
format) and the download it asks for. The export definitions and writers are in exports.py.

A download is a GET, as a file link should be, yet it appends a row to the audit log: reading
the network's data in bulk is what the log is there to show. The file is only ever sent to
the moderator who asked for it, so a link from elsewhere leaks nothing.
"""

from __future__ import annotations

from flask import Response, abort, render_template, request, send_file, stream_with_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField
from wtforms.validators import InputRequired, StopValidation, ValidationError

from idealaari import permissions
from idealaari.admin import bp
from idealaari.admin.exports import (
    EXPORTS,
    FIRST_DAY,
    FORMAT_LABELS,
    LAST_DAY,
    Export,
    ExportFilters,
    Format,
    csv_chunks,
    period_problem,
    xlsx_file,
)
from idealaari.audit import services as audit
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.forms import CHOICE_MESSAGE, SelectField, local_timezone, options
from idealaari.i18n import current_language
from idealaari.ideas.queries import all_themes
from idealaari.organisations.models import AREA_KINDS
from idealaari.organisations.queries import all_organisations

DATE_MESSAGE = _l("Give a date, for example 3.11.2025.")


class ExportDateField(DateField):
    """A date input; browsers send 2025-11-03, and a typed 3.11.2025 is understood too.
    Nothing typed means no limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", ["%Y-%m-%d", "%d.%m.%Y"])
        kwargs.setdefault("invalid_value_message", DATE_MESSAGE)
        kwargs.setdefault("render_kw", {"min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        if valuelist and not "".join(valuelist).strip():
            self.data = None
            return
        super().process_formdata([" ".join(valuelist).strip()] if valuelist else valuelist)

    def pre_validate(self, form):
        if self.process_errors:  # "not a date" is the whole story
            raise StopValidation()


class ExportForm(FlaskForm):
    """What to export, its filters and the file format; a GET form, so no CSRF token (the
    address of a download is its whole request)."""

    class Meta:
        csrf = False

    export = RadioField(
        _l("What to export"),
        choices=options((e.key, e.title) for e in EXPORTS.values()),
        default="ideas",
        invalid_choice_message=CHOICE_MESSAGE,
        validators=[InputRequired(_l("Choose what to export."))],
    )
    organisation = SelectField(_l("Organisation"), default="")
    theme = SelectField(_l("Theme"), default="")
    date_from = ExportDateField(
        _l("From"), description=_l("The first day of the period, for example 1.1.2026.")
    )
    date_to = ExportDateField(
        _l("To"), description=_l("The last day of the period; it is included.")
    )
    format = RadioField(
        _l("File format"),
        choices=options((f.value, label) for f, label in FORMAT_LABELS.items()),
        default=Format.XLSX.value,
        invalid_choice_message=CHOICE_MESSAGE,
    )

    def __init__(self, formdata=None, **kwargs):
        super().__init__(formdata=formdata, **kwargs)
        organisations = sorted(all_organisations(), key=lambda o: o.name.casefold())
        self._organisations = {o.code: o for o in organisations}
        self.organisation.choices = [
            *options([("", _("All organisations"))]),
            *options(
                ((o.code, o.name) for o in organisations if o.kind in AREA_KINDS),
                optgroup=_("Wellbeing services counties"),
            ),
            *options(
                ((o.code, o.name) for o in organisations if o.kind not in AREA_KINDS),
                optgroup=_("Other organisations"),
            ),
        ]
        themes = sorted(all_themes(), key=lambda t: t.name.casefold())
        self._themes = {t.slug: t for t in themes}
        self.theme.choices = options([("", _("All themes")), *((t.slug, t.name) for t in themes)])

    def validate_date_from(self, field):
        problem = period_problem(field.data, None)
        if problem:
            raise ValidationError(problem)

    def validate_date_to(self, field):
        problem = period_problem(None, field.data) or (
            None if self.date_from.errors else period_problem(self.date_from.data, field.data)
        )
        if problem:
            raise ValidationError(problem)

    def filters(self) -> ExportFilters:
        """The validated filters."""
        return ExportFilters(
            organisation=self._organisations.get(self.organisation.data or ""),
            theme=self._themes.get(self.theme.data or ""),
            day_from=self.date_from.data,
            day_to=self.date_to.data,
        )


def _check_permission() -> None:
    if not permissions.can_export_content(current_user):
        abort(403, description=_("Only moderators and admins download exports."))


def _page(form: ExportForm, status: int = 200):
    return render_template("admin/exports.html", form=form, exports=EXPORTS), status


@bp.get("/exports")
@login_required
def exports():
    """The exports page: choose the content, its filters and the file format."""
    _check_permission()
    return _page(ExportForm(formdata=request.args or None))


@bp.get("/exports/download")
@login_required
def export_download():
    """One export as a file; the download is recorded in the audit log."""
    _check_permission()
    form = ExportForm(formdata=request.args)
    if not form.validate():
        return _page(form, 422)
    export = EXPORTS[form.export.data]
    file_format = Format(form.format.data)
    filters = form.filters()
    title = str(export.title)
    today = utcnow().astimezone(local_timezone()).date().isoformat()
    filename = f"idealaari-{export.key}-{today}.{file_format.value}"
    prepared = export.prepare(filters)

    if file_format is Format.XLSX:
        workbook, count = xlsx_file(export.columns, prepared.rows(), title=title)
        _record(export, file_format, filters, count)
        db.session.commit()
        return send_file(
            workbook,
            mimetype=file_format.mimetype,
            as_attachment=True,
            download_name=filename,
            max_age=0,
        )

    _record(export, file_format, filters, prepared.count)
    db.session.commit()
    body = csv_chunks(export.columns, prepared.rows(), language=current_language())
    response = Response(stream_with_context(body), mimetype=file_format.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _record(export: Export, file_format: Format, filters: ExportFilters, count: int) -> None:
    audit.record(
        actor=current_user,
        action="export_downloaded",
        target_label=_("%(export)s (%(format)s)", export=export.title, format=file_format.name),
        data={
            "export": export.key,
            "format": file_format.value,
            "filters": filters.as_data(),
            "rows": count,
        },
    )
