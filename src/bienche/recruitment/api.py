"""REST endpoints of recruitment (/api/v1/recruit): parse → check access → call → serialise.
Exams are read within the recruiting unit's read scope and reviewed within its write scope;
an exam outside the scope answers 404 like an unknown one."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Status, UploadedFile

from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.enums import REASONS
from bienche.recruitment.imports import ImportReport, candidates_import_xlsx, scores_import_xlsx
from bienche.recruitment.models import Exam
from bienche.recruitment.permissions import access_exam_by_code, exams_visible
from bienche.recruitment.schemas import (
    ExamOut,
    ImportOut,
    LeaderAppointIn,
    LeaderAppointOut,
    ReviewIn,
    ReviewOut,
    TargetResultOut,
)
from bienche.recruitment.selectors import candidate_result, exam_list, exam_results
from bienche.recruitment.services.appointments import leadership_appoint
from bienche.recruitment.services.common import candidate_of
from bienche.recruitment.services.scores import score_review

router = Router(tags=["recruitment"])
#: A multipart file that may be missing: the access check runs first, then its absence is
#: refused with the app's own message.
NO_FILE = File(None)


def _exam(e: Exam) -> dict[str, Any]:
    return {
        "code": e.code,
        "title": e.title,
        "kind": e.kind,
        "unit_code": e.unit.code,
        "exam_date": e.exam_date,
        "status": e.status,
        "plan_number": e.plan_number,
        "results_on": e.results_on,
        "synthetic": e.synthetic,
    }


def result_row(r: dict[str, Any]) -> dict[str, Any]:
    c = r["candidate"]
    return {
        "number": c.number,
        "full_name": c.full_name,
        "status": c.status,
        "round1": r["round1"],
        "round2": r["round2"],
        "priority": r["priority"],
        "total": r["total"],
        "rank": r["rank"],
        "outcome": r["outcome"],
        "reason": r["reason"],
        "reason_text": str(REASONS.get(r["reason"], r["reason"])).format(**r["params"]),
    }


def results_payload(exam: Exam) -> list[dict[str, Any]]:
    return [
        {
            "unit_code": b["target"].position.unit.code,
            "position_code": b["target"].position.code,
            "seats": b["target"].seats,
            "rows": [result_row(r) for r in b["rows"]],
        }
        for b in exam_results(exam)
    ]


@router.get("/exams", response=list[ExamOut])
def exams_list(request: HttpRequest) -> list[dict]:
    return [_exam(e) for e in exam_list(exams_visible(request.user))]


@router.get("/exams/{code}/results", response=list[TargetResultOut])
def exam_results_get(request: HttpRequest, code: str) -> list[dict]:
    return results_payload(access_exam_by_code(request.user, code))


@router.post("/exams/{code}/reviews", response=ReviewOut)
def exam_review(request: HttpRequest, code: str, payload: ReviewIn) -> dict:
    exam = access_exam_by_code(request.user, code, for_write=True)
    score_review(exam_code=exam.code, acting_user=request.user, **payload.dict())
    exam.refresh_from_db()
    row = result_row(candidate_result(exam, candidate_of(exam, payload.number)))
    return {
        "number": payload.number,
        "round": payload.round,
        "value": payload.value,
        "outcome": row["outcome"],
        "reason_text": row["reason_text"],
    }


@router.post("/exams/{code}/appointments", response=LeaderAppointOut)
def exam_leader_appoint(request: HttpRequest, code: str, payload: LeaderAppointIn) -> dict:
    """The appointment decision of a post's winner (leader selection): the person joins the
    roster in the post with its allowance from the effective date."""
    exam = access_exam_by_code(request.user, code, for_write=True)
    a = leadership_appoint(exam_code=exam.code, acting_user=request.user, **payload.dict())
    return {
        "number": payload.number,
        "decision_number": a.decision_number,
        "decided_on": a.decided_on,
        "signer": a.signer,
        "effective_on": a.effective_on,
        "term_years": a.term_years,
        "term_ends_on": a.term_ends_on,
        "leadership_coef_h": a.leadership_coef_h,
    }


def _import(file: UploadedFile | None, run: Callable[[Path], ImportReport]) -> Status:
    if file is None:
        raise InvalidInput(m.FILE_REQUIRED, field="file")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "import.xlsx"
        with path.open("wb") as fh:
            for chunk in file.chunks():
                fh.write(chunk)
        report = run(path)
    body = {
        "ok": report.ok,
        "rows": report.rows,
        "problems": [p.__dict__ for p in report.problems[:1000]],
    }
    return Status(200 if report.ok else 422, body)


@router.post("/exams/{code}/candidates/import", response={200: ImportOut, 422: ImportOut})
def exam_candidates_import(
    request: HttpRequest, code: str, file: UploadedFile | None = NO_FILE
) -> Status:
    """Register candidates from an XLSX file (the template's columns), all or none."""
    exam = access_exam_by_code(request.user, code, for_write=True)
    return _import(
        file,
        lambda path: candidates_import_xlsx(path, exam_code=exam.code, acting_user=request.user),
    )


@router.post("/exams/{code}/scores/import", response={200: ImportOut, 422: ImportOut})
def exam_scores_import(
    request: HttpRequest,
    code: str,
    round: int = 1,  # noqa: A002
    on: dt.date | None = None,
    file: UploadedFile | None = NO_FILE,
) -> Status:
    """Enter one round's scores from an XLSX file (per examiner when given), all or none."""
    exam = access_exam_by_code(request.user, code, for_write=True)
    if round not in (1, 2):
        raise InvalidInput(m.ROUND_UNKNOWN, field="round", round=round)
    return _import(
        file,
        lambda path: scores_import_xlsx(
            path,
            exam_code=exam.code,
            round=round,
            on=on or exam.exam_date,
            acting_user=request.user,
        ),
    )
