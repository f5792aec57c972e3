"""Report drafts: a report (year, scope, format, letterhead overrides), the officers'
narrative revisions (history kept; the current text is the latest revision) and the
frozen versions (an immutable snapshot of the document and its rendered files).

Nothing here is ever edited in place but ``Report`` (its overrides, under ``version``):
a narrative change adds a revision, a sign-off adds a frozen version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bienche.org.models import Unit


class ReportFormat(models.TextChoices):
    STATE = "state", "Nghị định 30/2020/NĐ-CP"
    PARTY = "party", "Hướng dẫn 36-HD/VPTW"


class Report(models.Model):
    year = models.PositiveSmallIntegerField()
    #: Null: the whole city.
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT)
    format = models.CharField(max_length=8, choices=ReportFormat.choices)
    # Letterhead overrides (blank: the builder's default).
    number = models.CharField(max_length=64, blank=True)
    issued_on = models.DateField(null=True, blank=True)
    signer_name = models.CharField(max_length=128, blank=True)
    signer_title = models.CharField(max_length=128, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    #: Optimistic concurrency of the overrides (edits carry the version they saw).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="reports_report_year"
            )
        ]

    def __str__(self) -> str:
        return f"Báo cáo {self.year} ({self.unit_id or 'TP'})"


class NarrativeRevision(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="revisions")
    section_key = models.CharField(max_length=32)
    #: 1, 2, … per (report, section); the current text is the highest.
    number = models.PositiveIntegerField()
    html = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["report", "section_key", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section_key", "number"], name="reports_revision_unique"
            )
        ]


class FrozenVersion(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="frozen")
    number = models.PositiveIntegerField()
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    frozen_at = models.DateTimeField()
    #: The Document as JSON (``reports.serialize``): re-rendering it reproduces the files.
    snapshot = models.JSONField()
    docx = models.BinaryField()
    pdf = models.BinaryField(null=True, blank=True)
    #: Why there is no PDF (Vietnamese), blank when there is one.
    pdf_missing_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reports_frozen_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="reports_frozen_num"),
        ]
