"""Steering: source documents, the tasks they assign, each task's history, and notices.

A task is owned by a unit (``lead_unit``) and its responsible post, never by a person, so
accountability survives staff changes; when the lead unit is merged, the task passes to the
successor along the org lineage (``services.transfer``) and a ``TRANSFERRED`` event says so.

``TaskEvent`` rows are the history: the status as of any date is folded from the events
dated on or before it (``selectors.task_status_on``). The columns on ``Task`` (status,
dates) are a denormalized summary kept by the services in the same transaction.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bienche.org.models import Unit
from bienche.steering.enums import (
    DeadlineKind,
    DocumentKind,
    EventKind,
    NoticeKind,
    Period,
    Priority,
    Status,
)


class SourceDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    number = models.CharField(_("number and symbol"), max_length=64)
    issuer = models.CharField(_("issuer"), max_length=255)
    issuer_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="issued_documents"
    )
    issued_on = models.DateField(_("document date"), db_index=True)
    summary = models.TextField(_("summary"))
    attachment = models.FileField(
        _("attached file"), upload_to="steering/documents/%Y/", blank=True
    )
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "issued_on"], name="steering_doc_unique")
        ]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"


class Programme(models.Model):
    """A programme or scheme tasks belong to (Hòa Lạc, pay reform, …)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name


class Task(models.Model):
    document = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="tasks")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    item = models.CharField(_("item number"), max_length=16, blank=True)
    content = models.TextField(_("content"))
    lead_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="led_tasks")
    supporting_units = models.ManyToManyField(
        Unit, through="TaskSupport", related_name="supported_tasks", blank=True
    )
    responsible_post = models.CharField(_("responsible post"), max_length=120)
    responsible_leader = models.CharField(_("responsible leader"), max_length=120, blank=True)
    deadline_kind = models.CharField(max_length=16, choices=DeadlineKind.choices)
    deadline_days = models.PositiveIntegerField(null=True, blank=True)
    period = models.CharField(max_length=16, choices=Period.choices, blank=True)
    #: The deadline as first set: the one the evaluation scores against, forever.
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    #: The deadline in force after approved extensions: drives reminders and notices.
    current_deadline = models.DateField(null=True, blank=True, db_index=True)
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ASSIGNED)
    assigned_on = models.DateField(db_index=True)
    recorded_on = models.DateField()
    reported_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    accepted_on = models.DateField(null=True, blank=True)
    cancelled_on = models.DateField(null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(default=0)
    synthetic = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document_id", "id"]
        indexes = [models.Index(fields=["lead_unit", "status"], name="steering_task_lead_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=F("assigned_on")),
                name="steering_task_deadline_after_assignment",
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=F("assigned_on")),
                name="steering_task_completed_after_assignment",
            ),
        ]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return f"{self.document.number} #{self.item or self.pk}"


class TaskSupport(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="supports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="steering_support_unique")
        ]


class TaskEvent(models.Model):
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    on = models.DateField(_("date"))
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    product_ref = models.CharField(_("product"), max_length=255, blank=True)
    product_file = models.FileField(upload_to="steering/products/%Y/", blank=True)
    reorg_event = models.ForeignKey(
        "org.ReorgEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["task_id", "on", "id"]
        indexes = [models.Index(fields=["task", "on"], name="steering_event_task_on")]
        verbose_name = _("task event")
        verbose_name_plural = _("task events")


class ReminderRun(models.Model):
    for_date = models.DateField()
    started_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(default=0)
    emailed = models.PositiveIntegerField(default=0)


class Notice(models.Model):
    """An in-app notification to a unit and its responsible post. ``key`` makes the daily
    run idempotent: the same reminder is never created twice."""

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=NoticeKind.choices)
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="steering_notices")
    post = models.CharField(max_length=120)
    for_date = models.DateField(db_index=True)
    subject = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    run = models.ForeignKey(ReminderRun, null=True, on_delete=models.SET_NULL, related_name="+")
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-for_date", "-id"]
        indexes = [models.Index(fields=["unit", "for_date"], name="steering_notice_unit_day")]
