"""Words shown for the pilot's criteria and verdicts (translated by gettext)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienche.pricing.pilot import Check, Criteria

#: criterion → (label of the adjustable threshold, how the check reads, unit)
CRITERIA = {
    "stop_below": (
        _("Stop below a median coverage of (%)"),
        _("median coverage ≥ threshold, else stop"),
        "%",
    ),
    "continue_from": (
        _("Continue from a median coverage of (%)"),
        _("median coverage ≥ threshold"),
        "%",
    ),
    "low_coverage": (
        _("A school is under-covered below (%)"),
        _("coverage under which a school counts as under-covered"),
        "%",
    ),
    "max_share_low": (
        _("Largest share of under-covered schools (%)"),
        _("share of under-covered schools ≤ threshold"),
        "%",
    ),
    "max_family_increase": (
        _("Largest increase for families (VND per child per month)"),
        _("mean increase for families ≤ threshold"),
        "VND",
    ),
}


def check_text(ch: Check) -> str:
    _label, reads, unit = CRITERIA[ch.criterion]
    if unit == "%":
        value, threshold = f"{ch.value / 100:.2f}%", f"{ch.threshold / 100:.0f}%"
    else:
        value, threshold = f"{ch.value:,}".replace(",", "."), f"{ch.threshold:,}".replace(",", ".")
    mark = "✓" if ch.passed else "✗"
    return f"{mark} {reads}: {value} / {threshold}"


def criteria_fields(c: Criteria) -> list[dict]:
    return [
        {"name": k, "label": CRITERIA[k][0], "value": v, "unit": CRITERIA[k][2]}
        for k, v in c.as_dict().items()
    ]
