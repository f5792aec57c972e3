"""Load test of the main journeys on the demo (run by `make load`; loopback only).

Each simulated officer signs in once, then loops over: the dashboard, their unit's task
board, a task page and a progress report with a small PDF attached (a 409 "changed
meanwhile" is the expected answer when two officers report on the same task at once and
counts as a success), the committee dashboard and the org chart.
"""

from __future__ import annotations

import random
import re

from locust import HttpUser, between, task

TASK_RE = re.compile(r"/steering/tasks/(\d+)/")
VERSION_RE = re.compile(r'name="expected_version" value="(\d+)"')
PDF = b"%PDF-1.4\n% bienche load test\n%%EOF\n"
USER, PASSWORD, UNIT = "canbo.noivu", "bienche-demo-2026", "HN.S.NV"


class Officer(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.get("/login/", name="login")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            "/login/",
            {"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/login/"},
            name="login",
        )
        board = self.client.get(f"/steering/board/?unit={UNIT}", name="board").text
        self.tasks = sorted({int(t) for t in TASK_RE.findall(board)}) or [0]

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
        pk = random.choice(self.tasks)  # noqa: S311 - load pattern, not security
        page = self.client.get(f"/steering/tasks/{pk}/", name="task page").text
        version = VERSION_RE.search(page)
        if version is None:
            return
        with self.client.post(
            f"/steering/tasks/{pk}/progress/",
            data={
                "note": "Cập nhật tiến độ (kiểm thử tải)",
                "percent": random.randint(10, 90),  # noqa: S311
                "expected_version": version.group(1),
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            files={"product_file": ("bao-cao.pdf", PDF, "application/pdf")},
            headers={"Referer": f"{self.host}/steering/tasks/{pk}/"},
            name="report progress",
            catch_response=True,
        ) as resp:
            if resp.status_code in (200, 302, 409):
                resp.success()
            else:
                resp.failure(f"status {resp.status_code}")
