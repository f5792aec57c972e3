"""Hòa Lạc projects as XLSX: the export of the project list, and the import of projects.

Import layout: first sheet, headers in row 1 in any order (Vietnamese, as ``COLUMNS``).
Required: ``Mã dự án``, ``Tên dự án``, ``Nhà đầu tư``, ``Quốc gia`` (ISO code, VN for
domestic), ``Lĩnh vực``, ``Luồng``, ``Giai đoạn``, ``Ngày vào giai đoạn``. Choices accept the
code or the Vietnamese or English label. From ``Đăng ký đầu tư`` on, the certificate columns
(``Số GCN``, ``Ngày GCN``, ``Vốn đăng ký``, ``Loại tiền``, ``Tỷ giá`` when not VND and no rate
is recorded) and the land columns (``Phân khu``, ``Mục đích sử dụng đất``, ``Diện tích (ha)``)
are required. An investor is reused when its name matches an existing one exactly (ignoring
diacritics, case and company-form words); a merely similar name is a problem unless the row
says ``x`` in ``Nhà đầu tư mới``.

Every row is checked by the same services as the web forms, inside one transaction that is
rolled back when any row has a problem: a file is imported whole or not at all, and each
problem names the Excel row, the column and the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from django.db import transaction
from django.db.models import TextChoices
from django.utils import translation

from bienche.core.errors import BiencheError, InvalidInput
from bienche.core.problems import Problem
from bienche.core.xlsx import parse_date, read_xlsx
from bienche.investment import messages as m
from bienche.investment.enums import (
    Currency,
    LandUse,
    Pipeline,
    Sector,
    Stage,
    Status,
    TechLevel,
)
from bienche.investment.models import Investor
from bienche.investment.names import fold
from bienche.investment.services.investors import investor_create
from bienche.investment.services.projects import CertificateSpec, ProjectSpec, project_create

MAX_ROWS = 5000
REQUIRED = (
    "Mã dự án",
    "Tên dự án",
    "Nhà đầu tư",
    "Quốc gia",
    "Lĩnh vực",
    "Luồng",
    "Giai đoạn",
    "Ngày vào giai đoạn",
)
OPTIONAL = (
    "Phân khu",
    "Mục đích sử dụng đất",
    "Diện tích (ha)",
    "Việc làm kế hoạch",
    "Việc làm đã tạo",
    "Trình độ công nghệ",
    "Số GCN",
    "Ngày GCN",
    "Vốn đăng ký",
    "Loại tiền",
    "Tỷ giá",
    "Bước tiếp theo",
    "Nhà đầu tư mới",
)
#: Service field → import column, to name the column of a service's error.
FIELD_COLUMNS = {
    "code": "Mã dự án",
    "name": "Tên dự án",
    "investor": "Nhà đầu tư",
    "country": "Quốc gia",
    "sector": "Lĩnh vực",
    "pipeline": "Luồng",
    "stage": "Giai đoạn",
    "stage_on": "Ngày vào giai đoạn",
    "zone": "Phân khu",
    "land_use": "Mục đích sử dụng đất",
    "land_ha": "Diện tích (ha)",
    "jobs_planned": "Việc làm kế hoạch",
    "jobs_created": "Việc làm đã tạo",
    "tech_level": "Trình độ công nghệ",
    "number": "Số GCN",
    "issued_on": "Ngày GCN",
    "amount": "Vốn đăng ký",
    "currency": "Loại tiền",
    "rate_vnd": "Tỷ giá",
    "next_step": "Bước tiếp theo",
}


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _vocabulary(choices: type[TextChoices]) -> dict[str, str]:
    words = {}
    for value, label in choices.choices:
        words[value.lower()] = value
        words[str(label).lower()] = value
        with translation.override("vi"):
            words[str(choices(value).label).lower()] = value
    return words


class _Row:
    """One row's cells, parsed on demand; a bad cell raises ``InvalidInput`` naming it."""

    def __init__(self, text: dict[str, str]) -> None:
        self.text = text

    def get(self, column: str) -> str:
        return self.text.get(column, "")

    def choice(self, column: str, choices: type[TextChoices], default: str = "") -> str:
        raw = self.get(column)
        if not raw:
            return default
        value = _vocabulary(choices).get(raw.lower())
        if value is None:
            raise InvalidInput(
                m.CHOICE_INVALID, field=column, value=raw, what=column, what_en=column
            )
        return value

    def date(self, column: str) -> dt.date | None:
        raw = self.get(column)
        if not raw:
            return None
        try:
            return parse_date(raw)
        except ValueError:
            raise InvalidInput(
                m.CHOICE_INVALID, field=column, value=raw, what=column, what_en=column
            ) from None

    def whole(self, column: str) -> int | None:
        raw = self.get(column).strip()
        if re.fullmatch(r"\d+\.0+", raw):  # a number cell read as text: 1000000.0
            raw = raw.split(".")[0]
        raw = raw.replace(".", "").replace(",", "").replace(" ", "")
        if not raw:
            return None
        if raw.isdigit():
            return int(raw)
        raise InvalidInput(
            m.NUMBER_INVALID, field=column, what=column, what_en=column, value=self.get(column)
        )


