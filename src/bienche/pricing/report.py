"""The pilot evaluation report (DOCX, Vietnamese): terms, criteria, verdicts by area and
district with their reasons, outliers. Figures labelled synthetic when they are."""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

from bienche.core.money import format_vnd
from bienche.pricing import labels
from bienche.pricing.docx import Document
from bienche.pricing.enums import Area, Verdict
from bienche.pricing.pilot import Criteria, GroupVerdict
from bienche.pricing.selectors import pilot_evaluation


def _pct(bp: int) -> str:
    return f"{bp / 100:.2f}%".replace(".", ",")


def _rows(verdicts: list[GroupVerdict], names: dict[str, str]) -> list[list[str]]:
    return [
        [
            str(names.get(v.group, v.group)),
            str(v.schools),
            str(v.enrolment),
            format_vnd(v.revenue),
            format_vnd(v.cost),
            _pct(v.median_coverage_bp),
            str(Verdict(v.verdict).label),
            "; ".join(labels.check_text(ch) for ch in v.checks),
        ]
        for v in verdicts
    ]


def pilot_report_docx(year: int, criteria: Criteria, path: str | Path) -> dict:
    with translation.override("vi"):
        ev = pilot_evaluation(year, criteria)
        doc = Document()
        doc.heading("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        doc.heading(
            f"BÁO CÁO ĐÁNH GIÁ THÍ ĐIỂM GIÁ DỊCH VỤ GIÁO DỤC MẦM NON THỐNG NHẤT "
            f"NĂM HỌC {year}–{year + 1}"
        )
        if ev["synthetic"]:
            doc.paragraph(
                "Số liệu giả lập (demo) — không phải số liệu thật của các trường.", bold=True
            )
        terms = ev["terms"]
        doc.paragraph(
            "Giá thống nhất tạm thời (đồng/trẻ/tháng): "
            + "; ".join(f"{Area(a).label}: {format_vnd(p)}" for a, p in terms["price"].items())
            + ". Căn cứ: quyết định thí điểm chưa xác minh (giá trị giả định)."
        )
        total = ev["total"]
        if total is not None:
            doc.paragraph(
                f"{total.schools} trường, {total.enrolment} trẻ; tổng thu "
                f"{format_vnd(total.revenue)}, tổng chi phí {format_vnd(total.cost)}, mức bù đắp "
                f"{_pct(total.coverage_bp)}, chênh lệch {format_vnd(total.gap)}; tác động ngân "
                f"sách {format_vnd(total.budget_effect)}."
            )
        doc.paragraph("Tiêu chí khuyến nghị (có thể điều chỉnh):", bold=True)
        for field in labels.criteria_fields(criteria):
            doc.paragraph(f"– {field['label']}: {field['value']}")
        header = [
            "Nhóm",
            "Số trường",
            "Số trẻ",
            "Tổng thu",
            "Chi phí",
            "Trung vị bù đắp",
            "Khuyến nghị",
            "Lý do",
        ]
        doc.paragraph("Khuyến nghị theo vùng", bold=True)
        doc.table(header, _rows(ev["by_area"], {a.value: str(a.label) for a in Area}))
        doc.paragraph("Khuyến nghị theo quận, huyện", bold=True)
        doc.table(header, _rows(ev["by_district"], {}))
        outliers = [s for s in ev["schools"] if s.outlier]
        doc.paragraph(f"Trường bất thường (ngoài khoảng Tukey): {len(outliers)}", bold=True)
        doc.table(
            ["Mã", "Tên trường", "Quận, huyện", "Mức bù đắp", "Chênh lệch"],
            [
                [s.code, s.name, s.district, _pct(s.coverage_bp), format_vnd(s.gap)]
                for s in outliers
            ],
        )
        doc.save(path)
    return {
        "year": year,
        "schools": len(ev["schools"]),
        "file": str(path),
        "verdicts": {v.group: v.verdict for v in ev["by_area"]},
    }
