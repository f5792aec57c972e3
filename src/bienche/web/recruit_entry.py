"""Recruitment officers' data entry: draft a plan from the vacancies, register a candidate,
enter a round's scores, import candidates or scores from XLSX (with the empty templates),
download the result notice. Writes need the recruiting unit's write scope."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bienche.core.errors import BiencheError, NotFound
from bienche.org.permissions import access_unit_by_code
from bienche.recruitment.batch import all_or_nothing
from bienche.recruitment.enums import CandidateStatus, ExamKind, ExamStatus
from bienche.recruitment.imports import (
    candidates_import_xlsx,
    scores_import_xlsx,
    template_xlsx,
)
from bienche.recruitment.leader_eligibility import leader_standards
from bienche.recruitment.models import Exam
from bienche.recruitment.selectors import current_scores, exam_rules
from bienche.recruitment.services.candidates import candidate_register
from bienche.recruitment.services.plans import exam_plan_create
from bienche.recruitment.services.scores import score_enter
from bienche.recruitment.vacancies import plan_vacancies
from bienche.web import recruit_forms as f
from bienche.web.recruit_views import _exam
from bienche.web.steering_forms import show_error

IMPORT_KINDS = ("candidates", "scores")


def _write_unit(request: HttpRequest, code: str):  # type: ignore[no-untyped-def]
    try:
        return access_unit_by_code(request.user, code, for_write=True)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def _vacancies(request: HttpRequest, start: f.PlanStartForm) -> list[dict[str, Any]]:
    """Per unit recruited for (write scope required): its vacant positions and quota gap."""
    kind, on = start.cleaned_data["kind"], start.cleaned_data["exam_date"]
    out = []
    for code in start.unit_codes():
        unit = _write_unit(request, code)
        vac = plan_vacancies(unit.pk, kind, on)
        for p in vac["positions"]:
            p.update(
                unit=unit.code, key=f"{unit.code}__{p['code']}", label=f"{unit.code}/{p['code']}"
            )
        out.append({"unit": unit, **vac})
    return out


def plan_new(request: HttpRequest) -> HttpResponse:
    """Step 1 picks the recruiting unit, the units recruited for, kind and date (GET);
    step 2 lists their vacant positions within quota and drafts the plan (POST). A plan
    over quota is refused with the reason."""
    start = f.PlanStartForm(request.GET or None)
    if not start.is_valid():
        if request.method == "POST":
            raise Http404(_("Choose the recruiting unit first."))
        return render(request, "recruit/plan_new.html", {"start": start})
    unit = _write_unit(request, start.cleaned_data["unit"])
    units = _vacancies(request, start)
    positions = [p for u in units for p in u["positions"]]
    leadership = start.cleaned_data["kind"] == ExamKind.LEADERSHIP
    form = f.PlanForm(request.POST or None, positions=positions, leadership=leadership)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                exam = exam_plan_create(
                    code=form.cleaned_data["code"].strip(),
                    title=form.cleaned_data["title"].strip(),
                    kind=start.cleaned_data["kind"],
                    unit_code=unit.code,
                    exam_date=start.cleaned_data["exam_date"],
                    targets=form.targets(),
                    acting_user=request.user,
                )
            except BiencheError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("Plan drafted; approve it by decision."))
                return redirect("recruit_exam", code=exam.code)
    ctx = {"start": start, "unit": unit, "units": units, "form": form}
    return render(request, "recruit/plan_new.html", ctx, status=status)


def candidate_new(request: HttpRequest, code: str) -> HttpResponse:
    """Register a candidate; eligibility and duplicates are refused on their field."""
    exam = _exam(request, code, for_write=True)
    positions = list(exam.targets.values_list("position__code", flat=True))
    leadership = exam.kind == ExamKind.LEADERSHIP
    form = f.CandidateForm(request.POST or None, positions=positions, leadership=leadership)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            c = candidate_register(
                exam_code=exam.code, acting_user=request.user, **form.cleaned_data
            )
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(
                request, _("Candidate registered with number %(n)s.") % {"n": c.number}
            )
            return redirect("recruit_exam", code=exam.code)
    ctx = {
        "exam": exam,
        "form": form,
        "statuses": dict(ExamStatus.choices),
        "standards": leader_standards() if leadership else [],
    }
    return render(request, "recruit/candidate_new.html", ctx, status=status)


def _sitting(exam: Exam, rnd: int) -> list[Any]:
    """Active candidates who may sit the round (round 2: round 1 passed)."""
    active = list(exam.candidates.filter(status=CandidateStatus.REGISTERED).order_by("number"))
    if rnd == 1:
        return active
    scores, mark = current_scores(exam), exam_rules(exam)["round1_pass_percent"]
    return [c for c in active if (scores.get(c.pk, {}).get(1) or -1) >= mark]


def scores_page(request: HttpRequest, code: str, round: int) -> HttpResponse:  # noqa: A002
    """One round's marks for every candidate who may sit it, all saved or none."""
    exam = _exam(request, code, for_write=True)
    if round not in (1, 2):
        raise Http404
    sitting = _sitting(exam, round)
    form = f.ScoresForm(request.POST or None, candidates=sitting, initial={"on": exam.exam_date})
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        failures = all_or_nothing(
            form.entries(),
            lambda e: score_enter(
                exam_code=exam.code,
                number=e[0],
                round=round,
                value=e[1],
                on=d["on"],
                examiner=d["examiner"].strip(),
                acting_user=request.user,
            ),
        )
        for (number, _v), exc in failures:
            form.add_error(f"score_{number}", exc.localized())
        if not failures:
            messages.success(request, _("%(n)s scores saved.") % {"n": len(form.entries())})
            return redirect("recruit_exam", code=exam.code)
    scores = current_scores(exam)
    ctx = {
        "exam": exam,
        "round": round,
        "form": form,
        "rules": exam_rules(exam),
        "entered": {c.number: scores.get(c.pk, {}).get(round) for c in sitting},
    }
    return render(request, "recruit/scores.html", ctx, status=status)


