"""The official presentation rules, as data: one `FormatSpec` per document format.

Sources (read 2026; see docs/adr/0007-report-rendering.md):

- **state** — Decree 30/2020/NĐ-CP of 05/03/2020 on clerical work, Appendix I (format and
  presentation of administrative documents): A4 portrait; margins top 20–25, bottom 20–25,
  left 30–35, right 15–20 mm; Times New Roman (Unicode TCVN 6909:2001), black; national
  title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" uppercase bold 12–13 and motto "Độc lập - Tự do
  - Hạnh phúc" bold 13–14 underlined by a rule; parent body uppercase regular 12–13, issuing
  body uppercase bold with a short rule; "Số: 125/BC-BCĐ" 13 upright; place and date 13–14
  italic with leading zeros for days 01–09 and months 01–02; type 13–14 bold uppercase,
  summary 13–14 bold; body 13–14 justified, first-line indent 1–1.27 cm, spacing ≥ 6 pt;
  page number 13–14 centred at the top, not on page 1; "Nơi nhận:" 12 bold italic, entries
  11 ending "- Lưu: VT, …"; signature TM./KT./TL. and title uppercase bold 13–14, name bold.
- **party** — Guidance 36-HD/VPTW of 03/04/2018 (Central Party Office): same paper and
  margins (top 20, bottom 20, left 30, right 15 mm); "ĐẢNG CỘNG SẢN VIỆT NAM" uppercase bold
  15 with a rule; superior Party body uppercase 14, issuing body uppercase bold 14 then "*";
  "Số 24-CT/TU" 14 with no colon; place and date 14 italic; type 15–16 bold uppercase,
  summary 14–15 bold; body 14–15; signatures "T/M", "K/T", "T/L".

The renderers read only these values, so a change in the rules is a change here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bienche.reports.content import DocFormat

#: A4 portrait, in millimetres (both formats).
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
FONT_NAME = "Times New Roman"
#: Fonts the HTML/PDF falls back to when Times New Roman is not installed (metric-compatible).
FONT_FALLBACKS = ("Liberation Serif", "Tinos", "DejaVu Serif", "serif")


@dataclass(frozen=True)
class FormatSpec:
    """Sizes in points, lengths in millimetres."""

    name: DocFormat
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    # Left header column: parent body, issuing body, number.
    parent_size: float
    parent_bold: bool
    issuing_size: float
    number_prefix: str  # "Số: " (Decree 30) or "Số " (HD36, no colon)
    number_size: float
    issuing_mark: str  # "" (a short rule) or "*" (HD36)
    # Right header column: national title and motto, or the Party name.
    national_title: str
    national_title_size: float
    motto: str
    motto_size: float
    place_date_size: float
    # Title block and body.
    type_size: float
    summary_size: float
    body_size: float
    first_line_indent_cm: float
    paragraph_spacing_pt: float
    line_spacing: float
    page_number_size: float
    # Closing blocks.
    recipients_title: str
    recipients_title_size: float
    recipients_size: float
    archive_entry: str
    signature_size: float


STATE = FormatSpec(
    name="state",
    margin_top=20,
    margin_bottom=20,
    margin_left=30,
    margin_right=15,
    parent_size=13,
    parent_bold=False,
    issuing_size=13,
    number_prefix="Số: ",
    number_size=13,
    issuing_mark="",
    national_title="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    national_title_size=13,
    motto="Độc lập - Tự do - Hạnh phúc",
    motto_size=14,
    place_date_size=14,
    type_size=14,
    summary_size=14,
    body_size=14,
    first_line_indent_cm=1.0,
    paragraph_spacing_pt=6,
    line_spacing=1.15,
    page_number_size=13,
    recipients_title="Nơi nhận:",
    recipients_title_size=12,
    recipients_size=11,
    archive_entry="Lưu: VT.",
    signature_size=14,
)

#: Guidance 36-HD/VPTW: the same paper and margins; what differs from Decree 30 is below.
PARTY = replace(
    STATE,
    name="party",
    parent_size=14,
    issuing_size=14,
    number_prefix="Số ",
    number_size=14,
    issuing_mark="*",
    national_title="ĐẢNG CỘNG SẢN VIỆT NAM",
    national_title_size=15,
    motto="",
    motto_size=15,
    type_size=16,
    page_number_size=14,
)

FORMATS: dict[str, FormatSpec] = {"state": STATE, "party": PARTY}


def format_spec(name: DocFormat) -> FormatSpec:
    return FORMATS[name]
