"""The pricing demo: 296 pilot schools (synthetic, labelled), a verdict per group with its
reasons, the report downloadable as a real DOCX; services priced; autonomy flagged."""

import datetime as dt
import zipfile
from xml.dom import minidom

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bienche.demo.build import build_demo
from bienche.pricing.models import PilotSchool, SchoolAccount
from bienche.pricing.pilot import ADJUST, CONTINUE, STOP, Criteria
from bienche.pricing.selectors import autonomy_rows, pilot_evaluation, service_price

pytestmark = pytest.mark.django_db


def test_pricing_demo():
    """One build (it takes a while), three checks."""
    build_demo(progress=False, staffing=False, steering=False, delegation=False)
    _pilot_recommends_per_group_with_reasons()
    _report_downloads_as_a_real_docx()
    _services_priced_and_autonomy_flagged()


def _pilot_recommends_per_group_with_reasons():
    assert PilotSchool.objects.count() == 296
    assert PilotSchool.objects.filter(synthetic=False).count() == 0
    assert SchoolAccount.objects.filter(year=2023, synthetic=True).count() == 296
    ev = pilot_evaluation(2023, Criteria())
    verdicts = {v.group: v.verdict for v in ev["by_area"]}
    assert verdicts == {"urban": CONTINUE, "rural": ADJUST, "mountain": STOP}
    for v in ev["by_area"]:
        assert len(v.checks) == 4
    assert ev["synthetic"]
    assert 0 < sum(s.outlier for s in ev["schools"]) < 30


def _report_downloads_as_a_real_docx():
    admin = User.objects.create_superuser("pricing-admin", password="pw-pricing-2026")
    client = Client()
    client.force_login(admin)
    resp = client.get("/pricing/pilot/report.docx?year=2023")
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    body = b"".join(resp.streaming_content) if resp.streaming else resp.content
    import io

    with zipfile.ZipFile(io.BytesIO(body)) as z:
        xml = z.read("word/document.xml").decode()
    minidom.parseString(xml)
    assert "296 trường" in xml
    assert "Số liệu giả lập" in xml
    assert "Tiếp tục có điều chỉnh" in xml


def _services_priced_and_autonomy_flagged():
    before = service_price("MN-NGAY", dt.date(2024, 6, 30)).price.full
    after = service_price("MN-NGAY", dt.date(2024, 7, 1)).price.full
    assert after > before
    rows = autonomy_rows(2023)
    assert len(rows) > 40
    assert any(r["differs"] for r in rows)
    assert any(not r["differs"] for r in rows)
    # preschools approved in group 4 compute higher once the budget pays the unified price
    schools = [r for r in rows if r["code"].startswith("HN.DV.MN.")]
    assert len(schools) == 296
    assert {r["approved"] for r in schools} == {4}
    assert all(r["differs"] and r["computed"] in (2, 3) for r in schools)
