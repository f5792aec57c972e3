"""The task table shared by the steering pages, rendered in Python.

The board shows the same rows in several sections (all I lead, due soon, overdue) and is
the page officers open most at a deadline: a row built with ``format_html`` costs a tenth
of the same row through the template engine, and each row is built once per page.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

_HEAD = (
    gettext_lazy("Document"),
    gettext_lazy("Content"),
    gettext_lazy("Lead unit"),
    gettext_lazy("Deadline"),
    gettext_lazy("Deadline in force"),
    gettext_lazy("Status"),
    gettext_lazy("Evaluation"),
)


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _row(r: dict[str, Any], link: str, status_labels: dict, bucket_labels: dict) -> SafeString:
    bucket = r["bucket"]
    css = f"bucket-{bucket}" + (" over" if bucket == "open_overdue" else "")
    ref = f"{r['document']} · {r['item']}" if r.get("item") else str(r["document"])
    ext = format_html(' <span class="badge">+{}</span>', r["extensions"]) if r["extensions"] else ""
    return format_html(
        '<tr class="{}" data-task="{}"><td><a href="{}" data-testid="task-link">{}</a></td>'
        "<td>{}</td><td><code>{}</code></td><td>{}</td><td>{}{}</td>"
        '<td data-status="{}">{}</td><td data-bucket="{}">{}</td></tr>\n',
        css,
        r["id"],
        link % r["id"],
        ref,
        Truncator(r["content"] or "").chars(160),
        r["lead_unit"],
        _day(r["deadline"]),
        _day(r["current_deadline"]),
        ext,
        r["status"],
        status_labels.get(r["status"]) or r["status"],
        bucket if bucket is not None else "None",
        bucket_labels.get(bucket) or "—",
    )


def task_table_html(
    rows: list[dict[str, Any]],
    testid: str,
    status_labels: dict,
    bucket_labels: dict,
    done: dict[int, SafeString] | None = None,
) -> SafeString:
    """The rows as a table; ``done`` keeps rows already rendered on the same page."""
    done = {} if done is None else done
    link = reverse("steering_task", args=[0]).replace("/0/", "/%d/")
    for r in rows:
        if r["id"] not in done:
            done[r["id"]] = _row(r, link, status_labels, bucket_labels)
    head = format_html_join("", "<th>{}</th>", ((h,) for h in _HEAD))
    body = mark_safe("".join(done[r["id"]] for r in rows))  # noqa: S308 - built by format_html
    if not rows:
        body = format_html('<tr><td colspan="7">{}</td></tr>', _("No tasks."))
    return format_html(
        '<table class="grid" data-testid="{}">\n<thead><tr>{}</tr></thead>\n<tbody>{}</tbody>\n'
        "</table>",
        testid,
        head,
        body,
    )


@register.simple_tag(takes_context=True)
def task_table(context: template.Context, rows: list[dict[str, Any]], testid: str) -> SafeString:
    """``{% task_table rows "board-lead" %}``: the rows as a table (each row rendered once)."""
    return task_table_html(
        rows,
        testid,
        context.get("status_labels") or {},
        context.get("bucket_labels") or {},
        context.render_context.setdefault("task_rows", {}),
    )


def _event(h: dict[str, Any], file_link: str) -> SafeString:
    e = h["event"]
    parts = [
        format_html(
            '<li data-kind="{}"><time>{}</time> <strong>{}</strong>\n',
            e.kind,
            _day(e.on),
            e.get_kind_display(),
        )
    ]
    if e.kind == "transferred":
        names = (("a", "unit"), ("b", "to_unit"), ("d", "basis"))
        moved = _("passed from %(a)s to %(b)s by %(d)s") % {
            k: conditional_escape(h[v]) for k, v in names
        }
        # The message is ours; the unit names and the basis are escaped above.
        parts.append(format_html('<span data-testid="transferred">{}</span>', mark_safe(moved)))  # noqa: S308
    if e.percent is not None:
        parts.append(format_html(" · {}%", e.percent))
    if e.deadline and e.kind != "assigned":
        parts.append(format_html(" · {} {}", _("deadline"), _day(e.deadline)))
    if e.note and e.kind != "transferred":
        parts.append(format_html(" — {}", e.note))
    if e.product_ref:
        parts.append(format_html(" · {}: {}", _("product"), e.product_ref))
    if e.product_file:
        link = file_link % e.pk
        parts.append(
            format_html(' · <a href="{}" data-testid="product-file">{}</a>', link, h["file_name"])
        )
    if e.actor_name:
        parts.append(format_html(' <span class="muted">({})</span>', e.actor_name))
    parts.append(mark_safe("\n</li>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - built by format_html


@register.simple_tag
def task_history(rows: list[dict[str, Any]]) -> SafeString:
    """``{% task_history history %}``: a task's events as the page's timeline, rendered in
    Python (a task reported on every week has dozens of them on its page)."""
    file_link = reverse("steering_event_file", args=[0]).replace("/0/", "/%d/")
    items = mark_safe("".join(_event(h, file_link) for h in rows))  # noqa: S308 - format_html
    return format_html('<ol class="timeline" data-testid="history">{}</ol>', items)
