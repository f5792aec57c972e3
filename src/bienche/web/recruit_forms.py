"""Forms of the recruitment officers' pages. They parse and label input; the recruitment
services decide (eligibility, scales, states, windows) and their errors name the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bienche.recruitment.enums import (
    Education,
    ExamKind,
    LeaderPost,
    PoliticalTheory,
    Priority,
    StateManagement,
)
from bienche.web.steering_forms import DATE, codes

DEFAULT_RANK = "01.003"  # chuyên viên
SEXES = [("M", _("Male")), ("F", _("Female"))]


class VersionedForm(forms.Form):
    """Carries the exam version the page was shown with (a concurrent change → form error)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)


class PlanStartForm(forms.Form):
    """Step 1 (GET): which unit, which kind of exam, on which date."""

    unit = forms.CharField(label=_("Recruiting unit (code)"), max_length=40)
    kind = forms.ChoiceField(label=_("Kind"), choices=ExamKind.choices)
    exam_date = forms.DateField(label=_("Exam date"), widget=DATE)
    for_units = forms.CharField(
        label=_("Units recruited for (codes; empty: the recruiting unit)"),
        max_length=400,
        required=False,
    )

    def unit_codes(self) -> list[str]:
        """The units whose vacant positions the plan may take (at most 20)."""
        listed = codes(self.cleaned_data.get("for_units", ""))
        return list(dict.fromkeys(listed))[:20] or [self.cleaned_data["unit"]]


