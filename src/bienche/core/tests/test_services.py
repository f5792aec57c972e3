import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from bienche.core import services
from bienche.core.errors import InvalidInput
from bienche.core.models import AuditEntry, CalendarOverride
from bienche.core.services import (
    OVERRIDE_DAY_INVALID,
    OVERRIDE_KIND_INVALID,
    OVERRIDE_REASON_REQUIRED,
    OVERRIDE_TEXT_TOO_LONG,
    calendar_override_set,
    model_update,
)
from bienche.core.workdays import is_working_day

pytestmark = pytest.mark.django_db
SATURDAY = dt.date(2025, 3, 8)


def _set(**kwargs):
    params = {
        "day": SATURDAY,
        "kind": "working",
        "reason": "Làm bù ngày 03/03",
        "basis": "Thông báo 1/TB-BNV",
        "acting_user": None,
    }
    return calendar_override_set(**(params | kwargs))


def test_create_records_audit(admin_user):
    override = _set(acting_user=admin_user, reason="  Làm bù ngày 03/03  ")
    assert (override.day, override.kind, override.reason) == (
        SATURDAY,
        "working",
        "Làm bù ngày 03/03",
    )
    assert is_working_day(SATURDAY)
    entry = AuditEntry.objects.get()
    assert entry.actor == admin_user
    assert entry.action == "calendar_override.set"
    assert (entry.entity_type, entry.entity_id) == ("calendar_override", "2025-03-08")
    assert entry.before is None
    assert entry.after == {
        "kind": "working",
        "reason": "Làm bù ngày 03/03",
        "basis": "Thông báo 1/TB-BNV",
    }
    assert entry.reason == "Làm bù ngày 03/03"


def test_update_records_before_and_after():
    _set()
    override = _set(kind=CalendarOverride.Kind.DAY_OFF, reason="Hủy làm bù", basis="")
    assert CalendarOverride.objects.get() == override
    assert override.kind == "day_off"
    assert not is_working_day(SATURDAY)
    entry = AuditEntry.objects.first()  # newest first
    assert entry.before == {
        "kind": "working",
        "reason": "Làm bù ngày 03/03",
        "basis": "Thông báo 1/TB-BNV",
    }
    assert entry.after == {"kind": "day_off", "reason": "Hủy làm bù", "basis": ""}
    assert AuditEntry.objects.count() == 2


def test_same_values_again_change_nothing():
    _set()
    _set(reason="Làm bù ngày 03/03 ")
    assert AuditEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "message", "field"),
    [
        ({"kind": "holiday"}, OVERRIDE_KIND_INVALID, "kind"),
        ({"kind": ""}, OVERRIDE_KIND_INVALID, "kind"),
        ({"reason": "   "}, OVERRIDE_REASON_REQUIRED, "reason"),
        ({"reason": "x" * 256}, OVERRIDE_TEXT_TOO_LONG, "reason"),
        ({"basis": "x" * 256}, OVERRIDE_TEXT_TOO_LONG, "basis"),
        ({"day": dt.datetime(2025, 3, 8, tzinfo=dt.UTC)}, OVERRIDE_DAY_INVALID, "day"),
        ({"day": "2025-03-08"}, OVERRIDE_DAY_INVALID, "day"),
    ],
)
def test_invalid_input_writes_nothing(kwargs, message, field):
    with pytest.raises(InvalidInput) as exc:
        _set(**kwargs)
    assert exc.value.message is message
    assert exc.value.field == field
    assert exc.value.vi != exc.value.en
    assert not CalendarOverride.objects.exists()
    assert not AuditEntry.objects.exists()


def test_vietnamese_message():
    with pytest.raises(InvalidInput) as exc:
        _set(kind="holiday")
    assert "«holiday» không hợp lệ" in exc.value.vi


def test_all_or_nothing(monkeypatch):
    def broken_audit(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "audit_record", broken_audit)
    with pytest.raises(RuntimeError, match="audit down"):
        _set()
    assert not CalendarOverride.objects.exists()


class TestModelUpdate:
    @pytest.fixture
    def override(self):
        return CalendarOverride.objects.create(
            day=SATURDAY, kind="working", reason="Làm bù", basis="TB 1"
        )

    def test_updates_only_allowed_and_changed_fields(self, override, django_assert_num_queries):
        data = {"reason": "Làm bù (sửa)", "basis": "TB 1", "day": dt.date(2030, 1, 1)}
        with django_assert_num_queries(2) as ctx:  # full_clean's unique check, the UPDATE
            _, changed = model_update(instance=override, fields=["reason", "basis"], data=data)
        assert changed
        sql = ctx.captured_queries[-1]["sql"]
        assert sql.startswith("UPDATE")
        assert '"reason"' in sql
        assert '"basis"' not in sql
        assert '"day"' not in sql.split("WHERE")[0]
        override.refresh_from_db()
        assert (override.day, override.reason, override.basis) == (SATURDAY, "Làm bù (sửa)", "TB 1")

    def test_no_change_no_query(self, override, django_assert_num_queries):
        with django_assert_num_queries(0):
            instance, changed = model_update(
                instance=override, fields=["kind", "reason"], data={"reason": "Làm bù"}
            )
        assert instance is override
        assert not changed

    def test_validates_before_saving(self, override):
        with pytest.raises(ValidationError):
            model_update(instance=override, fields=["kind"], data={"kind": "holiday"})
        override.refresh_from_db()
        assert override.kind == "working"

    @pytest.mark.parametrize("name", ["nope", "id"])
    def test_refuses_unknown_or_key_fields(self, override, name):
        with pytest.raises(ValueError, match=name):
            model_update(instance=override, fields=[name], data={name: 1})
