"""The scope a form covers: the whole city, or one unit and its subtree as of the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import translation

from bienche.core.errors import NotFound
from bienche.org.selectors import Tree, UnitNode, unit_get, unit_tree_as_of
from bienche.reports import messages as m

CITY_LABEL = "Toàn thành phố"


@dataclass(frozen=True)
class FormScope:
    tree: Tree
    roots: tuple[UnitNode, ...]  # the scope's top units (the tree's roots for the city)
    unit_ids: frozenset[int]
    label: str
    unit_code: str | None


def form_scope(as_of: dt.date, unit_code: str | None) -> FormScope:
    """Raises NotFound when the unit is unknown or did not exist on ``as_of``."""
    tree = unit_tree_as_of(as_of)
    if not unit_code:
        return FormScope(tree, tuple(tree.roots), frozenset(tree.by_id), CITY_LABEL, None)
    unit = unit_get(unit_code)
    node = tree.by_id.get(unit.pk)
    if node is None:
        raise NotFound(m.FORM_UNIT_ABSENT, field="unit", code=unit_code, on=f"{as_of:%d/%m/%Y}")
    ids = frozenset(tree.subtree_ids(unit.pk))
    return FormScope(
        tree, (node,), ids, f"{node.name} ({node.code}) và đơn vị trực thuộc", unit_code
    )


def vi_label(choices: Any, value: str) -> str:
    """The Vietnamese label of an enum value (the enums' labels are gettext msgids)."""
    with translation.override("vi"):
        return str(dict(choices).get(value, value))
