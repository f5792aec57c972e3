"""The report drafts API: create (problem details on bad input), save narratives with 409 on
a stale revision, freeze, list versions and download; another district's officer gets 404."""

import io

import docx
import pytest
from django.test import Client

from bienche.core.tokens import api_token_create
from bienche.reports.render import pdf as pdf_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(users):
    out = {}
    for name, user in users.items():
        token = api_token_create(user=user, name="t", acting_user=None, scope="write")[1]
        out[name] = Client(headers={"Authorization": f"Bearer {token}"})
    return out


def _post(client, path, body=None):
    return client.post(f"/api/v1/reports{path}", body or {}, content_type="application/json")


def test_api_journey(api, monkeypatch):
    monkeypatch.setattr(pdf_module, "pdf_renderer", lambda: None)
    bad = _post(api["admin"], "", {"year": 2019, "unit_code": "D1"})
    assert bad.status_code == 422
    assert bad.json()["code"] == "report_cannot_build"
    assert "2019" in bad.json()["detail_vi"]
    assert _post(api["officer"], "", {"year": 2023, "unit_code": "D1"}).status_code == 403
    made = _post(api["admin"], "", {"year": 2023, "unit_code": "D1", "format": "party"})
    assert made.status_code == 201
    rid = made.json()["id"]
    assert made.json()["format"] == "party"
    body = {"html": "<p>Hạn chế <script>x</script>qua API</p>", "expected_revision": 0}
    saved = _post(api["admin"], f"/{rid}/narratives/limitations", body)
    assert saved.status_code == 201
    assert saved.json()["html"] == "<p>Hạn chế qua API</p>"
    stale = _post(api["admin"], f"/{rid}/narratives/limitations", body)
    assert stale.status_code == 409
    assert stale.json()["code"] == "report_narrative_stale"
    assert _post(api["admin"], f"/{rid}/narratives/staffing", body).status_code == 422
    assert _post(api["officer"], f"/{rid}/freeze").status_code == 403
    frozen = _post(api["admin"], f"/{rid}/freeze")
    assert frozen.status_code == 201
    assert frozen.json()["has_pdf"] is False
    assert frozen.json()["pdf_url"] is None
    versions = api["viewer"].get(f"/api/v1/reports/{rid}/versions").json()
    assert [v["number"] for v in versions] == [1]
    narratives = api["viewer"].get(f"/api/v1/reports/{rid}/narratives").json()
    assert narratives[0]["revision"] == 1
    got = api["viewer"].get(versions[0]["docx_url"])
    assert 'filename="bao-cao-2023-v1.docx"' in got["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(got.content)).paragraphs)
    assert "Hạn chế qua API" in text
    assert api["viewer"].get(f"/api/v1/reports/{rid}/versions/1/pdf").status_code == 404
    assert api["outsider"].get(f"/api/v1/reports/{rid}").status_code == 404
    assert api["outsider"].get(versions[0]["docx_url"]).status_code == 404
    assert _post(api["outsider"], f"/{rid}/freeze").status_code == 404
    assert [r["id"] for r in api["outsider"].get("/api/v1/reports").json()] == []
    assert [r["id"] for r in api["officer"].get("/api/v1/reports").json()] == [rid]
