"""What every section builder receives: the year, the scope and the date the data is read as
of, plus a small memo so sections that need the same selector result (the editable sections
reuse the steering and staffing figures) read it once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bienche.org.selectors import Tree, UnitNode
from bienche.reports.content import Paragraph, Section, Source


@dataclass
class Context:
    year: int
    #: The scope unit's node as of ``as_of`` (None: the whole city).
    scope: UnitNode | None
    #: The city's root unit (the staffing and pay figures of a city report are its subtree).
    root: UnitNode
    #: 1 January of the year.
    start: dt.date
    #: 31 December of the year, or today when the year is current.
    as_of: dt.date
    #: The org chart as of ``as_of``.
    tree: Tree
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return self.start, self.as_of

    @property
    def scope_code(self) -> str | None:
        return self.scope.code if self.scope else None

    @property
    def unit(self) -> UnitNode:
        """The unit whose subtree the figures cover (the city's root for a city report)."""
        return self.scope or self.root

    @property
    def scope_ids(self) -> set[int] | None:
        """Unit ids of the scope's subtree as of ``as_of`` (None: everything)."""
        if self.scope is None:
            return None
        return self.tree.subtree_ids(self.scope.unit_id) or {self.scope.unit_id}

    @property
    def scope_label(self) -> str:
        return self.scope.name if self.scope else "Thành phố"

    def once(self, key: str, read: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = read()
        return self.memo[key]

    def source(
        self, query: str, note: str = "", *, on: dt.date | None = None, **params: Any
    ) -> Source:
        """A Source for a selector call; params are printed as ``key=value`` text."""
        pairs = tuple((k, _text(v)) for k, v in params.items() if v is not None)
        return Source(query=query, as_of=on or self.as_of, params=pairs, note=note)


def _text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return ",".join(_text(v) for v in sorted(value, key=str))
    return str(value)


def no_data(key: str, heading: str, what: str, ctx: Context) -> Section:
    """A section whose app has nothing for the scope and year: one paragraph says so."""
    text = (
        f"Chưa có số liệu về {what} của {ctx.scope_label} trong năm {ctx.year} "
        f"(tính đến ngày {ctx.as_of:%d/%m/%Y})."
    )
    return Section(key=key, heading=heading, blocks=[Paragraph(text, style="note")])


def vi(choices: Any, value: Any) -> str:
    """The Vietnamese label of an enum value (the apps' labels are gettext msgids); the value
    itself when it is not one of the choices."""
    from django.utils import translation

    labels = dict(choices.choices)
    if value not in labels:
        return str(value)
    with translation.override("vi"):
        return str(labels[value])
