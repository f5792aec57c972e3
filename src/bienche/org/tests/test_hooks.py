import datetime as dt

import pytest

from bienche.core.errors import InvalidInput, Message
from bienche.org.hooks import register_event_handler, unregister_event_handler
from bienche.org.models import ReorgEvent, Unit
from bienche.org.services import LegalBasis, UnitSpec, unit_merge
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db
REFUSED = Message("refused", "từ chối", "refused")


def test_handler_sees_event_and_can_refuse_it():
    small_city()
    seen = []

    def handler(change):
        seen.append(change)
        if change.event.summary == "refuse":
            raise InvalidInput(REFUSED)

    register_event_handler(handler)
    try:
        unit_merge(
            predecessor_codes=["W1", "W2"],
            successor=UnitSpec(code="W9", name="P9", kind="ward", parent_code="D1"),
            on=dt.date(2024, 1, 1),
            basis=LegalBasis("1/NQ"),
            acting_user=None,
        )
        change = seen[0]
        ids = dict(Unit.objects.values_list("code", "pk"))
        assert change.ended == {ids["W1"], ids["W2"]}
        assert change.opened == {ids["W9"]}
        assert set(change.edges) == {(ids["W1"], ids["W9"], 10000), (ids["W2"], ids["W9"], 10000)}
        n = ReorgEvent.objects.count()
        with pytest.raises(InvalidInput):
            unit_merge(
                predecessor_codes=["C1", "W9"],
                successor=UnitSpec(code="X9", name="X", kind="ward", parent_code="D1"),
                on=dt.date(2024, 6, 1),
                basis=LegalBasis("2/NQ", summary="refuse"),
                acting_user=None,
            )
        assert ReorgEvent.objects.count() == n
        assert not Unit.objects.filter(code="X9").exists()
    finally:
        unregister_event_handler(handler)