def _specs(row: _Row, investor_id: int) -> tuple[ProjectSpec, CertificateSpec | None]:
    spec = ProjectSpec(
        code=row.get("Mã dự án"),
        name=row.get("Tên dự án"),
        investor_id=investor_id,
        pipeline=row.choice("Luồng", Pipeline, Pipeline.NEW),
        sector=row.choice("Lĩnh vực", Sector),
        stage=row.choice("Giai đoạn", Stage),
        stage_on=row.date("Ngày vào giai đoạn"),
        zone_code=row.get("Phân khu"),
        land_use=row.choice("Mục đích sử dụng đất", LandUse),
        land_ha=row.get("Diện tích (ha)") or 0,
        jobs_planned=row.whole("Việc làm kế hoạch") or 0,
        jobs_created=row.whole("Việc làm đã tạo") or 0,
        tech_level=row.choice("Trình độ công nghệ", TechLevel, TechLevel.HIGH),
        next_step=row.get("Bước tiếp theo"),
    )
    if spec.stage_on is None:
        raise InvalidInput(
            m.FIELD_REQUIRED, field="stage_on", what="ngày vào giai đoạn", what_en="The date"
        )
    certificate = None
    if row.get("Số GCN"):
        issued = row.date("Ngày GCN")
        amount = row.whole("Vốn đăng ký")
        if issued is None or amount is None:
            column = "Ngày GCN" if issued is None else "Vốn đăng ký"
            raise InvalidInput(m.FIELD_REQUIRED, field=column, what=column, what_en=column)
        certificate = CertificateSpec(
            number=row.get("Số GCN"),
            issued_on=issued,
            amount=amount,
            currency=row.choice("Loại tiền", Currency, Currency.VND),
            rate_vnd=row.whole("Tỷ giá"),
        )
    return spec, certificate


def _investor(row: _Row, acting_user: Any) -> Investor:
    name = row.get("Nhà đầu tư")
    existing = Investor.objects.filter(name_key=fold(name)).first() if name else None
    if existing is not None:
        return existing
    return investor_create(
        name=name,
        country=row.get("Quốc gia"),
        sector=row.choice("Lĩnh vực", Sector),
        confirm_distinct=row.get("Nhà đầu tư mới").lower() in {"x", "có", "yes"},
        acting_user=acting_user,
    )


def _problem(n: int, exc: BiencheError) -> Problem:
    column = FIELD_COLUMNS.get(exc.field or "", exc.field or "")
    return Problem(n, column, exc.vi, exc.en)


def _read(path: str | Path) -> tuple[list[tuple[int, _Row]], list[Problem]]:
    try:
        headers, raw = read_xlsx(path)
    except ValueError as exc:
        return [], [Problem(0, "", f"Không đọc được tệp: {exc}", f"Unreadable file: {exc}")]
    missing = [c for c in REQUIRED if c not in headers]
    if missing:
        msg = m.IMPORT_COLUMNS
        return [], [
            Problem(
                0,
                "",
                msg.render("vi", missing=", ".join(missing)),
                msg.render("en", missing=", ".join(missing)),
            )
        ]
    index = {h: i for i, h in enumerate(headers) if h in REQUIRED or h in OPTIONAL}
    rows = []
    for n, r in enumerate(raw, start=2):
        text = {c: "" if r[i] is None else str(r[i]).strip() for c, i in index.items()}
        if any(text.values()):
            rows.append((n, _Row(text)))
    if len(rows) > MAX_ROWS:
        return [], [Problem(0, "", f"Tệp quá {MAX_ROWS} dòng.", f"More than {MAX_ROWS} rows.")]
    return rows, []


