"""The audit page: the trail with filters and an XLSX export, for city-wide administrators."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import render
from django.utils.translation import gettext as _

from bienche.core.audit_xlsx import audit_export_xlsx
from bienche.core.selectors import AuditFilter, audit_row, audit_search
from bienche.org.permissions import is_city_admin
from bienche.web.params import date_param

PAGE_SIZE = 100
EXPORT_LIMIT = 200_000


def _filter(request: HttpRequest) -> tuple[AuditFilter, list[str]]:
    start, e1 = date_param(request, "from", None)
    end, e2 = date_param(request, "to", None)
    g = request.GET
    f = AuditFilter(
        action=g.get("action", "").strip()[:64],
        entity_type=g.get("entity_type", "").strip()[:64],
        entity_id=g.get("entity_id", "").strip()[:64],
        actor=g.get("actor", "").strip()[:150],
        start=start,
        end=end,
        text=g.get("q", "").strip()[:100],
    )
    return f, [e for e in (e1, e2) if e]


def audit_page(request: HttpRequest) -> HttpResponse:
    if not is_city_admin(request.user):
        return HttpResponseForbidden(_("Only city-wide administrators may read the audit trail."))
    f, errors = _filter(request)
    page = Paginator(audit_search(f), PAGE_SIZE).get_page(request.GET.get("page"))
    ctx = {
        "f": f,
        "errors": errors,
        "page": page,
        "rows": [audit_row(e) for e in page.object_list],
        "query": request.GET.urlencode(),
    }
    return render(request, "audit/list.html", ctx)


def audit_download(request: HttpRequest) -> HttpResponse:
    if not is_city_admin(request.user):
        return HttpResponseForbidden(_("Only city-wide administrators may read the audit trail."))
    f, _errors = _filter(request)
    tmp = Path(tempfile.mkdtemp()) / "nhat-ky-thay-doi.xlsx"
    audit_export_xlsx((audit_row(e) for e in audit_search(f)[:EXPORT_LIMIT].iterator()), tmp)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)
