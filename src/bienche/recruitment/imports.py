"""XLSX import of an exam's candidates (registration) and of its scores (one round, one
examiner per row), with the empty templates (Vietnamese headers).

Both imports are all-or-nothing: the file is parsed first (row, column and reason for each
problem), then every row goes through the registration or scoring service inside one
transaction; any refused row rolls the whole file back and is reported with its column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

from bienche.core.errors import BiencheError
from bienche.core.problems import Problem
from bienche.core.xlsx import parse_date, read_xlsx
from bienche.recruitment.batch import all_or_nothing
from bienche.recruitment.enums import (
    Education,
    LeaderPost,
    PoliticalTheory,
    Priority,
    StateManagement,
)
from bienche.recruitment.services.candidates import candidate_register
from bienche.recruitment.services.scores import score_enter

C_POSITION, C_PID, C_NAME, C_BIRTH = "Mã vị trí", "Số định danh cá nhân", "Họ và tên", "Ngày sinh"
C_SEX, C_EDU, C_PRIORITY, C_VERIFIED = (
    "Giới tính",
    "Trình độ",
    "Đối tượng ưu tiên",
    "Ngày đạt kiểm định",
)
C_NUMBER, C_SCORE, C_EXAMINER = "Số báo danh", "Điểm", "Giám khảo"
# leadership selection (optional columns): the post's standards
C_RANK, C_YEARS = "Mã ngạch hiện giữ", "Số năm công tác trong ngành"
C_POLITICAL, C_STATE = "Lý luận chính trị", "Quản lý nhà nước"
C_POST, C_ORIGIN = "Chức vụ lãnh đạo đang giữ", "Nguồn ứng viên"
LEADER_HEADERS = (C_RANK, C_YEARS, C_POLITICAL, C_STATE, C_POST, C_ORIGIN)

CANDIDATE_HEADERS = (C_POSITION, C_PID, C_NAME, C_BIRTH, C_SEX, C_EDU, C_PRIORITY, C_VERIFIED)
CANDIDATE_HEADERS += LEADER_HEADERS
CANDIDATE_REQUIRED = (C_POSITION, C_PID, C_NAME, C_BIRTH, C_SEX, C_EDU)
SCORE_HEADERS = (C_NUMBER, C_NAME, C_SCORE, C_EXAMINER)
SCORE_REQUIRED = (C_NUMBER, C_SCORE)

#: Service error fields → the file's column.
COLUMN_OF_FIELD = {
    "position_code": C_POSITION,
    "personal_id": C_PID,
    "birth_date": C_BIRTH,
    "education": C_EDU,
    "priority": C_PRIORITY,
    "verified_on": C_VERIFIED,
    "rank_code": C_RANK,
    "years_in_field": C_YEARS,
    "political_theory": C_POLITICAL,
    "state_management": C_STATE,
    "current_post": C_POST,
    "internal": C_ORIGIN,
    "number": C_NUMBER,
    "round1": C_SCORE,
    "round2": C_SCORE,
    "examiner": C_EXAMINER,
}

SEXES = {"nam": "M", "m": "M", "nữ": "F", "nu": "F", "f": "F"}
EDUCATION_WORDS = {"trung cấp": "intermediate", "cao đẳng": "college", "đại học": "university"}
EDUCATION_WORDS |= {"thạc sĩ": "master", "tiến sĩ": "master"}
EDUCATION_WORDS |= {v: v for v in Education.values}
PRIORITY_WORDS = {v: v for v in Priority.values if v}
PRIORITY_WORDS |= {"anh hùng": "hero", "thương binh": "hero", "dân tộc thiểu số": "ethnic_minority"}
PRIORITY_WORDS |= {"quân nhân": "officer_veteran", "con liệt sĩ": "martyr_child"}
PRIORITY_WORDS |= {"nghĩa vụ": "military_service", "thanh niên xung phong": "youth_volunteer"}
POLITICAL_WORDS = {"sơ cấp": "so_cap", "trung cấp": "trung_cap", "cao cấp": "cao_cap"}
POLITICAL_WORDS |= {v: v for v in PoliticalTheory.values if v}
STATE_WORDS = {"chuyên viên": "chuyen_vien", "chuyên viên chính": "chuyen_vien_chinh"}
STATE_WORDS |= {"chuyên viên cao cấp": "chuyen_vien_cao_cap"}
STATE_WORDS |= {v: v for v in StateManagement.values if v}
POST_WORDS = {"phó trưởng phòng": "pho_truong_phong", "trưởng phòng": "truong_phong"}
POST_WORDS |= {v: v for v in LeaderPost.values if v}
ORIGIN_WORDS = {"trong đơn vị": "1", "ngoài đơn vị": "", "trong": "1", "ngoài": ""}


@dataclass
class ImportReport:
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _problem(row: int, column: str, vi: str, en: str | None = None) -> Problem:
    return Problem(row, column, vi, en or vi)


def _read(path: str | Path, headers: tuple[str, ...], required: tuple[str, ...]) -> Any:
    """(rows as {header: text} with their Excel row number, problems)."""
    try:
        found, raw = read_xlsx(path)
    except ValueError as exc:
        return [], [_problem(0, "", f"Không đọc được tệp XLSX: {exc}", str(exc))]
    missing = [h for h in required if h not in found]
    if missing:
        return [], [_problem(1, h, f"Thiếu cột «{h}».", f"Missing column «{h}».") for h in missing]
    idx = {h: found.index(h) for h in headers if h in found}
    rows = []
    for n, cells in enumerate(raw, start=2):
        v = {h: ("" if cells[i] is None else str(cells[i]).strip()) for h, i in idx.items()}
        if any(v.values()):
            rows.append((n, {h: v.get(h, "") for h in headers}))
    if not rows:
        return [], [_problem(0, "", "Tệp không có dòng dữ liệu nào.", "The file has no rows.")]
    return rows, []


def _date(n: int, column: str, text: str, problems: list[Problem]) -> dt.date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        problems.append(_problem(n, column, f"Ngày «{text}» không hợp lệ (dd/mm/yyyy)."))
        return None


def _required(n: int, v: dict[str, str], names: tuple[str, ...]) -> list[Problem]:
    return [_problem(n, h, f"Thiếu giá trị cột «{h}».") for h in names if not v[h]]


def _word(n: int, column: str, text: str, words: dict[str, str], problems: list) -> str:
    value = words.get(text.lower())
    if value is None and text:
        problems.append(_problem(n, column, f"Giá trị «{text}» không hợp lệ."))
    return value or ""


def _candidate_row(n: int, v: dict[str, str], seen: dict[str, int]) -> tuple[dict, list]:
    problems = _required(n, v, CANDIDATE_REQUIRED)
    pid = v[C_PID]
    if pid and pid in seen:
        problems.append(_problem(n, C_PID, f"Trùng số định danh với dòng {seen[pid]}."))
    seen.setdefault(pid, n)
    row = {
        "row": n,
        "position_code": v[C_POSITION],
        "personal_id": pid,
        "full_name": v[C_NAME],
        "birth_date": _date(n, C_BIRTH, v[C_BIRTH], problems),
        "sex": _word(n, C_SEX, v[C_SEX], SEXES, problems),
        "education": _word(n, C_EDU, v[C_EDU], EDUCATION_WORDS, problems),
        "priority": _word(n, C_PRIORITY, v[C_PRIORITY], PRIORITY_WORDS, problems),
        "verified_on": _date(n, C_VERIFIED, v[C_VERIFIED], problems),
    }
    return row | _leader_cells(n, v, problems), problems


def _leader_cells(n: int, v: dict[str, str], problems: list[Problem]) -> dict[str, Any]:
    """The leadership standards' columns (optional; empty for a recruitment exam)."""
    years: int | None = None
    if v[C_YEARS]:
        try:
            years = int(float(v[C_YEARS].replace(",", ".")))
        except ValueError:
            problems.append(_problem(n, C_YEARS, f"Số năm «{v[C_YEARS]}» không hợp lệ."))
    origin = _word(n, C_ORIGIN, v[C_ORIGIN], ORIGIN_WORDS, problems) if v[C_ORIGIN] else "1"
    return {
        "rank_code": v[C_RANK],
        "years_in_field": years,
        "political_theory": _word(n, C_POLITICAL, v[C_POLITICAL], POLITICAL_WORDS, problems),
        "state_management": _word(n, C_STATE, v[C_STATE], STATE_WORDS, problems),
        "current_post": _word(n, C_POST, v[C_POST], POST_WORDS, problems),
        "internal": origin == "1",
    }


