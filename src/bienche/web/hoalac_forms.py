"""Forms of the Hòa Lạc pages: they parse and label input; the investment services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bienche.investment.enums import (
    Currency,
    LandUse,
    ObstacleKind,
    Pipeline,
    Sector,
    Stage,
    TechLevel,
)
from bienche.investment.services.projects import NEXT_STEP_DAYS
from bienche.web.steering_forms import DATE, VersionedForm


class StageForm(VersionedForm):
    stage = forms.ChoiceField(label=_("Next stage"), choices=Stage.choices)
    on = forms.DateField(label=_("Date"), widget=DATE)
    next_step = forms.CharField(label=_("Next step"), max_length=255, required=False)
    next_step_days = forms.IntegerField(
        label=_("Due in (working days)"), initial=NEXT_STEP_DAYS, min_value=1, max_value=250
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EditForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    zone_code = forms.CharField(label=_("Zone (code)"), max_length=16, required=False)
    land_use = forms.ChoiceField(
        label=_("Land use"), choices=[("", "—"), *LandUse.choices], required=False
    )
    land_ha = forms.DecimalField(label=_("Land area (ha)"), min_value=0, decimal_places=2)
    jobs_planned = forms.IntegerField(label=_("Jobs planned"), min_value=0)
    jobs_created = forms.IntegerField(label=_("Jobs created"), min_value=0)


class NextStepForm(VersionedForm):
    next_step = forms.CharField(label=_("Next step"), max_length=255)
    next_step_days = forms.IntegerField(
        label=_("Due in (working days)"), initial=NEXT_STEP_DAYS, min_value=1, max_value=250
    )


class MoneyForm(VersionedForm):
    amount = forms.IntegerField(label=_("Amount"), min_value=0)
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    rate_vnd = forms.IntegerField(label=_("Rate (VND per unit, if not recorded)"), required=False)


class CertificateForm(MoneyForm):
    number = forms.CharField(label=_("Certificate number"), max_length=64)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)


class DisbursementForm(MoneyForm):
    on = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class DropForm(VersionedForm):
    on = forms.DateField(label=_("Date"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ObstacleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ObstacleKind.choices)
    description = forms.CharField(label=_("Obstacle"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible_unit_code = forms.CharField(label=_("Responsible unit (code)"), max_length=40)
    raised_on = forms.DateField(label=_("Raised on"), widget=DATE)
    days = forms.IntegerField(label=_("Working days to resolve"), initial=20, min_value=1)


class ResolveForm(VersionedForm):
    on = forms.DateField(label=_("Resolved on"), widget=DATE)
    resolution = forms.CharField(label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 2}))


class ProjectForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=24)
    name = forms.CharField(label=_("Name"), max_length=255)
    investor = forms.IntegerField(label=_("Investor"), widget=forms.Select)
    pipeline = forms.ChoiceField(label=_("Pipeline"), choices=Pipeline.choices)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    stage_on = forms.DateField(label=_("Lead recorded on"), widget=DATE)
    zone_code = forms.CharField(label=_("Zone (code)"), max_length=16, required=False)
    land_use = forms.ChoiceField(
        label=_("Land use"), choices=[("", "—"), *LandUse.choices], required=False
    )
    land_ha = forms.DecimalField(label=_("Land area (ha)"), required=False, min_value=0)
    jobs_planned = forms.IntegerField(label=_("Jobs planned"), required=False, min_value=0)
    tech_level = forms.ChoiceField(label=_("Technology level"), choices=TechLevel.choices)
    next_step = forms.CharField(label=_("Next step"), max_length=255)


class InvestorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    country = forms.CharField(label=_("Country (ISO code, e.g. VN, KR, JP)"), max_length=2)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    contacts = forms.CharField(
        label=_("Contacts"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm_distinct = forms.BooleanField(
        label=_("This is a different investor from the similar name shown"), required=False
    )


class MeetingForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX file"))
