import pytest
from django.test import Client

from bienche.org.models import UnitVersion
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_admin(django_user_model):
    small_city()
    user = django_user_model.objects.create_user("boss", password="pw-12345678")
    membership_grant(user=user, role="city_admin", unit_code=None, acting_user=None)
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def officer(django_user_model):
    small_city()
    user = django_user_model.objects.create_user("o", password="pw-12345678")
    membership_grant(user=user, role="unit_officer", unit_code="D1", acting_user=None)
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.parametrize("url", ["/", "/org/chart/", "/org/units/HN/", "/org/events/"])
def test_login_required(url):
    resp = Client().get(url)
    assert resp.status_code == 302
    assert resp["Location"].startswith("/login/")


def test_chart_as_of_date(city_admin):
    html = city_admin.get("/org/chart/?on=2021-01-01").content.decode()
    assert "Quận Một" in html
    assert 'data-search="w1 phường một"' in html
    assert city_admin.get("/org/chart/?on=2019-01-01").content.decode().count('class="node') == 0


def test_chart_bad_date_shows_error(city_admin):
    resp = city_admin.get("/org/chart/?on=2021-02-30")
    assert resp.status_code == 200
    assert "2021-02-30" in resp.content.decode()
    assert 'role="alert"' in resp.content.decode()


def test_chart_escapes_names(city_admin):
    from bienche.org.services import LegalBasis, unit_rename

    unit_rename(
        code="S1",
        name="<script>x</script>",
        on=__import__("datetime").date(2022, 1, 1),
        basis=LegalBasis("1/QĐ"),
        acting_user=None,
    )
    html = city_admin.get("/org/chart/?on=2022-01-02").content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html


def test_officer_sees_only_subtree(officer):
    html = officer.get("/org/chart/?on=2021-01-01").content.decode()
    assert "Phường Một" in html
    assert "Sở Một" not in html
    assert officer.get("/org/units/S1/").status_code == 404
    assert officer.get("/org/units/W1/").status_code == 200


def test_rename_form_errors_and_success(city_admin):
    url = "/org/events/new/rename/"
    bad = city_admin.post(
        url, {"code": "S1", "name": "Sở Mới", "effective_on": "2019-01-01", "basis_number": "5/QĐ"}
    )
    assert bad.status_code == 200
    assert "không hoạt động" in bad.content.decode()
    assert UnitVersion.objects.filter(unit__code="S1").count() == 1
    ok = city_admin.post(
        url, {"code": "S1", "name": "Sở Mới", "effective_on": "2023-01-01", "basis_number": "5/QĐ"}
    )
    assert ok.status_code == 302
    assert ok["Location"] == "/org/units/S1/"
    assert UnitVersion.objects.filter(unit__code="S1").count() == 2


def test_officer_cannot_rename_outside_scope(officer):
    resp = officer.post(
        "/org/events/new/rename/",
        {"code": "S1", "name": "X", "effective_on": "2023-01-01", "basis_number": "5/QĐ"},
    )
    assert resp.status_code == 200
    assert UnitVersion.objects.filter(unit__code="S1").count() == 1


def test_merge_form(city_admin):
    resp = city_admin.post(
        "/org/events/new/merge/",
        {
            "predecessor_codes": "W1, W2",
            "code": "W9",
            "name": "Phường Chín",
            "kind": "ward",
            "parent_code": "D1",
            "effective_on": "2024-01-01",
            "basis_number": "1/NQ",
        },
    )
    assert resp.status_code == 302
    page = city_admin.get("/org/units/W9/").content.decode()
    assert "Phường Một" in page
    assert "Phường Hai" in page


def test_unit_page_and_timeline(city_admin):
    page = city_admin.get("/org/units/D1/").content.decode()
    assert "Phường Một" in page
    assert "01/QĐ-TEST" in page
    timeline = city_admin.get("/org/events/").content.decode()
    assert "01/QĐ-TEST" in timeline


def test_positions_upload_and_download(city_admin, tmp_path):
    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bienche.staffing.models import JobPosition
    from bienche.staffing.positions_xlsx import HEADERS

    wb = openpyxl.Workbook()
    wb.active.append(list(HEADERS))
    wb.active.append(["CV", "Chuyên viên", "professional", "A1", 3, "open", "2022-01-01"])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    resp = city_admin.post(
        "/staffing/units/S1/positions/import/",
        {"file": SimpleUploadedFile("p.xlsx", path.read_bytes())},
    )
    assert resp.status_code == 302
    assert JobPosition.objects.filter(unit__code="S1", code="CV").exists()
    dl = city_admin.get("/staffing/units/S1/positions.xlsx?on=2022-06-01")
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"".join(dl.streaming_content))
    assert openpyxl.load_workbook(out).active["A2"].value == "CV"


