"""Login required everywhere, except the API (it answers 401 problem details itself)."""

from django.contrib.auth.middleware import LoginRequiredMiddleware


class LoginRequired(LoginRequiredMiddleware):
    def process_view(self, request, view_func, view_args, view_kwargs):  # type: ignore[override]
        if request.path.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class DefaultLanguage:
    """Vietnamese unless the user chose otherwise (language cookie set by /i18n/setlang/).

    The browser's Accept-Language is deliberately ignored: officers' machines are often set
    to English while the administration works in Vietnamese.
    """

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        lang = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = lang
        # override, not activate: the thread goes back to its language after the request, so
        # nothing run later in the same thread (a test, a CLI call) inherits the user's choice.
        with translation.override(lang):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang)
        return response


class RejectNulCharacters:
    """Refuse NUL characters in the path or query string with a 400 before any view runs.

    PostgreSQL text cannot hold NUL; letting one reach a query would be a server error (and
    would abort the transaction). JSON bodies are checked by the API's parser.
    """

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        from django.http import HttpResponseBadRequest, JsonResponse

        if "\x00" in request.path or any(
            "\x00" in k or "\x00" in v for k, vs in request.GET.lists() for v in vs
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "type": "https://bienche.invalid/problems/nul_character",
                        "title": "Bad request",
                        "status": 400,
                        "code": "nul_character",
                        "detail": "NUL characters are not allowed.",
                        "detail_vi": "Không được dùng ký tự NUL.",
                    },
                    status=400,
                    content_type="application/problem+json",
                )
            return HttpResponseBadRequest("NUL")
        return self.get_response(request)