def _service_problem(row: int, exc: BiencheError) -> Problem:
    return Problem(row, COLUMN_OF_FIELD.get(exc.field or "", ""), exc.vi, exc.en)


def _run(rows: list[dict], call: Any) -> list[Problem]:
    return [_service_problem(r["row"], exc) for r, exc in all_or_nothing(rows, call)]


def candidates_import_xlsx(path: str | Path, *, exam_code: str, acting_user: Any) -> ImportReport:
    """Register every row's candidate, or none."""
    raw, problems = _read(path, CANDIDATE_HEADERS, CANDIDATE_REQUIRED)
    seen: dict[str, int] = {}
    rows = []
    for n, v in raw:
        row, found = _candidate_row(n, v, seen)
        problems += found
        rows.append(row)
    if problems:
        return ImportReport(0, problems)

    def register(r: dict) -> None:
        args = {k: r[k] for k in r if k != "row"}
        candidate_register(exam_code=exam_code, acting_user=acting_user, **args)

    problems = _run(rows, register)
    return ImportReport(0 if problems else len(rows), problems)


def _score_row(n: int, v: dict[str, str], seen: dict[tuple, int]) -> tuple[dict, list]:
    problems = _required(n, v, SCORE_REQUIRED)
    number: int | None = None
    try:
        number = int(float(v[C_NUMBER])) if v[C_NUMBER] else None
    except ValueError:
        problems.append(_problem(n, C_NUMBER, f"Số báo danh «{v[C_NUMBER]}» không hợp lệ."))
    key = (number, v[C_EXAMINER])
    if number is not None and key in seen:
        problems.append(
            _problem(n, C_NUMBER, f"Trùng số báo danh và giám khảo với dòng {seen[key]}.")
        )
    seen.setdefault(key, n)
    row = {"row": n, "number": number, "value": v[C_SCORE], "examiner": v[C_EXAMINER]}
    return row | {"name": v[C_NAME]}, problems


