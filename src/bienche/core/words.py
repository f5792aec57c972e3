"""Amounts in Vietnamese words, as written on financial and administrative documents.

This is the "số tiền bằng chữ" of invoices, vouchers and pay sheets, in the northern
(Hà Nội) vocabulary: nghìn (not ngàn), linh (not lẻ), tỷ (not tỉ).

Rules, in order:

1. Digits are read in groups of three from the left; the unit words are nghìn (10^3),
   triệu (10^6) and tỷ (10^9). Above a tỷ, the number of tỷ is itself read as a number and
   followed by "tỷ": 10^12 → "một nghìn tỷ", 10^15 → "một triệu tỷ", 10^18 → "một tỷ tỷ",
   1 234 567 × 10^9 → "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy tỷ"
   (not "một triệu tỷ hai trăm ba mươi tư nghìn tỷ …").
2. The leading group is read as it is (5 → "năm", 15 000 → "mười lăm nghìn").
3. Every later non-empty group is read with its three digits: a zero hundreds digit is
   "không trăm" (1 015 → "một nghìn không trăm mười lăm"; 2 005 000 → "hai triệu không
   trăm linh năm nghìn").
4. Empty groups (000) are skipped with their unit word: 1 000 000 → "một triệu";
   1 000 001 → "một triệu không trăm linh một" (never "không nghìn").
5. Inside a group: a zero tens digit before a non-zero unit is "linh" (105 → "một trăm
   linh năm"); 10–19 use "mười" (10 → "mười", 11 → "mười một", 15 → "mười lăm",
   14 → "mười bốn"); tens ≥ 2 use "mươi" (20 → "hai mươi"); after "mươi", 1 is "mốt",
   4 is "tư" and 5 is "lăm" (21 → "hai mươi mốt", 24 → "hai mươi tư", 25 → "hai mươi
   lăm"); after "mười", 5 is "lăm".
6. 0 → "không"; negatives are prefixed with "âm".

Evidence for rules 3–4 and the recursive "tỷ": the widely copied PHP reader "docso"
(e.g. vietthuan1996/First-Website, chucnang/pdf/docsotien.php) reads every block after the
first in full ("daydu") and skips empty blocks, and appends "tỷ" per nine digits; the
Python reader by tntxtnt (daynhauhoc.com) does the same when ``đọc_số_rỗng=False``
and reads "không nghìn" only as an option. Accounting guides ("Hướng dẫn viết số tiền bằng
chữ trên hóa đơn", aloketoan.com) give "mốt" after tens ≥ 2, "tư" and "linh" as above.
num2words is not used: its release 0.5.14 (``lang_VI``) reads 1 015 → "một nghìn lẻ mười
lăm", 2 005 000 → "hai triệu năm nghìn", 24 → "hai mươi bốn" and 10^15 → "một trăm nghìn
tỷ"; the tntxtnt-based rewrite in its repository reads empty groups ("bảy trăm triệu không
nghìn hai trăm ba mươi mốt") and puts commas after "tỷ".
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUP_UNITS = ("", "nghìn", "triệu")
BILLION = 10**9


def _after_tens(tens: int, units: int) -> str:
    """The unit digit's word after "mười" (tens == 1) or "… mươi" (tens ≥ 2)."""
    if units == 5:
        return "lăm"
    if tens >= 2 and units == 1:
        return "mốt"
    if tens >= 2 and units == 4:
        return "tư"
    return DIGITS[units]


def _tens_units(tens: int, units: int) -> list[str]:
    """Words for the last two digits of a group whose hundreds were not read."""
    if tens == 0:
        return [DIGITS[units]] if units else []
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    return [*words, _after_tens(tens, units)] if units else words


def _group(n: int, *, full: bool) -> list[str]:
    """Words for 0 < n < 1000; ``full`` reads a zero hundreds digit as "không trăm"."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    if not hundreds and not full:
        return _tens_units(tens, units)
    words = [DIGITS[hundreds], "trăm"]
    if tens == 0 and units:
        return [*words, "linh", DIGITS[units]]
    return words + _tens_units(tens, units)


def _below_billion(n: int, *, full: bool) -> list[str]:
    """Words for 0 ≤ n < 10^9; ``full`` when a higher non-empty group was already read."""
    words: list[str] = []
    for index in (2, 1, 0):
        group = n // 1000**index % 1000
        if group:
            words += _group(group, full=full or bool(words))
            words += [GROUP_UNITS[index]] if index else []
    return words


def _positive(n: int) -> list[str]:
    billions, rest = divmod(n, BILLION)
    words = [*_positive(billions), "tỷ"] if billions else []
    return words + _below_billion(rest, full=bool(words))


def number_to_words(n: int) -> str:
    """``2_005_000`` → ``"hai triệu không trăm linh năm nghìn"`` (lowercase)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words takes an int, got {type(n).__name__}")
    if n == 0:
        return "không"
    if n < 0:
        return "âm " + number_to_words(-n)
    return " ".join(_positive(n))


def vnd_in_words(amount: int) -> str:
    """``5_475_600`` → ``"Năm triệu bốn trăm bảy mươi lăm nghìn sáu trăm đồng"``."""
    text = number_to_words(amount)
    return f"{text[0].upper()}{text[1:]} đồng"
