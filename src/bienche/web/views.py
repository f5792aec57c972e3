"""Dashboard: counts as of today and the way into each module."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bienche.core.clock import today
from bienche.org.selectors import unit_counts_as_of


def dashboard(request: HttpRequest) -> HttpResponse:
    on = today()
    return render(request, "web/dashboard.html", {"on": on, "counts": unit_counts_as_of(on)})
