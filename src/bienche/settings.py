"""Django settings. The environment is read here and nowhere else (style habit 10).

Variables:
    DATABASE_URL        sqlite:///path/to/file.sqlite3 or postgres://user:pass@host:port/name
                        (default: sqlite file var/bienche.sqlite3 under the working directory)
    BIENCHE_ENV         development (default) or production
    BIENCHE_SECRET_KEY  required in production; a development key is used otherwise
    BIENCHE_DEBUG       1/0 (default 1 in development, 0 in production)
    BIENCHE_ALLOWED_HOSTS  comma-separated (default: localhost,127.0.0.1,testserver)
    BIENCHE_MEDIA_ROOT  uploaded files (default: var/media under the working directory)
    BIENCHE_EMAIL_HOST / _PORT / _FROM  SMTP for notices (default: console backend)
    BIENCHE_STEERING_REMINDER_DAYS  working days before a deadline to remind (default 5,1)
    BIENCHE_STEERING_ESCALATION_DAYS  working days overdue before escalating (default 5)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DEV_SECRET = "dev-only-insecure-key-bienche-do-not-use-in-production"


@dataclass(frozen=True)
class Config:
    env: str
    debug: bool
    secret_key: str
    database: dict
    allowed_hosts: list[str]


def parse_database_url(url: str) -> dict:
    """Turn a DATABASE_URL into a Django DATABASES entry; refuse what we do not support."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
            path = path.lstrip("/")
        if not path:
            raise ImproperlyConfigured("DATABASE_URL sqlite:/// needs a file path")
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path,
            # 128 MB page cache: the demo build and big imports run in one transaction.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA cache_size=-131072;",
            },
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "bienche",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            # A connection the server dropped (restart, failover) is replaced at the next
            # request instead of failing it: the app recovers without a restart.
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(f"DATABASE_URL scheme not supported: {parsed.scheme!r}")


def load_config(environ: os._Environ | dict) -> Config:
    env = environ.get("BIENCHE_ENV", "development")
    if env not in {"development", "production"}:
        raise ImproperlyConfigured("BIENCHE_ENV must be 'development' or 'production'")
    secret = environ.get("BIENCHE_SECRET_KEY", "")
    if env == "production" and (not secret or secret == DEV_SECRET or len(secret) < 32):
        raise ImproperlyConfigured("BIENCHE_SECRET_KEY must be set (>= 32 chars) in production")
    debug_default = "1" if env == "development" else "0"
    url = environ.get("DATABASE_URL") or f"sqlite:///{Path.cwd() / 'var' / 'bienche.sqlite3'}"
    hosts = environ.get("BIENCHE_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver,[::1]")
    return Config(
        env=env,
        debug=environ.get("BIENCHE_DEBUG", debug_default) == "1",
        secret_key=secret or DEV_SECRET,
        database=parse_database_url(url),
        allowed_hosts=[h.strip() for h in hosts.split(",") if h.strip()],
    )


CONFIG = load_config(os.environ)

#: Test switches: CI sets these so that browser / PostgreSQL tests fail instead of skipping.
REQUIRE_BROWSER = os.environ.get("BIENCHE_REQUIRE_BROWSER") == "1"
REQUIRE_POSTGRES = os.environ.get("BIENCHE_REQUIRE_POSTGRES") == "1"
CHROMIUM_PATH = os.environ.get("BIENCHE_CHROMIUM", "/usr/bin/chromium")

# Uploaded files (task products, document scans): outside the package, backed up with the DB.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("BIENCHE_MEDIA_ROOT", Path.cwd() / "var" / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# Mail (Django 6.1 mailers): the console backend by default; SMTP when BIENCHE_EMAIL_HOST is set.
_EMAIL_HOST = os.environ.get("BIENCHE_EMAIL_HOST", "")
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _EMAIL_HOST,
                "port": int(os.environ.get("BIENCHE_EMAIL_PORT", "25")),
            },
        }
        if _EMAIL_HOST
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = os.environ.get("BIENCHE_EMAIL_FROM", "bienche@localhost")

# Steering reminders: working days before the deadline in force, and the delay (working
# days after it) before an overdue task is escalated to the unit above the lead unit.
STEERING_REMINDER_DAYS = tuple(
    int(d) for d in os.environ.get("BIENCHE_STEERING_REMINDER_DAYS", "5,1").split(",") if d
)
STEERING_ESCALATION_DAYS = int(os.environ.get("BIENCHE_STEERING_ESCALATION_DAYS", "5"))
#: The government standard: a task is recorded within 3 working days of its document.
STEERING_RECORDING_DAYS = 3
TEST_ARTIFACTS = Path.cwd() / "var" / "test-artifacts"

SECRET_KEY = CONFIG.secret_key
DEBUG = CONFIG.debug
ALLOWED_HOSTS = CONFIG.allowed_hosts
DATABASES = {"default": CONFIG.database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "bienche.core",
    "bienche.org",
    "bienche.staffing",
    "bienche.pay",
    "bienche.steering",
    "bienche.investment",
    "bienche.delegation",
    "bienche.recruitment",
    "bienche.pricing",
    "bienche.territory",
    "bienche.reports",
    "bienche.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bienche.core.middleware.RejectNulCharacters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bienche.core.middleware.DefaultLanguage",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bienche.org.permissions.ScopeMemoMiddleware",
    "bienche.core.middleware.LoginRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "bienche.urls"
WSGI_APPLICATION = "bienche.wsgi.application"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["bienche.core.lockout.LockoutModelBackend"]
LOGIN_LOCKOUT_FAILURES = 5
LOGIN_LOCKOUT_MINUTES = 15
#: Login attempts per minute from one address before the form answers 429.
LOGIN_RATE_PER_MINUTE = int(os.environ.get("BIENCHE_LOGIN_RATE_PER_MINUTE", "60"))
#: Requests per user to the REST API (django-ninja throttling, counted in the cache).
API_RATE_LIMIT = os.environ.get("BIENCHE_API_RATE_LIMIT", "1200/m")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path.cwd() / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content Security Policy: everything from this server, no inline scripts or styles, no
# plug-ins, no framing (templates use data- attributes and static JS, never on* handlers).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if CONFIG.env == "production":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # HSTS is only sent on requests Django sees as secure: behind nginx terminating TLS,
    # which sets X-Forwarded-Proto (see the deployment guide).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

if (
    DATABASES["default"]["ENGINE"].endswith("sqlite3")
    and DATABASES["default"]["NAME"] != ":memory:"
):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
