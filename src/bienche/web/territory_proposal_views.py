"""Saved proposals (list, page with impact, save, adopt) and the boundary/adjacency upload.

Everyone signed in reads saved proposals. Saving needs write access to the proposal's
parent unit (the service checks the scope: 404 outside it); adopting and importing need a
city administrator (403)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from bienche.core.clock import today
from bienche.core.errors import BiencheError, Forbidden, NotFound
from bienche.org.permissions import is_city_admin, user_scope
from bienche.territory.impact import saved_proposal_dict, saved_proposals
from bienche.territory.services.boundaries_import import adjacency_list_import, boundaries_import
from bienche.territory.services.proposals import proposal_adopt, proposal_get, proposal_save
from bienche.web.steering_views import forbidden

MAX_UPLOAD = 50 * 1024 * 1024


def proposals_page(request: HttpRequest) -> HttpResponse:
    rows = [saved_proposal_dict(p) for p in saved_proposals()]
    return render(request, "territory/proposals.html", {"rows": rows})


def _get(pk: int) -> Any:
    try:
        return proposal_get(pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def proposal_page(request: HttpRequest, pk: int) -> HttpResponse:
    p = _get(pk)
    ctx = {
        "p": saved_proposal_dict(p, impact=True),
        "can_adopt": p.status == "saved" and is_city_admin(request.user),
        "today": today(),
    }
    return render(request, "territory/proposal.html", ctx)


def _date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw.strip()) if raw.strip() else None
    except ValueError:
        return None


def _pairs(raw: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in raw.replace("\n", ",").split(",") if p.strip())


def proposal_save_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("territory_proposals")
    scope = user_scope(request.user, for_write=True)
    if not scope.everything and not scope.unit_ids:
        return forbidden(request, _("Only officers may save a proposal."))
    post = request.POST
    keys = ("round", "parent", "on", "pin", "forbid", "max_units")
    back = reverse("territory_propose") + "?" + urlencode({k: post.get(k, "") for k in keys})
    on, max_units = _date(post.get("on", "")), post.get("max_units", "")
    if not post.get("round") or not post.get("parent") or on is None:
        messages.error(request, _("Give the round, the unit and the date."))
        return redirect(back)
    try:
        saved = proposal_save(
            round_code=post["round"],
            parent_code=post["parent"].strip(),
            on=on,
            pinned=_pairs(post.get("pin", "")),
            forbidden=_pairs(post.get("forbid", "")),
            max_units=int(max_units) if max_units.isdigit() and 2 <= int(max_units) <= 8 else None,
            rank=int(post.get("rank", "1")) if post.get("rank", "1").isdigit() else 1,
            acting_user=request.user,
        )
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    except BiencheError as exc:
        messages.error(request, exc.localized())
        return redirect(back)
    messages.success(request, _("Proposal saved."))
    return redirect("territory_proposal", pk=saved.pk)


def _adopt_args(post: Any) -> dict[str, Any] | None:
    effective = _date(post.get("effective_on", ""))
    number = post.get("basis_number", "").strip()
    version = post.get("expected_version", "")
    if effective is None or not number:
        return None
    names = {
        int(k.removeprefix("name_")): v.strip()
        for k, v in post.items()
        if k.startswith("name_") and k.removeprefix("name_").isdigit() and v.strip()
    }
    return {
        "basis_number": number,
        "basis_date": _date(post.get("basis_date", "")),
        "effective_on": effective,
        "issuer": post.get("issuer", "").strip() or "Ủy ban Thường vụ Quốc hội",
        "names": names,
        "expected_version": int(version) if version.isdigit() else None,
    }


def proposal_adopt_view(request: HttpRequest, pk: int) -> HttpResponse:
    p = _get(pk)
    if request.method != "POST":
        return redirect("territory_proposal", pk=p.pk)
    if not is_city_admin(request.user):
        return forbidden(request, _("Only city administrators may adopt a proposal."))
    args = _adopt_args(request.POST)
    if args is None:
        messages.error(request, _("Give the legal basis number and the effective date."))
        return redirect("territory_proposal", pk=p.pk)
    try:
        proposal_adopt(proposal_id=p.pk, acting_user=request.user, **args)
    except Forbidden as exc:
        return forbidden(request, exc.localized())
    except BiencheError as exc:
        messages.error(request, exc.localized())
    else:
        messages.success(request, _("Proposal adopted: the merges are recorded in the registry."))
    return redirect("territory_proposal", pk=p.pk)


def _upload(request: HttpRequest) -> dict[str, Any]:
    kind = request.POST.get("kind", "")
    f = request.FILES.get("file")
    if f is None or kind not in ("boundaries", "adjacency"):
        return {"error": _("Choose a file to upload.")}
    if f.size > MAX_UPLOAD:
        return {"error": _("The file is too large.")}
    data = f.read()
    try:
        if kind == "boundaries":
            area_on = _date(request.POST.get("area_as_of", ""))
            out = boundaries_import(
                data=data, source=f.name, acting_user=request.user, area_as_of=area_on
            )
        else:
            out = adjacency_list_import(data=data, source=f.name, acting_user=request.user)
    except BiencheError as exc:
        return {"error": exc.localized()}
    return {"result": out, "kind": kind}


def import_page(request: HttpRequest) -> HttpResponse:
    if not is_city_admin(request.user):
        return forbidden(request, _("Only city administrators may import boundaries."))
    ctx: dict[str, Any] = {}
    if request.method == "POST":
        ctx = _upload(request)
    status = 422 if ctx.get("error") else 200
    return render(request, "territory/import.html", ctx, status=status)
