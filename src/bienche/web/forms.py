"""Forms of the reorganization pages. They parse and label input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bienche.org.enums import UnitKind


class BasisForm(forms.Form):
    effective_on = forms.DateField(
        label=_("Effective date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    basis_number = forms.CharField(label=_("Document number/symbol"), max_length=64)
    basis_issuer = forms.CharField(label=_("Issuer"), max_length=255, required=False)
    basis_date = forms.DateField(
        label=_("Document date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.replace(";", ",").replace("\n", ",").split(",") if c.strip()]


class RenameForm(BasisForm):
    code = forms.CharField(label=_("Unit code"), max_length=40)
    name = forms.CharField(label=_("New name"), max_length=255)
    short_name = forms.CharField(label=_("New short name"), max_length=120, required=False)


class TransferForm(BasisForm):
    code = forms.CharField(label=_("Unit code"), max_length=40)
    new_parent_code = forms.CharField(label=_("New parent unit code"), max_length=40)


class DissolveForm(BasisForm):
    code = forms.CharField(label=_("Unit code"), max_length=40)
    children_to = forms.CharField(
        label=_("Move sub-units to (code)"), max_length=40, required=False
    )


class ChangeKindForm(BasisForm):
    code = forms.CharField(label=_("Unit code"), max_length=40)
    kind = forms.ChoiceField(label=_("New kind"), choices=UnitKind.choices)


class EstablishForm(BasisForm):
    code = forms.CharField(label=_("New unit code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    parent_code = forms.CharField(label=_("Parent unit code"), max_length=40, required=False)


class MergeForm(BasisForm):
    predecessor_codes = forms.CharField(
        label=_("Codes of the merged units (comma-separated)"), max_length=4000
    )
    code = forms.CharField(label=_("New unit code"), max_length=40)
    name = forms.CharField(label=_("New unit name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    parent_code = forms.CharField(label=_("Parent unit code"), max_length=40, required=False)

    def clean_predecessor_codes(self) -> list[str]:
        return _codes(self.cleaned_data["predecessor_codes"])


class AbsorbForm(BasisForm):
    absorbed_codes = forms.CharField(
        label=_("Codes of the absorbed units (comma-separated)"), max_length=4000
    )
    into_code = forms.CharField(label=_("Absorbing unit code"), max_length=40)

    def clean_absorbed_codes(self) -> list[str]:
        return _codes(self.cleaned_data["absorbed_codes"])


FORMS: dict[str, type[BasisForm]] = {
    "rename": RenameForm,
    "transfer": TransferForm,
    "dissolve": DissolveForm,
    "change_kind": ChangeKindForm,
    "establish": EstablishForm,
    "merge": MergeForm,
    "absorb": AbsorbForm,
}
