"""A `Document` as JSON and back, exactly: a frozen version stores its snapshot this way and
re-renders it later without running any query.

Every dataclass of ``reports.content`` is written as ``{"_t": "<ClassName>", field: …}``;
tuples become lists, and the values JSON has no type for are tagged: ``{"_d": "2023-12-31"}``
(date), ``{"_dt": "…+00:00"}`` (aware datetime), ``{"_dec": "12.5"}`` (Decimal). Reading
turns lists back into tuples, except the fields the content model declares as lists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from bienche.reports import content

SCHEMA = 1
_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        content.Source,
        content.Paragraph,
        content.RichText,
        content.Table,
        content.Chart,
        content.Section,
        content.Signature,
        content.Letterhead,
        content.Document,
    )
}
#: Fields declared ``list[...]`` (everything else that is a sequence is a tuple).
_LIST_FIELDS = {("Document", "sections"), ("Section", "blocks"), ("Section", "subsections")}


class SnapshotError(ValueError):
    """The JSON is not a document snapshot this code can read."""


def _enc(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"_t": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = _enc(getattr(value, f.name))
        return out
    if isinstance(value, list | tuple):
        return [_enc(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"_dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"_d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"_dec": str(value)}
    if value is None or isinstance(value, str | int | float):
        return value
    raise SnapshotError(f"cannot serialise {type(value).__name__}")


def _dec_dict(value: dict[str, Any]) -> Any:
    if "_d" in value:
        return dt.date.fromisoformat(value["_d"])
    if "_dt" in value:
        return dt.datetime.fromisoformat(value["_dt"])
    if "_dec" in value:
        return Decimal(value["_dec"])
    name = value.get("_t")
    cls = _CLASSES.get(name or "")
    if cls is None:
        raise SnapshotError(f"unknown type {name!r}")
    kwargs = {}
    for key, raw in value.items():
        if key == "_t":
            continue
        item = _dec(raw)
        kwargs[key] = list(item) if (name, key) in _LIST_FIELDS else item
    return cls(**kwargs)


def _dec(value: Any) -> Any:
    if isinstance(value, dict):
        return _dec_dict(value)
    if isinstance(value, list):
        return tuple(_dec(v) for v in value)
    return value


def document_to_json(doc: content.Document) -> dict[str, Any]:
    return {"schema": SCHEMA, "document": _enc(doc)}


def document_from_json(data: dict[str, Any]) -> content.Document:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise SnapshotError("not a document snapshot of schema 1")
    doc = _dec(data.get("document"))
    if not isinstance(doc, content.Document):
        raise SnapshotError("the snapshot holds no document")
    return doc
