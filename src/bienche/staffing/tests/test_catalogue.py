import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.org.tests.factories import small_city
from bienche.staffing.catalogue import position_catalogue
from bienche.staffing.models import JobPositionVersion
from bienche.staffing.ranks import rank_catalogue
from bienche.staffing.services.positions import position_create


def test_every_standard_position_has_a_known_rank():
    ranks = rank_catalogue()
    for entry in position_catalogue().values():
        assert ranks.get(entry.min_rank) is not None, entry.code
    assert position_catalogue()["LD.GD"].min_group == "A2.1"


@pytest.mark.django_db
def test_create_from_catalogue():
    small_city()
    position_create(
        unit_code="S1",
        code="KT1",
        standard="DC.KT",
        headcount=2,
        valid_from=dt.date(2022, 1, 1),
        acting_user=None,
    )
    v = JobPositionVersion.objects.get()
    assert (v.title, v.category, v.min_group) == ("Kế toán viên", "shared", "A1")
    with pytest.raises(InvalidInput):
        position_create(
            unit_code="S1",
            code="X",
            standard="NOPE",
            headcount=1,
            valid_from=dt.date(2022, 1, 1),
            acting_user=None,
        )
