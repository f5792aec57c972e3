"""Admin: the audit trail is read-only; calendar overrides are edited through the service."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from bienche.core.models import ApiToken, AuditEntry, CalendarOverride


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "entity_type", "entity_id", "reason")
    list_filter = ("action", "entity_type")
    search_fields = ("entity_id", "reason")


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ReadOnlyAdmin):
    list_display = ("day", "kind", "reason", "basis")


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("user", "name", "created_at", "last_used_at", "revoked")
    exclude = ("digest",)