def projects_import_xlsx(
    path: str | Path, *, acting_user: Any, dry_run: bool = False
) -> ImportReport:
    """Create every project of the file or none."""
    rows, problems = _read(path)
    report = ImportReport(rows=len(rows), problems=problems)
    if problems:
        return report
    with transaction.atomic():
        for n, row in rows:
            try:
                with transaction.atomic():
                    spec, certificate = _specs(row, _investor(row, acting_user).pk)
                    project_create(spec=spec, certificate=certificate, acting_user=acting_user)
                report.created += 1
            except BiencheError as exc:
                report.problems.append(_problem(n, exc))
        if report.problems or dry_run:
            transaction.set_rollback(True)
            report.created = 0 if report.problems else report.created
    return report


EXPORT_COLUMNS = (  # header, key, width
    ("Mã dự án", "code", 12),
    ("Tên dự án", "name", 40),
    ("Nhà đầu tư", "investor", 30),
    ("Quốc gia", "country", 8),
    ("Lĩnh vực", "sector", 20),
    ("Luồng", "pipeline", 16),
    ("Giai đoạn", "stage", 20),
    ("Ngày vào giai đoạn", "since", 12),
    ("Trạng thái", "status", 12),
    ("Phân khu", "zone", 10),
    ("Mục đích sử dụng đất", "land_use", 18),
    ("Diện tích (ha)", "land_ha", 10),
    ("Vốn đăng ký (VND)", "registered", 20),
    ("Vốn giải ngân (VND)", "disbursed", 20),
    ("Việc làm kế hoạch", "jobs_planned", 10),
    ("Việc làm đã tạo", "jobs_created", 10),
    ("Bước tiếp theo", "next_step", 30),
    ("Hạn bước tiếp theo", "next_step_due", 12),
    ("Dữ liệu mô phỏng", "synthetic", 8),
)
LABELS = {
    "sector": Sector,
    "pipeline": Pipeline,
    "stage": Stage,
    "status": Status,
    "land_use": LandUse,
}


def project_rows(states: list[Any]) -> list[dict[str, Any]]:
    """Rows of ``selectors.park_state`` for the list page and the export."""
    return [
        {
            "code": s.project.code,
            "name": s.project.name,
            "investor": s.project.investor.name,
            "investor_id": s.project.investor_id,
            "country": s.project.investor.country,
            "sector": s.project.sector,
            "pipeline": s.project.pipeline,
            "stage": s.stage,
            "since": s.since,
            "status": s.status,
            "zone": s.project.zone.code if s.project.zone_id else "",
            "land_use": s.project.land_use,
            "land_ha": float(s.project.land_ha),
            "registered": s.registered,
            "disbursed": s.disbursed,
            "jobs_planned": s.project.jobs_planned,
            "jobs_created": s.project.jobs_created,
            "next_step": s.project.next_step,
            "next_step_due": s.project.next_step_due,
            "synthetic": "x" if s.project.synthetic else "",
        }
        for s in states
    ]


def projects_export_xlsx(rows: list[dict[str, Any]], path: str | Path) -> None:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Dự án")
    bold = wb.add_format({"bold": True, "bg_color": "#EFEFEF", "border": 1, "text_wrap": True})
    dates, money = (
        wb.add_format({"num_format": "dd/mm/yyyy"}),
        wb.add_format({"num_format": "#,##0"}),
    )
    for j, (header, _k, width) in enumerate(EXPORT_COLUMNS):
        ws.write(0, j, header, bold)
        ws.set_column(j, j, width)
    with translation.override("vi"):
        for i, row in enumerate(rows, start=1):
            for j, (_h, key, _w) in enumerate(EXPORT_COLUMNS):
                value = row.get(key)
                if key in LABELS and value:
                    value = str(LABELS[key](value).label)
                if isinstance(value, dt.date):
                    ws.write_datetime(i, j, dt.datetime.combine(value, dt.time()), dates)
                elif isinstance(value, int) and key in ("registered", "disbursed"):
                    ws.write_number(i, j, value, money)
                elif value not in (None, ""):
                    ws.write(i, j, value)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(EXPORT_COLUMNS) - 1)
    wb.close()
