from bienche.steering.textsplit import split_items

TEXT = """Về nhiệm vụ trọng tâm năm 2024, Ban Chỉ đạo kết luận:
1. Sắp xếp các đơn vị hành chính theo quyết định của Quốc hội.
2. Hoàn thiện đề án vị trí việc làm
phục vụ cải cách tiền lương.
a) Sở Nội vụ chủ trì;
b) Các sở phối hợp.
3) Đẩy nhanh định mức, đơn giá dịch vụ công.
- Tổng kết thí điểm giá mầm non.
4.2. Báo cáo Thành ủy.
"""


def test_split_numbered_lettered_and_bulleted_items():
    preamble, items = split_items(TEXT)
    assert preamble == "Về nhiệm vụ trọng tâm năm 2024, Ban Chỉ đạo kết luận:"
    assert [i.number for i in items] == ["1", "2", "2.a", "2.b", "3", "3.1", "4.2"]
    assert items[1].text == "Hoàn thiện đề án vị trí việc làm phục vụ cải cách tiền lương."
    assert items[5].text == "Tổng kết thí điểm giá mầm non."


def test_bullets_without_numbers_are_numbered_in_order():
    _pre, items = split_items("- Một\n• Hai\n+ Ba")
    assert [(i.number, i.text) for i in items] == [("1", "Một"), ("2", "Hai"), ("3", "Ba")]


def test_empty_text():
    assert split_items("") == ("", [])
    assert split_items("Chỉ có lời dẫn.") == ("Chỉ có lời dẫn.", [])