class PlanForm(forms.Form):
    """Step 2 (POST): the plan's code and title, and per vacant position (``key`` unit__code)
    the seats asked, the rank and the education required (0 seats: not in the plan)."""

    code = forms.CharField(label=_("Exam code"), max_length=40)
    title = forms.CharField(label=_("Title"), max_length=255)

    def __init__(
        self, *args: Any, positions: list[dict], leadership: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.positions = positions
        self.leadership = leadership
        for p in positions:
            if leadership:  # the post's allowance, e.g. 0.60 for a head of division → 60
                self.fields[f"allowance_{p['key']}"] = forms.IntegerField(
                    label=_("%(code)s: leadership allowance (coefficient × 100)")
                    % {"code": p["label"]},
                    min_value=0,
                    max_value=130,
                    required=False,
                )
            c = p["key"]
            self.fields[f"seats_{c}"] = forms.IntegerField(
                label=_("%(code)s: positions to fill") % {"code": p["label"]},
                min_value=0,
                initial=0,
                required=False,
            )
            self.fields[f"rank_{c}"] = forms.CharField(
                label=_("%(code)s: rank code") % {"code": p["label"]},
                max_length=20,
                initial=DEFAULT_RANK,
                required=False,
            )
            self.fields[f"education_{c}"] = forms.ChoiceField(
                label=_("%(code)s: education required") % {"code": p["label"]},
                choices=Education.choices,
                initial=Education.UNIVERSITY,
                required=False,
            )

    def targets(self) -> list[dict[str, Any]]:
        d = self.cleaned_data
        return [
            {
                "unit_code": p["unit"],
                "position_code": p["code"],
                "seats": d[f"seats_{p['key']}"],
                "rank_code": d[f"rank_{p['key']}"].strip() or DEFAULT_RANK,
                "education": d[f"education_{p['key']}"] or Education.UNIVERSITY,
                "leadership_coef_h": d.get(f"allowance_{p['key']}") or 0,
            }
            for p in self.positions
            if d.get(f"seats_{p['key']}")
        ]


class ApproveForm(VersionedForm):
    number = forms.CharField(label=_("Decision number"), max_length=64)
    on = forms.DateField(label=_("Decision date"), widget=DATE)
    signer = forms.CharField(label=_("Signed by"), max_length=120)


class CandidateForm(forms.Form):
    position_code = forms.ChoiceField(label=_("Position applied for"))
    personal_id = forms.CharField(label=_("Personal identifier"), max_length=12)
    full_name = forms.CharField(label=_("Full name"), max_length=255)
    birth_date = forms.DateField(label=_("Birth date"), widget=DATE)
    sex = forms.ChoiceField(label=_("Sex"), choices=SEXES)
    education = forms.ChoiceField(label=_("Education level"), choices=Education.choices)
    priority = forms.ChoiceField(
        label=_("Priority category"), choices=Priority.choices, required=False
    )
    verified_on = forms.DateField(
        label=_("Entrance verification passed on"), widget=DATE, required=False
    )
    internal = forms.BooleanField(label=_("From inside the unit"), required=False)

    def __init__(
        self, *args: Any, positions: list[str], leadership: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position_code"].choices = [(c, c) for c in positions]
        if leadership:  # the post's standards (first appointment, rank, experience, training)
            self.fields.update(LeaderStandardsForm().fields)


class LeaderStandardsForm(forms.Form):
    """What a candidate for a leadership post declares against the post's standards."""

    rank_code = forms.CharField(
        label=_("Current rank code (e.g. 01.003 Chuyên viên)"), max_length=20, required=False
    )
    years_in_field = forms.IntegerField(
        label=_("Years of work in the field"), min_value=0, max_value=60, required=False
    )
    political_theory = forms.ChoiceField(
        label=_("Political theory level"), choices=PoliticalTheory.choices, required=False
    )
    state_management = forms.ChoiceField(
        label=_("State-management training"), choices=StateManagement.choices, required=False
    )
    current_post = forms.ChoiceField(
        label=_("Leadership post held now"), choices=LeaderPost.choices, required=False
    )


class DatedReasonForm(VersionedForm):
    """Withdrawal or decline: the date and the reason."""

    on = forms.DateField(label=_("Date"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)


class TieForm(VersionedForm):
    decision_number = forms.CharField(label=_("Decision number"), max_length=64)
    on = forms.DateField(label=_("Decision date"), widget=DATE)


class AppointForm(VersionedForm):
    start_on = forms.DateField(label=_("Start date"), widget=DATE)
    step = forms.IntegerField(label=_("Salary step"), min_value=1, max_value=20, initial=1)


class LeaderAppointForm(VersionedForm):
    """The appointment decision of a leader selection's winner."""

    decision_number = forms.CharField(label=_("Decision number"), max_length=64)
    decided_on = forms.DateField(label=_("Decision date"), widget=DATE)
    signer = forms.CharField(label=_("Signed by"), max_length=120)
    effective_on = forms.DateField(label=_("Effective from"), widget=DATE)
    term_years = forms.IntegerField(label=_("Term (years)"), min_value=1, max_value=5, initial=5)
    step = forms.IntegerField(
        label=_("Salary step (external candidate)"), min_value=1, max_value=20, initial=1
    )


class PostResultsForm(VersionedForm):
    on = forms.DateField(label=_("Results posted on"), widget=DATE)


class ScoresForm(forms.Form):
    """One score field per candidate who may sit the round; the examiner marks them all."""

    examiner = forms.CharField(
        label=_("Examiner (empty when one mark counts)"), max_length=120, required=False
    )
    on = forms.DateField(label=_("Marked on"), widget=DATE)

    def __init__(self, *args: Any, candidates: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        for c in candidates:
            self.fields[f"score_{c.number}"] = forms.CharField(
                label=f"{c.number:03d} {c.full_name}", max_length=12, required=False
            )

    def entries(self) -> list[tuple[int, str]]:
        d = self.cleaned_data
        return [
            (c.number, d[f"score_{c.number}"].strip())
            for c in self.candidates
            if d.get(f"score_{c.number}", "").strip()
        ]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX file"))


class ScoresImportForm(ImportForm):
    round = forms.TypedChoiceField(
        label=_("Round"),
        choices=[(1, _("Round 1")), (2, _("Round 2"))],
        coerce=int,
    )
    on = forms.DateField(label=_("Marked on"), widget=DATE)
