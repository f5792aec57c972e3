"""Load test of the main journeys on the demo (run by `make load`; loopback only).

Each simulated officer starts signed in (sessions opened by load/sessions.py), then loops
over: the dashboard, their unit's task
board, a task page and a progress report with a small PDF attached (a 409 "changed
meanwhile" is the expected answer when two officers report on the same task at once and
counts as a success), the committee dashboard and the org chart.
"""

from __future__ import annotations

import itertools
import os
import random
import re
from http.cookiejar import Cookie
from pathlib import Path

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

TASK_RE = re.compile(r"/steering/tasks/(\d+)/")
VERSION_RE = re.compile(r'name="progress-expected_version" value="(\d+)"')
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PDF = b"%PDF-1.4\n% bienche load test\n%%EOF\n"
UNIT = "HN.S.NV"
#: Seconds an officer waits between two clicks (LOAD_WAIT, set by load/run.sh): 5–15 s for
#: officers at work, 1–3 s for the stress profile.
WAIT = tuple(float(x) for x in os.environ.get("LOAD_WAIT", "1,3").split(","))
SESSIONS = Path(os.environ.get("LOAD_SESSIONS", "var/load-sessions.txt")).read_text().split()
_counter = itertools.count()


def _cookie(name: str, value: str) -> Cookie:
    return Cookie(
        version=0,
        name=name,
        value=value,
        port=None,
        port_specified=False,
        domain="127.0.0.1",
        domain_specified=True,
        domain_initial_dot=False,
        path="/",
        path_specified=True,
        secure=False,
        expires=None,
        discard=False,
        comment=None,
        comment_url=None,
        rest={},
    )


class Officer(FastHttpUser):
    """One officer. FastHttpUser (geventhttpclient) rather than HttpUser (requests): the load
    generator shares the server's cores, and it costs several times less CPU per request."""

    wait_time = between(*WAIT)

    def on_start(self) -> None:
        # A session opened up front by load/sessions.py (see its docstring); one per user.
        key = SESSIONS[next(_counter) % len(SESSIONS)]
        self.client.cookiejar.set_cookie(_cookie("sessionid", key))
        board = self.client.get(f"/steering/board/?unit={UNIT}", name="board").text
        self.task_ids = sorted({int(t) for t in TASK_RE.findall(board)}) or [0]

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/", name="dashboard")

    @task(3)
    def board(self) -> None:
        self.client.get(f"/steering/board/?unit={UNIT}", name="board")

    @task(2)
    def org_chart(self) -> None:
        self.client.get("/org/chart/", name="org chart")

    @task(1)
    def committee(self) -> None:
        self.client.get("/steering/", name="steering dashboard")

    @task(2)
    def report_progress(self) -> None:
        pk = random.choice(self.task_ids)  # noqa: S311 - load pattern, not security
        page = self.client.get(f"/steering/tasks/{pk}/", name="task page").text
        version = VERSION_RE.search(page)
        csrf = CSRF_RE.search(page)
        if version is None or csrf is None:
            return
        with self.client.post(
            f"/steering/tasks/{pk}/progress/",
            data={
                "progress-note": "Cập nhật tiến độ (kiểm thử tải)",
                "progress-percent": random.randint(10, 90),  # noqa: S311
                "progress-expected_version": version.group(1),
                "csrfmiddlewaretoken": csrf.group(1),
            },
            files={"progress-product_file": ("bao-cao.pdf", PDF, "application/pdf")},
            headers={"Referer": f"{self.host}/steering/tasks/{pk}/"},
            name="report progress",
            catch_response=True,
        ) as resp:
            if resp.status_code in (200, 302, 409):
                resp.success()
            else:
                resp.failure(f"status {resp.status_code}")
