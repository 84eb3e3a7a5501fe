"""Bedside settings: one file, configured by environment variables.

Nothing here needs editing. Set, when you need to:

* ``BEDSIDE_DEBUG`` (``true``/``false``, default ``false``): local development only.
* ``SECRET_KEY``: a long random string. Without it a random key is created once and kept in
  ``BEDSIDE_DATA_DIR/.secret_key`` (fine for one machine; set it on servers).
* ``DATABASE_URL``: ``postgres://user:pass@host:5432/name`` (or ``?host=/socket/dir``) or
  ``sqlite:////absolute/path.sqlite3``. Default: SQLite ``bedside.sqlite3`` in the data dir.
* ``BEDSIDE_DATA_DIR``: where the SQLite file, the secret key and collected static files live
  (default: the current directory).
* ``ALLOWED_HOSTS`` and ``CSRF_TRUSTED_ORIGINS``: comma separated.
* ``BEDSIDE_HTTPS`` (default: on unless debug): HTTPS-only cookies, HSTS, redirect to HTTPS.
* ``BEDSIDE_LOGIN_FAILURES_PER_HOUR`` (per account, default 100) and
  ``BEDSIDE_LOGIN_FAILURES_PER_IP`` (per address per 15 minutes, default 30): sign-in throttling.
* ``BEDSIDE_IDLE_MINUTES`` and ``BEDSIDE_SESSION_MAX_HOURS``: session time-outs.
* ``BEDSIDE_TRUSTED_PROXIES``: comma-separated addresses or networks of reverse proxies in
  front of Bedside (e.g. ``127.0.0.1``). Their ``X-Forwarded-For`` then gives the client's
  address for the audit trail and sign-in throttling; default none (the connection's address).
* ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
  ``EMAIL_USE_TLS``, ``DEFAULT_FROM_EMAIL``: SMTP for invitations.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from bedside.circles.client_address import parse_networks

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool) -> bool:
    """Read a yes/no setting; refuse anything ambiguous instead of guessing."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def sqlite_database(path: Path) -> dict[str, object]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            # IMMEDIATE transactions and a generous timeout let two caregivers save at once:
            # the second writer waits for the first instead of failing with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def database_from_url(url: str) -> dict[str, object]:
    """Turn ``DATABASE_URL`` into Django's DATABASES entry (PostgreSQL or SQLite)."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        query = parse_qs(parsed.query)
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "bedside",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            # A socket directory may be given as ?host=/path (libpq's convention).
            "HOST": query.get("host", [parsed.hostname or ""])[0],
            "PORT": str(parsed.port or query.get("port", [""])[0]),
            "CONN_MAX_AGE": envint("BEDSIDE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
        }
    if parsed.scheme == "sqlite":
        if not parsed.path:
            raise ImproperlyConfigured("DATABASE_URL sqlite:///PATH needs a file path")
        return sqlite_database(Path(unquote(parsed.path)))
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with postgres:// or sqlite://, not {url!r}"
    )


DEBUG = envbool("BEDSIDE_DEBUG", False)
DATA_DIR = Path(os.environ.get("BEDSIDE_DATA_DIR", ".")).resolve()


def secret_key() -> str:
    """``SECRET_KEY`` from the environment, else a random key kept in the data directory.

    A family running Bedside on a laptop never has to invent one; a server sets it explicitly.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = DATA_DIR / ".secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "bedside.web",
    "bedside.circles",
    "bedside.care",
    "bedside.checkins",
    "bedside.progression",
    "bedside.timeline",
    "bedside.reports",
    "bedside.helps",
    "bedside.demo",
    "bedside.backups",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "bedside.circles.middleware.SessionTimeoutMiddleware",
]

ROOT_URLCONF = "bedside.urls"
WSGI_APPLICATION = "bedside.wsgi.application"
CSRF_FAILURE_VIEW = "bedside.web.views.csrf_failure"

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
                "django.template.context_processors.csp",
                "bedside.web.context.preferences",
            ],
        },
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": sqlite_database(DATA_DIR / "bedside.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "circles.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Idle and absolute session limits (SECURITY.md): an idle session ends after
# BEDSIDE_IDLE_MINUTES; any session ends after BEDSIDE_SESSION_MAX_HOURS.
BEDSIDE_IDLE_MINUTES = envint("BEDSIDE_IDLE_MINUTES", 12 * 60)
SESSION_COOKIE_AGE = envint("BEDSIDE_SESSION_MAX_HOURS", 14 * 24) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Login throttling: at most this many failures per account per hour (SECURITY.md).
BEDSIDE_LOGIN_FAILURES_PER_HOUR = envint("BEDSIDE_LOGIN_FAILURES_PER_HOUR", 100)
# ...and at most this many from one network address per quarter hour.
BEDSIDE_LOGIN_FAILURES_PER_IP = envint("BEDSIDE_LOGIN_FAILURES_PER_IP", 30)

# Reverse proxies whose X-Forwarded-For is believed (see bedside/circles/client_address.py).
try:
    BEDSIDE_TRUSTED_PROXIES = parse_networks(envlist("BEDSIDE_TRUSTED_PROXIES"))
except ValueError as _error:
    raise ImproperlyConfigured(f"BEDSIDE_TRUSTED_PROXIES: {_error}") from None

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr-ca", _("French (Canada)"))]
FORMAT_MODULE_PATH = ["bedside.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# In debug, files are served straight from the apps (WHITENOISE_USE_FINDERS); else collected here.
STATIC_ROOT = None if DEBUG else DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Invitations are the only e-mail: SMTP (EMAIL_HOST, default localhost) in production,
# printed on the console in debug unless EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST") or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": envint("EMAIL_PORT", 25),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": envbool("EMAIL_USE_TLS", False),
                # A server that accepts and then hangs must not hang an invitation request.
                "timeout": envint("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "bedside@localhost")

# Security headers. Production (debug off) gets HTTPS-only cookies and HSTS;
# BEDSIDE_HTTPS=false serves plain HTTP on a trusted network (and the demo).
HTTPS = envbool("BEDSIDE_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("BEDSIDE_LOG_LEVEL", "WARNING")},
}
