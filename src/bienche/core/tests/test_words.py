from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bienche.core.words import number_to_words, vnd_in_words

CASES = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (91, "chín mươi mốt"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (999, "chín trăm chín mươi chín"),
    (1_000, "một nghìn"),
    (1_001, "một nghìn không trăm linh một"),
    (1_010, "một nghìn không trăm mười"),
    (1_015, "một nghìn không trăm mười lăm"),  # num2words: "một nghìn lẻ mười lăm"
    (1_100, "một nghìn một trăm"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_005, "một trăm nghìn không trăm linh năm"),
    (1_000_000, "một triệu"),
    (1_000_001, "một triệu không trăm linh một"),
    (1_001_000, "một triệu không trăm linh một nghìn"),
    (2_005_000, "hai triệu không trăm linh năm nghìn"),  # num2words: "hai triệu năm nghìn"
    (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
    (5_475_600, "năm triệu bốn trăm bảy mươi lăm nghìn sáu trăm"),
    (700_000_231, "bảy trăm triệu hai trăm ba mươi mốt"),
    (400_070_192, "bốn trăm triệu không trăm bảy mươi nghìn một trăm chín mươi hai"),
    (834_291_712, "tám trăm ba mươi tư triệu hai trăm chín mươi mốt nghìn bảy trăm mười hai"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_500_000_000, "một tỷ năm trăm triệu"),
    (21_000_000_000, "hai mươi mốt tỷ"),
    (10**12, "một nghìn tỷ"),
    (1_001_000_000_000, "một nghìn không trăm linh một tỷ"),
    (10**15, "một triệu tỷ"),
    (2_000_003_000_000_000, "hai triệu không trăm linh ba tỷ"),
    (10**18, "một tỷ tỷ"),
    (1_000_000_000_000_000_001, "một tỷ tỷ không trăm linh một"),
    (-7, "âm bảy"),
    (-2_005_000, "âm hai triệu không trăm linh năm nghìn"),
]


@pytest.mark.parametrize(("n", "words"), CASES)
def test_number_to_words(n, words):
    assert number_to_words(n) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (5_475_600, "Năm triệu bốn trăm bảy mươi lăm nghìn sáu trăm đồng"),
        (0, "Không đồng"),
        (1_015, "Một nghìn không trăm mười lăm đồng"),
        (-50_000, "Âm năm mươi nghìn đồng"),
    ],
)
def test_vnd_in_words(amount, words):
    assert vnd_in_words(amount) == words


@pytest.mark.parametrize("bad", [1.0, Decimal(5), True, "5", None])
def test_refuses_non_int(bad):
    with pytest.raises(TypeError):
        number_to_words(bad)
    with pytest.raises(TypeError):
        vnd_in_words(bad)


DIGIT_WORDS = {"một", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mốt"}
NONZERO_DIGIT_WORDS = DIGIT_WORDS | {"mười"}  # "mười" is a tens digit 1
VOCABULARY = NONZERO_DIGIT_WORDS | {"không", "mươi", "trăm", "linh", "nghìn", "triệu", "tỷ"}
SCALE_WORDS = ("nghìn", "triệu", "tỷ")

# Numbers with many zero groups and zero digits, where the conventions matter most.
GROUP = st.one_of(st.integers(0, 999), st.sampled_from([0, 0, 0, 1, 5, 10, 15, 21, 105, 110]))
SPARSE = st.lists(GROUP, min_size=1, max_size=7).map(
    lambda groups: sum(g * 1000**i for i, g in enumerate(groups))
)
POSITIVE = st.one_of(st.integers(1, 10**21), SPARSE.filter(lambda n: n > 0))


def _groups(n: int) -> list[int]:
    """Three-digit groups of n > 0, most significant first."""
    return [int(group) for group in f"{n:,}".split(",")]


@given(POSITIVE)
@example(1_000_001)
@example(10**18)
def test_words_are_well_formed(n):
    text = number_to_words(n)
    tokens = text.split(" ")
    assert text
    assert text == text.strip()
    assert "  " not in text
    assert text == text.lower()
    assert set(tokens) <= VOCABULARY
    assert number_to_words(-n) == "âm " + text


@given(POSITIVE)
def test_every_nonzero_digit_is_read_once(n):
    """One digit word per non-zero digit; "mười" stands for a tens digit 1."""
    tokens = number_to_words(n).split(" ")
    assert sum(t in NONZERO_DIGIT_WORDS for t in tokens) == sum(c != "0" for c in str(n))


@given(POSITIVE)
def test_khong_only_for_zero_hundreds_after_the_leading_group(n):
    later_groups = _groups(n)[1:]
    expected = sum(1 for g in later_groups if 0 < g < 100)
    assert number_to_words(n).split(" ").count("không") == expected


@given(POSITIVE)
def test_scale_words(n):
    text = number_to_words(n)
    tokens = text.split(" ")
    # A number ending in 000 ends with a unit word, any other with a digit word.
    assert (n % 1000 == 0) == text.endswith(SCALE_WORDS)
    if n < 1000:
        assert not set(tokens) & set(SCALE_WORDS)
    elif n < 10**6:
        assert "nghìn" in tokens
        assert not {"triệu", "tỷ"} & set(tokens)
    elif n < 10**9:
        assert "triệu" in tokens
        assert "tỷ" not in tokens
    else:
        assert "tỷ" in tokens


@given(st.integers(1, 999), st.integers(0, 10**9 - 1))
def test_billions_are_read_first(head, rest):
    """The number of tỷ is read on its own, then "tỷ", then the rest."""
    text = number_to_words(head * 10**9 + rest)
    assert text.startswith(number_to_words(head) + " tỷ")


@given(st.integers(0, 10**12))
def test_vnd_in_words_wraps_number_to_words(amount):
    text = vnd_in_words(amount)
    assert text.endswith(" đồng")
    assert text[0].isupper()
    assert text[0].lower() + text[1:] == number_to_words(amount) + " đồng"
