"""In/Out schemas of the report drafts API (/api/v1/reports)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema

MAX_ID = 2_147_483_647


class ReportCreateIn(Schema):
    year: Annotated[int, Field(ge=2000, le=2100)]
    unit_code: Annotated[str, Field(max_length=40)] | None = None
    format: Literal["state", "party"] = "state"


class ReportOut(Schema):
    id: int
    year: int
    unit_code: str | None
    format: str
    version: int
    created_at: dt.datetime
    frozen_count: int


class NarrativeSaveIn(Schema):
    html: Annotated[str, Field(max_length=60_000)]
    expected_revision: Annotated[int, Field(ge=0, le=MAX_ID)]


class NarrativeOut(Schema):
    section_key: str
    revision: int
    html: str
    author: str
    at: dt.datetime


class FrozenVersionOut(Schema):
    number: int
    frozen_by: str
    frozen_at: dt.datetime
    has_pdf: bool
    pdf_missing_reason: str
    docx_url: str
    pdf_url: str | None
