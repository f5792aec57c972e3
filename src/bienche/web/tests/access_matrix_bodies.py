"""JSON bodies of the API writes in the access matrix (``test_access_matrix``): valid, so
that access is decided, not the body's shape. ``expected_version`` and ``investor_id`` are
filled in by the test with the fixture's values."""

from __future__ import annotations

#: JSON bodies of the API writes: valid, so access is decided, not the body's shape.
BASIS = {"effective_on": "2024-06-01", "basis_number": "1/QĐ-MATRIX"}
BODIES = {
    "report_new": {"year": 2023, "unit_code": "D1", "format": "state"},
    "narrative_save": {"html": "<p>Hạn chế</p>", "expected_revision": 0},
    "event_rename": {
        "code": "D1",
        "name": "Quận Một (mới)",
        "effective_on": "2024-06-01",
        "basis_number": "1/QĐ-MATRIX",
    },
    "document_task_new": {
        "content": "Nhiệm vụ mới",
        "lead_unit_code": "D1",
        "responsible_post": "Chủ tịch UBND",
        "deadline": "2024-06-30",
    },
    "event_establish": {
        **BASIS,
        "units": [{"code": "W9", "name": "Phường Chín", "kind": "ward", "parent_code": "D1"}],
    },
    "event_change_kind": {**BASIS, "code": "W1", "kind": "commune"},
    "event_transfer": {**BASIS, "code": "W1", "new_parent_code": "D1"},
    "event_merge": {
        **BASIS,
        "predecessor_codes": ["W1", "W2"],
        "successor": {
            "code": "W12",
            "name": "Phường Mười Hai",
            "kind": "ward",
            "parent_code": "D1",
        },
    },
    "event_absorb": {**BASIS, "absorbed_codes": ["W2"], "into_code": "W1"},
    "event_split": {
        **BASIS,
        "predecessor_code": "W1",
        "successors": [
            {
                "unit": {"code": c, "name": f"Phường {c}", "kind": "ward", "parent_code": "D1"},
                "share_percent": 50,
            }
            for c in ("W1A", "W1B")
        ],
    },
    "event_rearrange": {
        **BASIS,
        "predecessor_codes": ["W1"],
        "successors": [{"code": "W1R", "name": "Phường R", "kind": "ward", "parent_code": "D1"}],
        "edges": [{"predecessor_code": "W1", "successor_code": "W1R"}],
    },
    "event_dissolve": {**BASIS, "code": "W2"},
    "quota_create": {
        "unit_code": "D1",
        "kind": "civil_servant",
        "amount": 10,
        "valid_from": "2024-01-01",
        "basis_number": "1/QĐ-MATRIX",
    },
    "position_new": {
        "unit_code": "D1",
        "code": "CVM",
        "title": "Chuyên viên",
        "category": "professional",
        "headcount": 2,
        "min_group": "A1",
        "valid_from": "2024-01-01",
    },
    "document_new": {
        "kind": "notice",
        "number": "5/TB-MATRIX",
        "issuer": "UBND Quận Một",
        "issued_on": "2024-03-01",
        "summary": "Thông báo",
        "issuer_unit_code": "D1",
    },
    "task_return": {"note": "Bổ sung số liệu", "expected_version": 0},
    "task_extension_request": {
        "deadline": "2024-06-30",
        "note": "Chờ ý kiến",
        "expected_version": 0,
    },
    "task_extension_decide": {"approve": True, "expected_version": 0},
    "task_report": {"note": "Tiến độ", "expected_version": 0},
    "task_accept": {"expected_version": 0},
    "task_cancel": {"reason": "Không còn phù hợp", "expected_version": 0},
    "project_new": {
        "code": "HL-M1",
        "name": "Dự án ma trận",
        "investor_id": 0,
        "sector": "software",
        "stage_on": "2024-03-01",
        "next_step": "Gặp",
    },
    "project_stage": {
        "stage": "contacted",
        "on": "2024-03-01",
        "next_step": "Khảo sát",
        "expected_version": 0,
    },
    "project_certificate": {
        "number": "GCN-M",
        "issued_on": "2024-03-01",
        "amount": 1000,
        "expected_version": 0,
    },
    "project_disbursement": {"on": "2024-03-01", "amount": 1, "expected_version": 0},
    "investor_new": {"name": "Matrix Robotics", "country": "JP", "sector": "industry"},
    "obstacle_new": {
        "kind": "planning",
        "description": "Quy hoạch",
        "responsible_unit_code": "D1",
        "raised_on": "2024-03-05",
    },
    "transfer_new": {
        "power_code": "P1",
        "kind": "delegation",
        "from_unit_code": "D1",
        "to_unit_code": "W2",
        "valid_from": "2023-01-01",
        "term_end": "2099-01-01",
        "document_number": "3/QĐ-MATRIX",
        "document_date": "2022-12-20",
    },
    "transfer_edit": {"expected_version": 1, "conditions": "Báo cáo hằng quý"},
    "transfer_end": {
        "expected_version": 1,
        "on": "2024-01-01",
        "document_number": "4/QĐ-MATRIX",
        "document_date": "2023-12-20",
    },
    "transfer_review": {"expected_version": 1, "reviewed_on": "2024-01-01", "outcome": "keep"},
    "exam_review": {
        "number": 1,
        "round": 2,
        "value": 75,
        "reason": "Phúc khảo",
        "on": "2024-10-22",
    },
    "exam_leader_appoint": {
        "number": 1,
        "decision_number": "1/QĐ-MATRIX",
        "decided_on": "2024-11-20",
        "signer": "Giám đốc",
        "effective_on": "2024-12-01",
    },
    "pricing_finance_record": {"year": 2023, "revenue": 1, "recurrent_expenditure": 10},
    "territory_saved_create": {"round": "nq35-2023", "parent": "D1", "on": "2023-08-01"},
    "territory_saved_adopt": {
        "basis_number": "1/NQ-MATRIX",
        "basis_date": "2023-12-01",
        "effective_on": "2024-01-01",
    },
    "territory_boundaries_import": {
        "geojson": {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"code": "W1"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
                    },
                }
            ],
        }
    },
    "territory_adjacency_import": {"csv": "W1,W2\n"},
}
