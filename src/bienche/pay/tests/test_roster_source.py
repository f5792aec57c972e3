"""Reading the roster in bulk from the database (SQLite and PostgreSQL) and from files."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from bienche.pay import roster_source as rs
from bienche.pay.tests.factories import BONUS, EMPLOYER_COST, JULY, pay_city, pid
from bienche.rules.errors import RosterError
from bienche.rules.payroll import run
from bienche.rules.roster import ROSTER_COLUMNS

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return pay_city()


def test_frame_has_exactly_the_engine_columns_and_types(people):
    frame = rs.roster_frame(JULY)
    assert dict(frame.schema) == ROSTER_COLUMNS
    assert frame.height == 5
    c = frame.filter(pl.col("person_id") == str(people["C"])).row(0, named=True)
    assert c["sector"] == "education"
    assert c["level"] == "district"
    assert (c["salary_group"], c["step"], c["coefficient_h"]) == ("A1", 9, 498)
    assert c["last_step_date"] == dt.date(2015, 3, 1)
    assert (c["leadership_coef_h"], c["sector_allowance_bp"]) == (0, 3500)
    a = frame.filter(pl.col("person_id") == str(people["A"])).row(0, named=True)
    assert (a["sector"], a["staff_category"]) == ("general", "civil_servant")


def test_only_assignments_valid_on_the_day(people):
    assert rs.roster_frame(dt.date(2020, 12, 31)).height == 0


def test_run_on_the_database_roster_matches_hand_computation(people):
    result = run(rs.roster_frame(JULY), JULY)
    assert result.totals["headcount"] == 4
    assert result.totals["excluded"] == 1
    assert result.totals["employer_cost"] == sum(EMPLOYER_COST.values())
    assert result.totals["bonus_fund"] == sum(BONUS.values())
    assert result.excluded.row(0, named=True)["person_id"] == str(people["E"])
    assert result.excluded.row(0, named=True)["rule"] == "leadership"
    by_person = dict(result.people.select("person_id", "employer_cost").rows())
    assert by_person[str(people["C"])] == 20_502_058


@pytest.mark.parametrize("limit", [rs.SQL_IN_LIMIT, 0])
def test_unit_filter_in_sql_or_in_polars(people, monkeypatch, limit):
    from bienche.org.models import Unit

    monkeypatch.setattr(rs, "SQL_IN_LIMIT", limit)
    ids = set(Unit.objects.filter(code__in=["D1", "T1"]).values_list("pk", flat=True))
    frame = rs.roster_frame(JULY, unit_ids=ids)
    assert sorted(frame["person_id"]) == sorted(str(people[k]) for k in "ABCE")
    assert rs.roster_frame(JULY, unit_ids=set()).height == 0


def test_person_row_and_reference(people):
    row, who = rs.person_row(people["C"], JULY)
    assert row["coefficient_h"] == 498
    assert who == {"personal_id": pid("C"), "full_name": "Người C"}
    assert rs.person_row(people["C"], dt.date(2019, 1, 1)) is None
    assert rs.person_row(2**70, JULY) is None
    assert rs.person_row(-1, JULY) is None
    assert rs.person_pk(pid("B")) == people["B"]
    assert rs.person_pk(str(people["B"])) == people["B"]
    assert rs.person_pk("123456789012") is None
    assert rs.person_pk("") is None


def test_unit_without_version_on_the_day_is_excluded_not_dropped(people):
    from bienche.org.models import UnitVersion
    from bienche.pay.tests.factories import JULY as day

    UnitVersion.objects.filter(unit__code="D2").update(valid_to=dt.date(2024, 1, 1))
    frame = rs.roster_frame(day)
    d = frame.filter(pl.col("person_id") == str(people["D"])).row(0, named=True)
    assert d["sector"] is None
    result = run(frame, day)
    assert result.totals["excluded"] == 2
    assert set(result.excluded["rule"]) == {"roster", "leadership"}


def test_read_roster_file_parquet_and_xlsx(people, tmp_path):
    frame = rs.roster_frame(JULY)
    frame.write_parquet(tmp_path / "r.parquet")
    assert rs.read_roster_file(tmp_path / "r.parquet").equals(frame)
    frame.with_columns(pl.col("last_step_date").cast(pl.String)).write_excel(tmp_path / "r.xlsx")
    back = rs.read_roster_file(tmp_path / "r.xlsx")
    assert dict(back.schema) == ROSTER_COLUMNS
    assert back.sort("person_id").equals(frame.sort("person_id"))


def test_read_roster_file_names_missing_and_wrong_columns(tmp_path):
    pl.DataFrame({"person_id": ["1"], "unit_id": [1]}).write_parquet(tmp_path / "a.parquet")
    with pytest.raises(RosterError, match="missing columns sector, level"):
        rs.read_roster_file(tmp_path / "a.parquet")
    good = {c: [None] for c in ROSTER_COLUMNS} | {"step": ["nine"]}
    pl.DataFrame(good).write_parquet(tmp_path / "b.parquet")
    with pytest.raises(RosterError, match="column step cannot be read as Int32"):
        rs.read_roster_file(tmp_path / "b.parquet")
    (tmp_path / "c.csv").write_text("x")
    with pytest.raises(RosterError, match="unsupported file type .csv"):
        rs.read_roster_file(tmp_path / "c.csv")
    with pytest.raises(RosterError, match="no such file"):
        rs.read_roster_file(tmp_path / "missing.parquet")