def _name_problems(exam_code: str, rows: list[dict]) -> list[Problem]:
    """A name given in the file must be the candidate's (catches a shifted column)."""
    from bienche.recruitment.models import Candidate

    names = dict(Candidate.objects.filter(exam__code=exam_code).values_list("number", "full_name"))
    return [
        _problem(r["row"], C_NAME, f"Họ tên «{r['name']}» không khớp số báo danh {r['number']}.")
        for r in rows
        if r["name"] and r["number"] in names and names[r["number"]].strip() != r["name"]
    ]


def scores_import_xlsx(
    path: str | Path,
    *,
    exam_code: str,
    round: int,
    on: dt.date,
    acting_user: Any,  # noqa: A002
) -> ImportReport:
    """Enter every row's mark for ``round`` (per examiner when the column is filled), or none."""
    raw, problems = _read(path, SCORE_HEADERS, SCORE_REQUIRED)
    seen: dict[tuple, int] = {}
    rows = []
    for n, v in raw:
        row, found = _score_row(n, v, seen)
        problems += found
        rows.append(row)
    if problems:
        return ImportReport(0, problems)
    problems = _name_problems(exam_code, rows)
    if problems:
        return ImportReport(0, problems)

    def enter(r: dict) -> None:
        score_enter(
            exam_code=exam_code,
            number=r["number"],
            round=round,
            value=r["value"],
            examiner=r["examiner"],
            on=on,
            acting_user=acting_user,
        )

    problems = _run(rows, enter)
    return ImportReport(0 if problems else len(rows), problems)


GUIDE = {
    C_SEX: "Nam / Nữ",
    C_EDU: "Trung cấp / Cao đẳng / Đại học / Thạc sĩ",
    C_PRIORITY: "để trống, hoặc: " + ", ".join(sorted(PRIORITY_WORDS)),
    C_BIRTH: "dd/mm/yyyy",
    C_VERIFIED: "dd/mm/yyyy (bắt buộc từ 01/08/2024 với công chức)",
    C_SCORE: "số, dấu phẩy hoặc dấu chấm thập phân",
    C_EXAMINER: "để trống nếu chỉ một người chấm; thi tuyển lãnh đạo: tên thành viên hội đồng",
    C_RANK: "thi tuyển lãnh đạo: mã ngạch, ví dụ 01.003 (Chuyên viên)",
    C_YEARS: "thi tuyển lãnh đạo: số năm công tác trong ngành, lĩnh vực",
    C_POLITICAL: "thi tuyển lãnh đạo: Sơ cấp / Trung cấp / Cao cấp",
    C_STATE: "thi tuyển lãnh đạo: Chuyên viên / Chuyên viên chính / Chuyên viên cao cấp",
    C_POST: "thi tuyển lãnh đạo: để trống, Phó trưởng phòng hoặc Trưởng phòng",
    C_ORIGIN: "Trong đơn vị (mặc định) / Ngoài đơn vị",
}


def template_xlsx(path: str | Path, *, kind: str) -> None:
    """An empty import template: the headers on the first sheet, a guide on the second."""
    headers = CANDIDATE_HEADERS if kind == "candidates" else SCORE_HEADERS
    wb = xlsxwriter.Workbook(str(path))
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Thí sinh" if kind == "candidates" else "Điểm")
    ws.write_row(0, 0, headers, bold)
    ws.set_column(0, len(headers) - 1, 22)
    guide = wb.add_worksheet("Hướng dẫn")
    guide.write_row(0, 0, ["Cột", "Giá trị"], bold)
    for i, h in enumerate(headers, start=1):
        guide.write_row(i, 0, [h, GUIDE.get(h, "")])
    guide.set_column(0, 1, 40)
    wb.close()
