"""Recruitment officers' actions on an exam and its candidates: approve the plan, post the
results, withdraw a candidate, record the head's decision on a tie, a winner's decline and
an appointment. Each page shows the state and the form; the write scope of the recruiting
unit is required, and the exam version shown guards against a concurrent change (409).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from bienche.core.clock import today
from bienche.core.errors import BiencheError, Conflict, NotFound
from bienche.recruitment.enums import OUTCOMES, CandidateStatus, ExamStatus
from bienche.recruitment.models import Candidate, Exam
from bienche.recruitment.selectors import candidate_result, supplementary_until
from bienche.recruitment.services.appointments import leadership_appoint
from bienche.recruitment.services.candidates import candidate_withdraw
from bienche.recruitment.services.common import candidate_of
from bienche.recruitment.services.plans import exam_plan_approve
from bienche.recruitment.services.results import (
    candidate_appoint,
    candidate_decline,
    exam_results_post,
    tie_decide,
)
from bienche.web import recruit_forms as f
from bienche.web.recruit_views import _exam, reason_text
from bienche.web.steering_forms import show_error


def _approve(exam: Exam, user: Any, **data: Any) -> object:
    return exam_plan_approve(code=exam.code, acting_user=user, **data)


def _post(exam: Exam, user: Any, **data: Any) -> object:
    return exam_results_post(exam_code=exam.code, acting_user=user, **data)


#: action → (form, call, page title, success message)
EXAM_ACTIONS: dict[str, tuple[type[forms.Form], Callable[..., object], Any, Any]] = {
    "approve": (
        f.ApproveForm,
        _approve,
        _("Approve the recruitment plan"),
        _("Plan approved: candidates may register."),
    ),
    "post_results": (
        f.PostResultsForm,
        _post,
        _("Post the results"),
        _("Results posted: the review window is open."),
    ),
}

CANDIDATE_ACTIONS: dict[str, tuple[type[forms.Form], Callable[..., object], Any, Any]] = {
    "withdraw": (
        f.DatedReasonForm,
        candidate_withdraw,
        _("Withdraw the application"),
        _("Application withdrawn."),
    ),
    "decline": (
        f.DatedReasonForm,
        candidate_decline,
        _("Record a winner's decline"),
        _("Decline recorded; the ranking is updated."),
    ),
    "tie": (
        f.TieForm,
        tie_decide,
        _("Record the head's decision on a tie"),
        _("Decision recorded; the ranking is updated."),
    ),
    "appoint_leader": (
        f.LeaderAppointForm,
        leadership_appoint,
        _("Appointment decision (leader selection)"),
        _("Appointed: the post and its allowance start on the effective date."),
    ),
    "appoint": (
        f.AppointForm,
        candidate_appoint,
        _("Appoint (recruitment decision)"),
        _("Appointed: the roster assignment starts on the start date."),
    ),
}


def _initial(exam: Exam) -> dict[str, Any]:
    day = today()
    return {"expected_version": exam.version, "on": day, "start_on": day} | {
        "decided_on": day,
        "effective_on": day,
    }


def _status(exc: BiencheError) -> int:
    return 409 if isinstance(exc, Conflict) else 422


def _submit(request: HttpRequest, form: forms.Form, call: Callable[[], object]) -> int:
    """Run the service when the form is valid: 0 on success, else the page's status."""
    if request.method != "POST":
        return 200
    if not form.is_valid():
        return 422
    try:
        call()
    except BiencheError as exc:
        show_error(form, exc)
        return _status(exc)
    return 0


def exam_action(request: HttpRequest, code: str, action: str) -> HttpResponse:
    exam = _exam(request, code, for_write=True)
    form_cls, service, title, done = EXAM_ACTIONS[action]
    form = form_cls(request.POST or None, initial=_initial(exam))
    status = _submit(
        request,
        form,
        lambda: service(exam, request.user, **form.cleaned_data),
    )
    if status == 0:
        messages.success(request, done)
        return redirect("recruit_exam", code=exam.code)
    ctx = {"exam": exam, "form": form, "title": title, "statuses": dict(ExamStatus.choices)}
    return render(request, "recruit/action.html", ctx, status=status)


def _candidate(exam: Exam, number: int) -> Candidate:
    try:
        return candidate_of(exam, number)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def candidate_action(request: HttpRequest, code: str, number: int, action: str) -> HttpResponse:
    exam = _exam(request, code, for_write=True)
    candidate = _candidate(exam, number)
    form_cls, service, title, done = CANDIDATE_ACTIONS[action]
    form = form_cls(request.POST or None, initial=_initial(exam))
    status = _submit(
        request,
        form,
        lambda: service(
            exam_code=exam.code,
            number=candidate.number,
            acting_user=request.user,
            **form.cleaned_data,
        ),
    )
    if status == 0:
        messages.success(request, done)
        return redirect("recruit_exam", code=exam.code)
    row = candidate_result(exam, candidate)
    ctx = {
        "exam": exam,
        "candidate": candidate,
        "form": form,
        "title": title,
        "action": action,
        "outcome": OUTCOMES.get(row.get("outcome", ""), ""),
        "reason": reason_text(row) if row else "",
        "status_text": dict(CandidateStatus.choices).get(candidate.status, ""),
        "supplementary_until": supplementary_until(exam),
        "statuses": dict(ExamStatus.choices),
    }
    return render(request, "recruit/action.html", ctx, status=status)
