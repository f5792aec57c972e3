"""Admin views of the registry are read-only: structure changes only through events."""

from __future__ import annotations

from django.contrib import admin

from bienche.core.admin import ReadOnlyAdmin
from bienche.org.models import LineageEdge, Membership, ReorgEvent, Unit, UnitVersion


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    search_fields = ("code",)


@admin.register(UnitVersion)
class UnitVersionAdmin(ReadOnlyAdmin):
    list_display = ("unit", "name", "kind", "level", "parent", "valid_from", "valid_to")
    list_filter = ("kind", "level")
    search_fields = ("name", "unit__code")


@admin.register(ReorgEvent)
class ReorgEventAdmin(ReadOnlyAdmin):
    list_display = ("effective_on", "kind", "basis_number", "basis_issuer")
    list_filter = ("kind",)


@admin.register(LineageEdge)
class LineageEdgeAdmin(ReadOnlyAdmin):
    list_display = ("event", "predecessor", "successor", "share_bp")


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("user", "role", "unit")