def test_officer_cannot_import_positions_elsewhere(officer, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    resp = officer.post(
        "/staffing/units/S1/positions/import/", {"file": SimpleUploadedFile("p.xlsx", b"x")}
    )
    assert resp.status_code == 404


def test_unit_staffing_page_shows_leadership_surplus(city_admin):
    import datetime as dt

    from bienche.org.services import LegalBasis, UnitSpec, unit_merge
    from bienche.staffing.models import JobPositionVersion
    from bienche.staffing.tests.factories import position, staff

    for n, unit in enumerate(("S1", "S2"), start=1):
        position(unit, "GD", headcount=1, category="leadership")
        JobPositionVersion.objects.filter(position__unit__code=unit).update(title="Giám đốc")
        staff(n, unit, position="GD", rank="01.002")
    unit_merge(
        predecessor_codes=["S1", "S2"],
        successor=UnitSpec(code="S9", name="Sở Chín", kind="department", parent_code="UB"),
        on=dt.date(2025, 3, 1),
        basis=LegalBasis("1/NQ"),
        acting_user=None,
    )
    html = city_admin.get("/staffing/units/S9/?on=2025-03-02").content.decode()
    assert 'data-testid="surplus"' in html
    assert "01/03/2030" in html


def test_roster_search_filters_and_masks(city_admin, django_user_model):
    from bienche.org.services.access import membership_grant
    from bienche.staffing.tests.factories import staff

    staff(1, "S1")
    staff(2, "W1", category="commune_official")
    html = city_admin.get("/staffing/roster/?on=2022-01-01&q=Văn 2").content.decode()
    assert "000000000002" in html
    assert "000000000001" not in html
    html = city_admin.get("/staffing/roster/?on=2022-01-01&category=civil_servant").content
    assert b"000000000001" in html
    assert b"000000000002" not in html
    viewer = django_user_model.objects.create_user("v2", password="pw-12345678")
    membership_grant(user=viewer, role="viewer", unit_code="HN", acting_user=None)
    c = Client()
    c.force_login(viewer)
    masked = c.get("/staffing/roster/?on=2022-01-01").content.decode()
    assert "********0001" in masked
    assert "000000000001" not in masked


def test_roster_download_applies_filters(city_admin, tmp_path):
    import openpyxl

    from bienche.staffing.tests.factories import staff

    staff(1, "S1")
    staff(2, "W1", category="commune_official")
    resp = city_admin.get("/staffing/roster.xlsx?on=2022-01-01&category=commune_official")
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"".join(resp.streaming_content))
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == 2
    assert ws["A2"].value == "000000000002"


def test_changes_between_two_dates(city_admin, django_user_model):
    city_admin.post(
        "/org/events/new/merge/",
        {
            "predecessor_codes": "W1, W2",
            "code": "W9",
            "name": "Phường Chín",
            "kind": "ward",
            "parent_code": "D1",
            "effective_on": "2024-01-01",
            "basis_number": "1/NQ",
        },
    )
    url = "/org/diff/?from=2023-12-31&to=2024-01-01"
    page = city_admin.get(url).content.decode()
    assert 'data-testid="count-added">Thêm mới: 1<' in page
    assert 'data-testid="count-removed">Không còn: 2<' in page
    added = page[page.index('data-testid="diff-added"') : page.index('id="removed"')]
    assert "W9" in added
    assert "Phường Chín" in added
    removed = page[page.index('data-testid="diff-removed"') : page.index('id="renamed"')]
    assert "W1" in removed
    assert "W2" in removed
    # Dates the other way round are swapped; nothing changed within 2023.
    swapped = city_admin.get("/org/diff/?from=2024-01-01&to=2023-12-31").content.decode()
    assert 'count-added">Thêm mới: 1<' in swapped
    quiet = city_admin.get("/org/diff/?from=2023-06-01&to=2023-12-31").content.decode()
    assert 'count-added">Thêm mới: 0<' in quiet
    # A change in D2 is not listed for an officer of D1 (outside their scope).
    city_admin.post(
        "/org/events/new/rename/",
        {"code": "C1", "name": "Xã Một Mới", "effective_on": "2024-01-01", "basis_number": "2/NQ"},
    )
    assert "Xã Một Mới" in city_admin.get(url).content.decode()
    user = django_user_model.objects.create_user("o1", password="pw-12345678")
    membership_grant(user=user, role="unit_officer", unit_code="D1", acting_user=None)
    officer = Client()
    officer.force_login(user)
    mine = officer.get(url).content.decode()
    assert "W9" in mine
    assert "Xã Một Mới" not in mine


def test_an_officers_chart_does_not_narrow_the_next_users(officer, django_user_model):
    """The registry tree is cached per date and shared by every request of the process: the
    chart of an officer (their subtree only) must not change it for the next user."""
    html = officer.get("/org/chart/?on=2021-01-01").content.decode()
    assert "Sở Một" not in html
    boss = django_user_model.objects.create_user("boss2", password="pw-12345678")
    membership_grant(user=boss, role="city_admin", unit_code=None, acting_user=None)
    admin = Client()
    admin.force_login(boss)
    html = admin.get("/org/chart/?on=2021-01-01").content.decode()
    assert "Sở Một" in html
    assert "Thành phố Hà Nội" in html
