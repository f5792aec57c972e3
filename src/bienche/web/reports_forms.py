"""Forms of the report draft pages (the services check everything again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bienche.reports.models import ReportFormat


class ReportCreateForm(forms.Form):
    year = forms.IntegerField(label=_("Year assessed"), min_value=2000, max_value=2100)
    unit_code = forms.CharField(
        label=_("Scope unit code (blank: the whole city)"), required=False, max_length=40
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            (ReportFormat.STATE, _("State document (Decree 30/2020)")),
            (ReportFormat.PARTY, _("Party document (Guidance 36-HD/VPTW)")),
        ],
    )


class NarrativeForm(forms.Form):
    html = forms.CharField(
        label=_("Text (simple HTML: p, strong, em, u, ul, ol, li, br)"),
        widget=forms.Textarea(attrs={"rows": 10, "cols": 90}),
        max_length=60_000,
    )
    expected_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class LetterheadForm(forms.Form):
    number = forms.CharField(label=_("Number and symbol"), required=False, max_length=64)
    issued_on = forms.DateField(label=_("Date issued"), required=False)
    signer_name = forms.CharField(label=_("Signer's name"), required=False, max_length=128)
    signer_title = forms.CharField(label=_("Signer's title"), required=False, max_length=128)
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FreezeForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm: freeze this version (it can no longer be changed)"), required=True
    )
