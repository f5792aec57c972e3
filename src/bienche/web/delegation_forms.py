"""Forms of the delegation pages: they parse; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bienche.delegation.enums import DocumentKind, Outcome


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Transfers (XLSX)"))
    dry_run = forms.BooleanField(label=_("Only check, write nothing"), required=False)


class ReviewForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reviewed_on = forms.DateField(label=_("Review date"), widget=forms.DateInput({"type": "date"}))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=5000, widget=forms.Textarea)
    next_review_on = forms.DateField(
        label=_("Next review"), required=False, widget=forms.DateInput({"type": "date"})
    )
    document_number = forms.CharField(label=_("Document number"), required=False, max_length=64)
    document_date = forms.DateField(
        label=_("Document date"), required=False, widget=forms.DateInput({"type": "date"})
    )
    document_kind = forms.ChoiceField(
        label=_("Document kind"), choices=DocumentKind.choices, required=False
    )
    task_content = forms.CharField(
        label=_("Steering task to open (optional)"), required=False, max_length=5000
    )
    task_deadline = forms.DateField(
        label=_("Task deadline"), required=False, widget=forms.DateInput({"type": "date"})
    )
