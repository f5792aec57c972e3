"""Stable codes of the steering app (part of the API, the CLI's JSON and the XLSX files)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    CONCLUSION = "conclusion", _("Conclusion")
    NOTICE = "notice", _("Notice")
    DIRECTIVE = "directive", _("Directive")
    RESOLUTION = "resolution", _("Resolution")
    PLAN = "plan", _("Plan")
    DECISION = "decision", _("Decision")
    OFFICIAL_LETTER = "letter", _("Official letter")


class DeadlineKind(models.TextChoices):
    DATE = "date", _("By a date")
    WORKING_DAYS = "working_days", _("Working days from the document")
    RECURRING = "recurring", _("Recurring (regular)")
    NONE = "none", _("No deadline")


class Period(models.TextChoices):
    """Reporting period of a recurring task."""

    MONTH = "month", _("Monthly")
    QUARTER = "quarter", _("Quarterly")
    HALF_YEAR = "half_year", _("Half-yearly")
    YEAR = "year", _("Yearly")


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Status(models.TextChoices):
    """Where a task is in its lifecycle (the state machine in services.lifecycle)."""

    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    REPORTED = "reported", _("Reported done, awaiting acceptance")
    ACCEPTED = "accepted", _("Done (accepted)")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REPORTED})


class EventKind(models.TextChoices):
    """One row of a task's history; the status as of any date is folded from these."""

    ASSIGNED = "assigned", _("Assigned")
    PROGRESS = "progress", _("Progress reported")
    REPORTED_DONE = "reported_done", _("Reported done")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Sent back")
    EXTENSION_REQUESTED = "ext_requested", _("Extension requested")
    EXTENSION_APPROVED = "ext_approved", _("Extension approved")
    EXTENSION_REFUSED = "ext_refused", _("Extension refused")
    CANCELLED = "cancelled", _("Cancelled")
    TRANSFERRED = "transferred", _("Passed to the successor unit")


class Bucket(models.TextChoices):
    """The national task-tracking convention (Government Office), plus two local buckets."""

    DONE_ON_TIME = "done_on_time", _("Done on time")
    DONE_LATE = "done_late", _("Done late")
    OPEN_WITHIN = "open_within", _("Not done, within deadline")
    OPEN_OVERDUE = "open_overdue", _("Not done, overdue")
    NO_DEADLINE = "no_deadline", _("No deadline")
    ONGOING = "ongoing", _("Ongoing (recurring)")
    CANCELLED = "cancelled", _("Cancelled")


class NoticeKind(models.TextChoices):
    BEFORE_DEADLINE = "before", _("Deadline approaching")
    OVERDUE = "overdue", _("Overdue")
    ESCALATION = "escalation", _("Overdue, escalated to the unit above")
    DIGEST = "digest", _("Daily digest")
