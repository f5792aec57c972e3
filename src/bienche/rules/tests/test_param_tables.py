"""The leadership, sector-allowance and step-interval tables: shape, sources, labels."""

from __future__ import annotations

import datetime as dt

from bienche.rules.params import load
from bienche.rules.snapshot import snapshot

D = dt.date
CONFIDENCE = {"C", "C2", "M"}


def test_every_leadership_post_has_a_source_and_a_label():
    for entry in load("leadership_allowance").entries:
        for code, post in entry.value["posts"].items():
            assert post["reference"], code
            assert post["name"], code
            assert post["confidence"] in CONFIDENCE, code
            assert (post["status"] == "confirmed") == (post["confidence"] == "C"), code
            assert all(0 < v <= 130 for v in post["coef_h"].values()), code


def test_required_posts_are_there():
    posts = load("leadership_allowance").value_at(D(2024, 7, 1))["posts"]
    for code in (
        "SO_GIAM_DOC",
        "SO_PHO_GIAM_DOC",
        "SO_TRUONG_PHONG",
        "SO_PHO_TRUONG_PHONG",
        "XA_CHU_TICH_UBND",
        "XA_PHO_CHU_TICH_UBND",
        "PSU_CUC_GIAM_DOC",
        "PSU_CUC_PHO_GIAM_DOC",
    ):
        assert code in posts
    assert posts["SO_TRUONG_PHONG"]["coef_h"]["hanoi_hcmc"] == 60
    later = load("leadership_allowance").value_at(D(2026, 1, 10))["posts"]
    assert later["XA_CHU_TICH_UBND"]["coef_h"] == {"hanoi_hcmc": 70, "other": 60}
    assert later["SO_GIAM_DOC"] == posts["SO_GIAM_DOC"]  # unchanged posts carried over


def test_sector_rates():
    rates = snapshot(D(2024, 7, 1)).sector_rates
    assert sorted(rates["education"]) == [2500, 3000, 3500, 4000, 4500, 5000, 7000]
    assert {4_000, 10_000} <= set(rates["health"])
    assert "health" not in load("sector_allowances").value_at(D(2010, 1, 1))  # Decree 56/2011


def test_step_intervals_follow_the_groups():
    months = load("step_interval").value_at(D(2024, 7, 1))
    assert months["CGCC"] == 60
    assert {months[g] for g in ("A3.1", "A3.2", "A2.1", "A2.2", "A1", "A0")} == {36}
    assert {months[g] for g in ("B", "C1", "C2", "C3")} == {24}
    groups = set(load("salary_coefficients").value_at(D(2024, 7, 1)))
    assert set(months) == groups
    assert set(load("beyond_frame").value_at(D(2024, 7, 1))["months_to_first"]) == groups