def import_page(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    exam = _exam(request, code, for_write=True)
    if kind not in IMPORT_KINDS:
        raise Http404
    form_cls = f.ScoresImportForm if kind == "scores" else f.ImportForm
    form = form_cls(request.POST or None, request.FILES or None, initial={"on": exam.exam_date})
    report = None
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "import.xlsx"
            with path.open("wb") as fh:
                for chunk in d["file"].chunks():
                    fh.write(chunk)
            if kind == "scores":
                report = scores_import_xlsx(
                    path,
                    exam_code=exam.code,
                    round=d["round"],
                    on=d["on"],
                    acting_user=request.user,
                )
            else:
                report = candidates_import_xlsx(path, exam_code=exam.code, acting_user=request.user)
        if report.ok:
            messages.success(request, _("%(n)s rows imported.") % {"n": report.rows})
            return redirect("recruit_exam", code=exam.code)
    ctx = {"exam": exam, "form": form, "kind": kind, "report": report}
    return render(request, "recruit/import.html", ctx, status=status)


def template_download(request: HttpRequest, kind: str) -> FileResponse:
    if kind not in IMPORT_KINDS:
        raise Http404
    name = "mau-thi-sinh.xlsx" if kind == "candidates" else "mau-diem.xlsx"
    tmp = Path(tempfile.mkdtemp()) / name
    template_xlsx(tmp, kind=kind)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=name)


def notice_download(request: HttpRequest, code: str) -> HttpResponse:
    """The result notice as DOCX (Decree 30 format), once the results are posted."""
    from bienche.recruitment.notices import result_notice
    from bienche.reports.render import render_docx

    exam = _exam(request, code)
    if exam.results_on is None:
        messages.error(request, _("The results are not posted yet: no notice."))
        return redirect("recruit_exam", code=exam.code)
    data = render_docx(result_notice(exam))
    resp = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    resp["Content-Disposition"] = f'attachment; filename="thong-bao-{exam.code}.docx"'
    return resp
