"""The login page, with a per-address rate limit in front of the password check."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from bienche.core.lockout import client_ip, is_rate_limited
from bienche.core.models import LoginAttempt

RETRY_AFTER_SECONDS = 60


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ip = client_ip(request)
        if is_rate_limited(ip):
            # Counted too, so a script that keeps hammering stays limited.
            name = str(request.POST.get("username", ""))[:150].lower()
            LoginAttempt.objects.create(username=name, ip=ip, succeeded=False)
            context = self.get_context_data(
                rate_limited=_("Too many login attempts from this address; try again in a minute.")
            )
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return super().post(request, *args, **kwargs)
