"""The package data read as Hà Nội's units: counts, kinds and lineage (no database)."""

from collections import Counter

from bienche.demo.hanoi_units import jan2025_completeness, load_hanoi


def test_counts_and_kinds():
    hn = load_hanoi()
    assert Counter(d.kind for d in hn.districts) == {
        "urban_district": 12,
        "rural_district": 17,
        "town": 1,
    }
    assert Counter(c.kind for c in hn.communes) == {"ward": 160, "commune": 345, "township": 21}
    assert Counter(n.kind for n in hn.new_communes) == {"ward": 51, "commune": 75}


def test_every_legacy_commune_flows_into_a_new_one():
    hn = load_hanoi()
    used = {p.legacy_gso_code for n in hn.new_communes for p in n.predecessors}
    assert used == {c.gso_code for c in hn.communes}
    assert all(n.predecessors for n in hn.new_communes)


def test_known_examples():
    hn = load_hanoi()
    by_name = {n.name: n for n in hn.new_communes}
    legacy = {c.gso_code: c.name for c in hn.communes}
    ba_dinh = {legacy[p.legacy_gso_code] for p in by_name["Phường Ba Đình"].predecessors if p.whole}
    assert {"Phường Trúc Bạch", "Phường Quán Thánh"} <= ba_dinh
    divided = Counter(
        p.legacy_gso_code for n in hn.new_communes for p in n.predecessors if not p.whole
    )
    assert divided
    assert min(divided.values()) >= 2


def test_jan_2025_reconstruction():
    hn = load_hanoi()
    truc_bach = next(m for m in hn.jan2025 if m.successor_gso_code == "00004")
    assert [a.key for a in truc_bach.absorbed] == ["phuongnguyentrungtruc"]
    assert all(a.name_reconstructed for m in hn.jan2025 for a in m.absorbed)
    report = jan2025_completeness()
    assert report["successor_units"] + report["renamed_successors"] >= 50
    assert report["official_into"] == 52


def test_deterministic():
    load_hanoi.cache_clear()
    first = load_hanoi()
    load_hanoi.cache_clear()
    assert load_hanoi() == first
