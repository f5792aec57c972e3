"""The REST API root: /api/v1/. Mounts each app's router; errors are RFC 9457 problem details.

django-ninja was chosen over DRF for typed In/Out schemas (pydantic 2), an OpenAPI 3.1
document generated from them, and one small function per operation (docs/adr/0001).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AuthRateThrottle

from bienche.core.errors import BiencheError
from bienche.core.tokens import api_token_user

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_user(token, write=request.method not in SAFE_METHODS)
        if user is not None:
            request.user = user
        return user


class StrictJsonParser(Parser):
    """JSON bodies without NUL characters (PostgreSQL text cannot store them)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        bad = _nul_path(data)
        if bad is not None:
            raise ValueError(f"NUL character at {'.'.join(map(str, bad))}")
        return data


def _nul_path(value: Any, path: tuple = ()) -> tuple | None:
    if isinstance(value, str):
        return path if "\x00" in value else None
    items = (
        value.items()
        if isinstance(value, dict)
        else (enumerate(value) if isinstance(value, list) else ())
    )
    for key, item in items:
        if isinstance(key, str) and "\x00" in key:
            return (*path, key)
        found = _nul_path(item, (*path, key))
        if found is not None:
            return found
    return None


api = NinjaAPI(
    title="bienche API",
    version="1",
    description="Organization, staffing and steering registry of Hà Nội. Errors are RFC 9457 "
    "problem details with `code`, `field`, `detail` (English) and `detail_vi`.",
    auth=[TokenAuth(), SessionAuth(csrf=True)],
    docs_url=None,
    urls_namespace="api",
    parser=StrictJsonParser(),
    # Per user (or address, unauthenticated): a steady integration stays far below; a
    # runaway script gets 429 instead of loading the server. Counts live in the cache.
    throttle=[AuthRateThrottle(settings.API_RATE_LIMIT)],
)


def problem(
    request: HttpRequest,
    status: int,
    title: str,
    detail: str,
    *,
    code: str,
    detail_vi: str = "",
    field: str | None = None,
    errors: list | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": f"https://bienche.invalid/problems/{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "detail_vi": detail_vi or detail,
        "code": code,
        "instance": request.path,
    }
    if field:
        body["field"] = field
    if errors:
        body["errors"] = errors
    resp = api.create_response(request, body, status=status)
    resp["Content-Type"] = "application/problem+json"
    return resp


@api.exception_handler(BiencheError)
def _bienche_error(request: HttpRequest, exc: BiencheError) -> HttpResponse:
    titles = {403: "Forbidden", 404: "Not found", 409: "Conflict", 422: "Invalid input"}
    return problem(
        request,
        exc.status,
        titles.get(exc.status, "Bad request"),
        exc.en,
        code=exc.code,
        detail_vi=exc.vi,
        field=exc.field,
    )


def _loc(err: dict) -> str:
    parts = [str(p) for p in err.get("loc", ()) if p not in {"body", "query", "path", "payload"}]
    return ".".join(parts) or "body"


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"field": _loc(e), "detail": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors
    ]
    first = errors[0] if errors else {"field": "body", "detail": "invalid"}
    return problem(
        request,
        422,
        "Invalid input",
        f"{first['field']}: {first['detail']}",
        code="invalid_input",
        detail_vi=f"Dữ liệu không hợp lệ ở trường «{first['field']}»: {first['detail']}",
        field=first["field"],
        errors=errors,
    )


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem(
        request,
        401,
        "Unauthorized",
        "Log in or send 'Authorization: Bearer <token>'.",
        code="unauthorized",
        detail_vi="Cần đăng nhập hoặc gửi mã truy cập (token).",
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    vi = {400: "Nội dung yêu cầu không đọc được (JSON sai hoặc có ký tự NUL)."}.get(
        exc.status_code, "Yêu cầu không hợp lệ."
    )
    return problem(
        request,
        exc.status_code,
        "Error",
        str(exc),
        code=f"http_{exc.status_code}",
        detail_vi=vi,
    )


def _mount() -> None:
    from bienche.delegation.api import router as delegation_router
    from bienche.investment.api import router as hoalac_router
    from bienche.org.api import router as org_router
    from bienche.pay.api import router as pay_router
    from bienche.pricing.api import router as pricing_router
    from bienche.recruitment.api import router as recruit_router
    from bienche.reports.forms.api import router as report_forms_router
    from bienche.staffing.api import router as staffing_router
    from bienche.steering.api import router as steering_router
    from bienche.territory.api import router as territory_router

    api.add_router("/org", org_router)
    api.add_router("/staffing", staffing_router)
    api.add_router("/pay", pay_router)
    api.add_router("/steering", steering_router)
    api.add_router("/hoalac", hoalac_router)
    api.add_router("/delegation", delegation_router)
    api.add_router("/recruit", recruit_router)
    api.add_router("/pricing", pricing_router)
    api.add_router("/territory", territory_router)
    api.add_router("/reports/forms", report_forms_router)


_mount()
