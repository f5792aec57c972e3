"""Recruitment pages: the exams list, an exam's page (plan, candidates and scores, results
with the reason for each rank) and the review (phúc khảo) form.

Reads need the recruiting unit in the user's read scope; the review needs its write scope.
Unknown exams and exams outside the scope both answer 404 (``access_exam_by_code``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienche.core.clock import today
from bienche.core.errors import BiencheError, NotFound
from bienche.recruitment.enums import OUTCOMES, REASONS, CandidateStatus, ExamKind, ExamStatus
from bienche.recruitment.models import Exam
from bienche.recruitment.permissions import access_exam_by_code, can_write_exam, exams_visible
from bienche.recruitment.selectors import (
    appointments_of,
    exam_list,
    exam_results,
    exam_rules,
    review_deadline,
    score_history,
)
from bienche.recruitment.services.common import candidate_of
from bienche.recruitment.services.scores import score_review
from bienche.web.steering_forms import show_error


def _exam(request: HttpRequest, code: str, *, for_write: bool = False) -> Exam:
    try:
        return access_exam_by_code(request.user, code, for_write=for_write)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def reason_text(row: dict[str, Any]) -> str:
    return str(REASONS.get(row["reason"], row["reason"])).format(**row["params"])


def exams_page(request: HttpRequest) -> HttpResponse:
    exams = exam_list(exams_visible(request.user))
    ctx = {"exams": exams, "kinds": dict(ExamKind.choices), "statuses": dict(ExamStatus.choices)}
    return render(request, "recruit/exams.html", ctx)


def exam_page(request: HttpRequest, code: str) -> HttpResponse:
    exam = _exam(request, code)
    blocks = exam_results(exam)
    for block in blocks:
        for row in block["rows"]:
            row["reason_text"] = reason_text(row)
            row["outcome_text"] = OUTCOMES.get(row["outcome"], row["outcome"])
    ctx = {
        "exam": exam,
        "blocks": blocks,
        "rules": exam_rules(exam),
        "deadline": review_deadline(exam),
        "can_review": exam.results_on is not None and can_write_exam(request.user, exam),
        "can_write": can_write_exam(request.user, exam),
        "kinds": dict(ExamKind.choices),
        "statuses": dict(ExamStatus.choices),
        "candidate_statuses": dict(CandidateStatus.choices),
        "appointments": appointments_of(exam),
    }
    return render(request, "recruit/exam.html", ctx)


class ReviewForm(forms.Form):
    round = forms.TypedChoiceField(
        label=gettext_lazy("Round"),
        choices=[(2, gettext_lazy("Round 2")), (1, gettext_lazy("Round 1"))],
        coerce=int,
    )
    value = forms.DecimalField(
        label=gettext_lazy("Score after review"), max_digits=5, decimal_places=2
    )
    reason = forms.CharField(label=gettext_lazy("Reason for the change"), max_length=255)
    on = forms.DateField(
        label=gettext_lazy("Date of the review request"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def review_page(request: HttpRequest, code: str, number: int) -> HttpResponse:
    exam = _exam(request, code, for_write=True)
    try:
        candidate = candidate_of(exam, number)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    form = ReviewForm(request.POST or None, initial={"on": today(), "round": 2})
    if request.method == "POST" and form.is_valid():
        try:
            score_review(
                exam_code=exam.code,
                number=candidate.number,
                acting_user=request.user,
                **form.cleaned_data,
            )
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Review recorded; the ranking is updated."))
            return redirect("recruit_exam", code=exam.code)
    ctx = {
        "exam": exam,
        "candidate": candidate,
        "form": form,
        "history": score_history(candidate),
        "deadline": review_deadline(exam),
    }
    return render(request, "recruit/review.html", ctx, status=422 if form.errors else 200)
