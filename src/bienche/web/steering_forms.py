"""Forms of the steering pages. They parse and label input; the steering services decide
(ranges, required reasons, dates and permissions are checked there, with bilingual errors)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from bienche.core.errors import BiencheError
from bienche.steering.enums import DeadlineKind, DocumentKind, Period, Priority
from bienche.steering.services.tasks import TaskSpec

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _note(label: Any = None, rows: int = 2) -> forms.CharField:
    return forms.CharField(
        label=label or _("Note"), required=False, widget=forms.Textarea(attrs={"rows": rows})
    )


def codes(value: str) -> list[str]:
    """'A, B; C' → ['A', 'B', 'C']."""
    parts = value.replace(";", ",").replace("\n", ",").split(",")
    return [c.strip() for c in parts if c.strip()]


def show_error(form: forms.BaseForm, exc: BiencheError) -> None:
    """Attach a service error to its field when the form has one, else to the form."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.localized())


class VersionedForm(forms.Form):
    """Every lifecycle form carries the task version it was rendered with."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)


class ProgressForm(VersionedForm):
    note = _note(_("What was done"))
    percent = forms.IntegerField(label=_("Completion (%)"), required=False)
    product_ref = forms.CharField(label=_("Product (reference)"), max_length=255, required=False)
    product_file = forms.FileField(label=_("Product file"), required=False)


class DoneForm(VersionedForm):
    note = _note(_("Result"))
    product_ref = forms.CharField(label=_("Product (reference)"), max_length=255, required=False)
    product_file = forms.FileField(label=_("Product file"), required=False)


class ExtendForm(VersionedForm):
    deadline = forms.DateField(label=_("Requested deadline"), widget=DATE)
    note = _note(_("Reason"))


class AcceptForm(VersionedForm):
    note = _note()


class ReturnForm(VersionedForm):
    note = _note(_("Why it is sent back"))


class DecideForm(VersionedForm):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve")), ("0", _("Refuse"))],
        coerce=lambda v: v == "1",
    )
    note = _note(_("Note (required when refusing)"))


class CancelForm(VersionedForm):
    reason = _note(_("Reason for cancelling"))


#: action in the URL → its form
ACTION_FORMS: dict[str, type[VersionedForm]] = {
    "progress": ProgressForm,
    "done": DoneForm,
    "extend": ExtendForm,
    "accept": AcceptForm,
    "return": ReturnForm,
    "decide": DecideForm,
    "cancel": CancelForm,
}


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Number and symbol"), max_length=64, required=False)
    issuer = forms.CharField(label=_("Issuer"), max_length=255, required=False)
    issuer_unit_code = forms.CharField(
        label=_("Issuing unit code (optional)"), max_length=40, required=False
    )
    issued_on = forms.DateField(label=_("Document date"), widget=DATE)
    summary = _note(_("Summary"), rows=3)
    attachment = forms.FileField(label=_("Attached file"), required=False)


class _TaskFields(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=16, required=False)
    content = _note(_("Content"), rows=3)
    lead_unit_code = forms.CharField(label=_("Lead unit code"), max_length=40, required=False)
    responsible_post = forms.CharField(label=_("Responsible post"), max_length=120, required=False)
    deadline_kind = forms.ChoiceField(
        label=_("Deadline kind"), choices=DeadlineKind.choices, required=False
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)
    deadline_days = forms.IntegerField(label=_("Working days"), required=False)
    period = forms.ChoiceField(
        label=_("Reporting period"), choices=[("", "—"), *Period.choices], required=False
    )

    def spec_fields(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "item": d["item"],
            "content": d["content"],
            "lead_unit_code": d["lead_unit_code"].strip(),
            "responsible_post": d["responsible_post"],
            "deadline_kind": d["deadline_kind"] or DeadlineKind.DATE,
            "deadline": d["deadline"],
            "deadline_days": d["deadline_days"],
            "period": d["period"],
        }


class TaskForm(_TaskFields):
    supporting_codes = forms.CharField(
        label=_("Supporting unit codes (comma-separated)"), max_length=2000, required=False
    )
    responsible_leader = forms.CharField(
        label=_("Responsible leader"), max_length=120, required=False
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, required=False)
    programme_code = forms.CharField(label=_("Programme code"), max_length=32, required=False)

    def spec(self) -> TaskSpec:
        d = self.cleaned_data
        return TaskSpec(
            **self.spec_fields(),
            supporting_codes=codes(d["supporting_codes"]),
            responsible_leader=d["responsible_leader"],
            priority=d["priority"] or Priority.NORMAL,
            programme_code=d["programme_code"].strip(),
        )


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the document (numbered items)"),
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ItemForm(_TaskFields):
    """One proposed item of a pasted text, to confirm as a task."""

    include = forms.BooleanField(label=_("Include"), required=False, initial=True)

    def spec(self) -> TaskSpec:
        return TaskSpec(**self.spec_fields())


ItemFormSet = forms.formset_factory(ItemForm, extra=0, max_num=500, absolute_max=500)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Task list (XLSX)"))
    dry_run = forms.BooleanField(label=_("Only check, write nothing"), required=False)


#: Stands for the task's version in a blank form's HTML (see ``blank_form_html``).
_VERSION_MARK = "__task_version__"
_BLANK_FORMS: dict[tuple[str, str], str] = {}


def blank_form_html(action: str, version: int) -> SafeString:
    """The fields of an empty lifecycle form. They differ between tasks only by the version
    the form carries, so each form is rendered once per language and the version put in."""
    key = (action, translation.get_language())
    html = _BLANK_FORMS.get(key)
    if html is None:
        form = ACTION_FORMS[action](initial={"expected_version": _VERSION_MARK}, prefix=action)
        html = _BLANK_FORMS[key] = render_to_string("steering/_fields.html", {"form": form})
    return mark_safe(html.replace(_VERSION_MARK, str(int(version))))  # noqa: S308 - our HTML
