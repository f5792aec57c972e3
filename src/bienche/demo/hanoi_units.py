"""Hà Nội's administrative units from the ``vietnamadminunits`` package (MIT), read-only.

* 30 district-level units and 526 commune-level units as they stood before 01/07/2025
  (table ``admin_units_legacy``; this is the state *after* the 01/01/2025 mergers);
* the 126 communes and wards from 01/07/2025 (table ``admin_units``) with the legacy units
  that formed each one (``converter_2025.json``: wholly, or divided between several);
* the 01/01/2025 mergers (Resolution 1286/NQ-UBTVQH15), reconstructed from the package's
  alias data: an alias of a legacy unit that names another commune-level unit is taken as a
  unit absorbed into it. Aliases that are the unit's own name, or its name without a compass
  suffix (Bắc/Nam/Đông/Tây/Trung), are spelling variants, not units. The package keeps only
  ASCII keys for absorbed units, so their names are rebuilt syllable by syllable from the
  accented names of all units in the dataset, and flagged ``name_reconstructed``.

GSO codes are reused between the two datasets, so they are data here, never identity.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

PROVINCE_KEY = "thanhphohanoi"
DISTRICT_KINDS = {"Quận": "urban_district", "Huyện": "rural_district", "Thị xã": "town"}
COMMUNE_KINDS = {"Phường": "ward", "Xã": "commune", "Thị trấn": "township"}
PREFIXES = {
    "phuong": ("Phường", "ward"),
    "xa": ("Xã", "commune"),
    "thitran": ("Thị trấn", "township"),
}
COMPASS = {"bac", "nam", "dong", "tay", "trung"}
OFFICIAL_JAN_2025 = {"before": 579, "after": 526, "rearranged": 109, "into": 52}


@dataclass(frozen=True)
class LegacyDistrict:
    gso_code: str
    name: str
    short_name: str
    kind: str
    key: str


@dataclass(frozen=True)
class LegacyCommune:
    gso_code: str
    name: str
    short_name: str
    kind: str
    district_gso_code: str
    key: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Predecessor:
    legacy_gso_code: str
    whole: bool
    is_default: bool


@dataclass(frozen=True)
class NewCommune:
    gso_code: str
    name: str
    short_name: str
    kind: str
    area_km2: float
    key: str
    predecessors: tuple[Predecessor, ...]


@dataclass(frozen=True)
class AbsorbedCommune:
    name: str
    kind: str
    key: str
    name_reconstructed: bool


@dataclass(frozen=True)
class Jan2025Merge:
    """Units absorbed into ``successor_gso_code`` on 01/01/2025; ``former`` is the successor's
    own name before that day when the merged unit took a new, combined name."""

    successor_gso_code: str
    absorbed: tuple[AbsorbedCommune, ...]
    former: AbsorbedCommune | None = None


@dataclass(frozen=True)
class HanoiUnits:
    districts: tuple[LegacyDistrict, ...]
    communes: tuple[LegacyCommune, ...]
    new_communes: tuple[NewCommune, ...]
    jan2025: tuple[Jan2025Merge, ...]


def _data(name: str) -> Any:
    return files("vietnamadminunits").joinpath("data", name)


def _query(sql: str) -> list[sqlite3.Row]:
    path = _data("dataset.db")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        return list(conn.execute(sql))


@cache
def load_hanoi() -> HanoiUnits:
    legacy = _query(
        "SELECT DISTINCT district, districtShort, districtType, districtCode, districtKey, "
        "ward, wardShort, wardType, wardCode, wardKey, wardAlias FROM admin_units_legacy "
        f"WHERE provinceKey = '{PROVINCE_KEY}' ORDER BY wardCode"
    )
    districts = {
        r["districtCode"]: LegacyDistrict(
            r["districtCode"],
            r["district"],
            r["districtShort"],
            DISTRICT_KINDS[r["districtType"]],
            r["districtKey"],
        )
        for r in legacy
    }
    communes = tuple(
        LegacyCommune(
            r["wardCode"],
            r["ward"],
            r["wardShort"],
            COMMUNE_KINDS[r["wardType"]],
            r["districtCode"],
            r["wardKey"],
            tuple(json.loads(r["wardAlias"] or "[]")),
        )
        for r in legacy
    )
    return HanoiUnits(
        districts=tuple(sorted(districts.values(), key=lambda d: d.gso_code)),
        communes=communes,
        new_communes=_new_communes(
            {f"{PROVINCE_KEY}_{r['districtKey']}_{r['wardKey']}": r["wardCode"] for r in legacy}
        ),
        jan2025=_jan_2025(communes),
    )


def _new_communes(old_code_by_key: dict[str, str]) -> tuple[NewCommune, ...]:
    conv = json.loads(_data("converter_2025.json").read_text("utf-8"))
    whole = conv["DICT_PROVINCE_WARD_NO_DIVIDED"][PROVINCE_KEY]
    divided = conv["DICT_PROVINCE_WARD_DIVIDED"].get(PROVINCE_KEY, {})
    preds: dict[str, list[Predecessor]] = {k: [] for k in whole}
    for new_key, olds in whole.items():
        preds[new_key] += [Predecessor(old_code_by_key[o], True, True) for o in olds]
    for old_key, news in divided.items():
        for n in news:
            preds.setdefault(n["newWardKey"], []).append(
                Predecessor(old_code_by_key[old_key], False, bool(n["isDefaultNewWard"]))
            )
    rows = _query(
        "SELECT ward, wardShort, wardType, wardCode, wardKey, wardAreaKm2 FROM admin_units "
        f"WHERE provinceKey = '{PROVINCE_KEY}' ORDER BY wardCode"
    )
    return tuple(
        NewCommune(
            r["wardCode"],
            r["ward"],
            r["wardShort"],
            COMMUNE_KINDS[r["wardType"]],
            float(r["wardAreaKm2"] or 0),
            r["wardKey"],
            tuple(sorted(preds[r["wardKey"]], key=lambda p: p.legacy_gso_code)),
        )
        for r in rows
    )


def _split_prefix(key: str) -> tuple[str, str] | None:
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if key.startswith(prefix) and len(key) > len(prefix):
            return prefix, key[len(prefix) :]
    return None


def _alias_keys(c: LegacyCommune, known: set[str]) -> tuple[list[str], str | None]:
    """(absorbed unit keys, the successor's former key) read from a unit's aliases.

    Aliases come in pairs (``phuongtrucbach``, ``trucbach``): only prefixed ones with their
    bare twin name a unit. Own name and compass variants are spelling, not units. An alias
    that begins the unit's own, longer name is the unit's former name (a rename by merger).
    """
    own = _split_prefix(c.key)
    own_core = own[1] if own else c.key
    bare = set(c.aliases)
    absorbed: list[str] = []
    former = None
    for alias in c.aliases:
        parts = _split_prefix(alias)
        if parts is None or parts[1] not in bare or alias == c.key or alias in known:
            continue
        core = parts[1]
        rest = own_core[len(core) :] if own_core.startswith(core) else None
        if rest in COMPASS or alias in absorbed:
            continue
        if rest and former is None:
            former = alias
        else:
            absorbed.append(alias)
    return absorbed, former


def _jan_2025(communes: tuple[LegacyCommune, ...]) -> tuple[Jan2025Merge, ...]:
    known = {c.key for c in communes}
    names = _name_tables()
    merges = []
    for c in communes:
        keys, former = _alias_keys(c, known)
        if keys or former:
            absorbed = tuple(_absorbed(k, names) for k in keys)
            merges.append(
                Jan2025Merge(c.gso_code, absorbed, _absorbed(former, names) if former else None)
            )
    return tuple(merges)


def _absorbed(key: str, names: tuple[dict[str, str], dict[str, str]]) -> AbsorbedCommune:
    prefix, core = _split_prefix(key) or ("xa", key)
    label, kind = PREFIXES[prefix]
    whole, syllables = names
    name = whole.get(core) or " ".join(_segment(core, syllables)) or core
    return AbsorbedCommune(name=f"{label} {name}", kind=kind, key=key, name_reconstructed=True)


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    ).lower()


@cache
def _name_tables() -> tuple[dict[str, str], dict[str, str]]:
    """ASCII → most frequent accented spelling, for whole short names and for syllables,
    over every unit name in the dataset (all provinces, both periods)."""
    whole: dict[str, Counter[str]] = {}
    syll: dict[str, Counter[str]] = {}
    for (name,) in _query(
        "SELECT wardShort FROM admin_units_legacy UNION ALL "
        "SELECT districtShort FROM admin_units_legacy UNION ALL "
        "SELECT wardShort FROM admin_units"
    ):
        name = (name or "").strip()
        whole.setdefault(_ascii(name).replace(" ", ""), Counter())[name] += 1
        for word in name.split():
            if word.isalpha():
                syll.setdefault(_ascii(word), Counter())[word] += 1
    pick = lambda t: {k: c.most_common(1)[0][0] for k, c in t.items()}  # noqa: E731
    return pick(whole), pick(syll)


def _segment(core: str, syllables: dict[str, str]) -> list[str]:
    """Split an ASCII run into known syllables (fewest pieces), or [] when impossible."""
    best: list[list[str] | None] = [None] * (len(core) + 1)
    best[0] = []
    for end in range(1, len(core) + 1):
        for start in range(max(0, end - 7), end):
            prev, piece = best[start], core[start:end]
            if prev is not None and piece in syllables:
                cand = [*prev, syllables[piece]]
                if best[end] is None or len(cand) < len(best[end]):
                    best[end] = cand
    return best[len(core)] or []


def jan2025_completeness() -> dict[str, int]:
    merges = load_hanoi().jan2025
    absorbed = sum(len(m.absorbed) for m in merges)
    return {
        "absorbed_units": absorbed,
        "successor_units": len(merges),
        "renamed_successors": sum(1 for m in merges if m.former),
        "official_rearranged": OFFICIAL_JAN_2025["rearranged"],
        "official_into": OFFICIAL_JAN_2025["into"],
        "official_disappeared": OFFICIAL_JAN_2025["before"] - OFFICIAL_JAN_2025["after"],
    }
