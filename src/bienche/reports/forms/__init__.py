"""The statistical forms (biểu mẫu thống kê) as XLSX: the registry and the whole-set export.

Each form is a builder ``(as_of, unit_code) -> FormTable`` reading the apps' selectors, and
``form_xlsx(code, as_of, unit_code) -> bytes`` renders it (``sheet.write_form``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bienche.core.errors import NotFound
from bienche.reports import messages as m
from bienche.reports.forms.recruitment import recruitment_form
from bienche.reports.forms.sheet import FormTable, write_form
from bienche.reports.forms.staffing import positions_form, staffing_form
from bienche.reports.forms.steering import steering_form
from bienche.reports.forms.units import units_form


@dataclass(frozen=True)
class FormSpec:
    code: str
    slug: str
    title: str
    build: Callable[[dt.date, str | None], FormTable]

    def filename(self) -> str:
        return f"{self.code}-{self.slug}.xlsx"

    def xlsx(self, as_of: dt.date, unit_code: str | None) -> bytes:
        return write_form(self.build(as_of, unit_code))


FORMS: tuple[FormSpec, ...] = (
    FormSpec("BM01", "don-vi-hanh-chinh", "Số lượng đơn vị theo loại hình và cấp", units_form),
    FormSpec("BM02", "bien-che", "Biên chế được giao và số người có mặt", staffing_form),
    FormSpec("BM03", "vi-tri-viec-lam", "Vị trí việc làm theo đơn vị và nhóm", positions_form),
    FormSpec("BM04", "tuyen-dung", "Kết quả tuyển dụng", recruitment_form),
    FormSpec("BM05", "nhiem-vu", "Kết quả thực hiện nhiệm vụ được giao", steering_form),
)
BY_CODE = {f.code: f for f in FORMS}


def form_get(code: str) -> FormSpec:
    spec = BY_CODE.get(code.upper())
    if spec is None:
        raise NotFound(m.FORM_UNKNOWN, field="code", code=code, codes=", ".join(BY_CODE))
    return spec


def form_xlsx(code: str, as_of: dt.date, unit_code: str | None) -> bytes:
    return form_get(code).xlsx(as_of, unit_code)


def forms_export(as_of: dt.date, unit_code: str | None, out_dir: Path) -> list[Path]:
    """Write every form into ``out_dir`` (created if missing); the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in FORMS:
        path = out_dir / spec.filename()
        path.write_bytes(spec.xlsx(as_of, unit_code))
        written.append(path)
    return written


def forms_zip(as_of: dt.date, unit_code: str | None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for spec in FORMS:
            archive.writestr(spec.filename(), spec.xlsx(as_of, unit_code))
    return buf.getvalue()
