"""Shared tables: the audit trail, the working-day overrides and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """The audit trail is append-only: rows are never updated or deleted."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs: object) -> int:
        raise AppendOnly("the audit trail is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("the audit trail is append-only")


class AuditEntry(models.Model):
    """One state change: who, when, what (entity + before/after) and why.

    Written by services in the same transaction as the change (see ``core.audit``).
    Append-only: the queryset refuses update() and delete(), and on PostgreSQL a trigger
    refuses UPDATE and DELETE for every client (migration 0003); only the demo rebuild
    empties it, with TRUNCATE (``core.audit.audit_purge_for_demo``).
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField(max_length=64, db_index=True)
    #: The action's first segment ("staffing" for "staffing.quota.set"; "view" for the
    #: record of a view of personal data): caches that depend on one domain expire only
    #: when it changes (``core.cache``). Empty on rows written before it existed.
    domain = models.CharField(max_length=32, blank=True, default="")
    entity_type = models.CharField(max_length=64)
    entity_id = models.CharField(max_length=64)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["entity_type", "entity_id"]),
            models.Index(fields=["domain", "id"], name="core_audit_domain_id"),
        ]
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.entity_type}#{self.entity_id}"


class CalendarOverride(models.Model):
    """A day whose working status differs from the default rule.

    The default is: Saturdays, Sundays and statutory public holidays (``holidays`` package,
    country VN) are days off. Each year the Government also decides swaps (a Saturday worked
    to bridge a holiday, an extra day off): those are rows here, with their legal basis.
    """

    class Kind(models.TextChoices):
        WORKING = "working", _("Working day")
        DAY_OFF = "day_off", _("Day off")

    day = models.DateField(unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    reason = models.CharField(max_length=255)
    basis = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")

    def __str__(self) -> str:
        return f"{self.day} {self.kind}"


class ApiToken(models.Model):
    """A bearer token for the REST API. Only the SHA-256 digest is stored.

    ``scope`` read allows GET/HEAD/OPTIONS only; write allows every method the user's roles
    allow. A token stops working at ``expires_at``."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=8, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.user_id}:{self.name}"


class LoginAttempt(models.Model):
    """One login attempt (web form): counts failures for the lockout and keeps a record of
    who signed in from where. Written only by ``core.lockout``."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    succeeded = models.BooleanField()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("login attempt")
        verbose_name_plural = _("login attempts")
