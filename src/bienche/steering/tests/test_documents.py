"""Documents and notices: who may record, open and list them."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import Forbidden, InvalidInput, NotFound
from bienche.core.models import AuditEntry
from bienche.org.permissions import user_scope
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.steering import messages as m
from bienche.steering.enums import NoticeKind
from bienche.steering.models import Notice
from bienche.steering.permissions import document_for_user
from bienche.steering.selectors import document_tasks, documents_list
from bienche.steering.services.notices import notice_list, notice_mark_read
from bienche.steering.tests.factories import document, task

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def users(django_user_model):
    small_city()
    out = {}
    for name, role, unit in [
        ("w2", "unit_officer", "W2"),
        ("c1", "unit_officer", "C1"),
        ("v", "viewer", "D1"),
    ]:
        out[name] = django_user_model.objects.create_user(name)
        membership_grant(user=out[name], role=role, unit_code=unit, acting_user=None)
    return out


def test_supporting_unit_sees_the_document_but_only_its_tasks(users):
    doc = document()
    task(doc, "W1", supporting_codes=["W2"])
    task(doc, "C1")
    assert document_for_user(users["w2"], doc.pk) == doc
    assert doc in documents_list(user_scope(users["w2"]))
    rows = document_tasks(doc, D(2024, 3, 2), user_scope(users["w2"]))
    assert [r["lead_unit"] for r in rows] == ["W1"]
    with pytest.raises(NotFound):
        document_for_user(users["c1"].__class__.objects.create_user("x"), doc.pk)


def test_recording_a_document_needs_a_write_role_and_a_unit(users):
    with pytest.raises(Forbidden):
        document(number="9/TB", acting_user=users["v"])
    with pytest.raises(InvalidInput) as exc:
        document(number="9/TB", acting_user=users["c1"])
    assert exc.value.field == "issuer_unit_code"
    with pytest.raises(NotFound):
        document(number="9/TB", acting_user=users["c1"], issuer_unit_code="D1")
    doc = document(number="9/TB", acting_user=users["c1"], issuer_unit_code="C1")
    assert doc.issuer_unit.code == "C1"
    with pytest.raises(InvalidInput) as exc:
        document(number="9/TB", acting_user=users["c1"], issuer_unit_code="C1")
    assert exc.value.message == m.DOC_DUPLICATE


def test_notices_by_scope_and_read_once_audited(users):
    t = task(lead="C1")
    notice = Notice.objects.create(
        key="k1",
        kind=NoticeKind.OVERDUE,
        task=t,
        unit=t.lead_unit,
        post="Chủ tịch",
        for_date=D(2024, 5, 2),
        subject="Quá hạn",
    )
    assert notice_list(user_scope(users["c1"])) == [notice]
    assert notice_list(user_scope(users["w2"])) == []
    with pytest.raises(NotFound):
        notice_mark_read(notice_id=notice.pk, acting_user=users["w2"])
    notice_mark_read(notice_id=notice.pk, acting_user=users["c1"])
    notice_mark_read(notice_id=notice.pk, acting_user=users["c1"])
    assert notice_list(user_scope(users["c1"]), unread=True) == []
    assert AuditEntry.objects.filter(action="steering.notice_read").count() == 1
