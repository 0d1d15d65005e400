"""Storedesk settings, configured from the environment (twelve-factor).

With nothing set, Storedesk runs on SQLite (WAL) in the data folder, the in-memory
channel layer and the database task backend. ``DATABASE_URL`` and ``REDIS_URL`` switch
to PostgreSQL and Redis. ``STOREDESK_MODE=production`` turns on the production checks.
"""

import warnings
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from storedesk.config.mail import mailer_from_url
from storedesk.config.safety import (
    DEVELOPMENT_SECRET_KEY,
    check_production_settings,
    machine_hosts,
)

env = environ.Env()

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env.str("STOREDESK_DATA_DIR", default=str(Path.cwd() / "storedesk-data")))

MODE = env.str("STOREDESK_MODE", default="development")
if MODE not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"STOREDESK_MODE must be 'development' or 'production', not {MODE!r}."
    )
PRODUCTION = MODE == "production"

SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
# Off unless asked for, in every mode: Django's debug pages show settings, paths and every
# URL to whoever can reach the server, and the demo is often reached over a LAN.
DEBUG = env.bool("DEBUG", default=False)
# In development, this machine's own names and addresses, so the demo answers on the LAN.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else machine_hosts())
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not a CDN
    "django_htmx",
    "axes",
    "django_tasks_db",
    "storedesk.core",
    "storedesk.accounts",
    "storedesk.customers",
    "storedesk.catalog",
    "storedesk.orders",
    "storedesk.inbox",
    "storedesk.livechat",
    "storedesk.connectors",
    "storedesk.realtime",
    "storedesk.publicsite",
    "storedesk.policies",
    "storedesk.search",
    "storedesk.helpcenter",
    "storedesk.demo",
]

MIDDLEWARE = [
    "storedesk.core.middleware.ApiErrorShapeMiddleware",
    # Before everything else that may answer: preflights, and CORS headers on every
    # widget API answer, errors included.
    "storedesk.livechat.middleware.WidgetCorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "storedesk.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "storedesk.accounts.middleware.StaffPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "storedesk.config.urls"
ASGI_APPLICATION = "storedesk.config.asgi.application"
WSGI_APPLICATION = "storedesk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "storedesk.accounts.context_processors.staff_frame",
            ],
        },
    },
]

# Databases ---------------------------------------------------------------------------
SQLITE_PATH = DATA_DIR / "storedesk.sqlite3"
if "DATABASE_URL" in env:
    DATABASES = {"default": env.db_url("DATABASE_URL")}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Under ASGI Django closes its connection after every request, so persistent
    # connections do not help; a pool per process saves a connect (several ms) each time.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN", default=2),
        "max_size": env.int("DATABASE_POOL_MAX", default=10),
        # How long a request waits for a connection before failing (and /readyz says 503).
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=5.0),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at once; IMMEDIATE transactions make
    # writers queue on the busy timeout instead of failing on a lock upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file on the same machine cannot drop a connection, while opening one (and running
    # the pragmas above) costs more than many queries: every thread keeps its own for good.
    # Without this, each database call of a socket opened and closed a connection.
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["TEST"] = {"NAME": env.str("STOREDESK_TEST_SQLITE", default="")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: channel layer and cache ------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # channels-redis waits for messages in BZPOPMIN calls that block for 5 s on
                # the server; redis-py 8 also gives up reading after 5 s by default, so an
                # idle socket's receive failed and the server closed it. Wait on the server.
                "hosts": [{"address": REDIS_URL, "socket_timeout": None}],
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "storedesk",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "storedesk.realtime.layers.LocalChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Auth and sessions ---------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
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
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Brute-force lockout: after five failures for one account from one address, that
# pair is locked out for fifteen minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
# The reverse proxy usually redirects to HTTPS; these are for installs where it does not.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy of every page (docs/self-hosting.md#content-security-policy):
# scripts and style sheets from this site or carrying the page's nonce, nothing to embed,
# connections (the API, websockets) to this site only. Images may come from any HTTPS
# address because an agent may choose to load an email's remote images; the sanitiser
# blocks them until then. Pages that host the chat widget relax styles (core/csp.py).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    # A few templates set a style attribute; message HTML never keeps one (core/html.py).
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Throttling by client address, counting failures only (docs/self-hosting.md#throttling):
# sign-in failures across every account (password spraying), and requests with an unknown
# or revoked API token (token guessing). Over the limit, the address waits for the window.
THROTTLE_WINDOW_SECONDS = 15 * 60
LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=30)
API_TOKEN_FAILURES_PER_ADDRESS = env.int("API_TOKEN_FAILURES_PER_ADDRESS", default=30)
# Wrong two-factor codes for one person, from any address, before they must wait.
TWO_FACTOR_FAILURES_PER_USER = env.int("TWO_FACTOR_FAILURES_PER_USER", default=5)
# Password-reset requests one address may make, and mails one address may be sent.
PASSWORD_RESETS_PER_ADDRESS = env.int("PASSWORD_RESETS_PER_ADDRESS", default=10)
PASSWORD_RESETS_PER_EMAIL = env.int("PASSWORD_RESETS_PER_EMAIL", default=3)

# Requests: bodies over this size are refused with 413 before any view sees them.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("STOREDESK_MAX_REQUEST_BYTES", default=1024 * 1024)
# Multipart uploads (message attachments of up to 10 MB, plus the form's own overhead).
STOREDESK_MAX_UPLOAD_BYTES = env.int("STOREDESK_MAX_UPLOAD_BYTES", default=11 * 1024 * 1024)

# Website chat floods (docs/livechat.md#limits-and-rate-limits): what one store accepts a
# minute from all its visitors together, so a flood from many addresses leaves the inbox
# usable; and whether one client address is limited on its own (a load test that plays
# every shopper from one machine turns that off).
CHAT_STORE_NEW_VISITORS_PER_MINUTE = env.int("CHAT_STORE_NEW_VISITORS_PER_MINUTE", default=1200)
CHAT_STORE_NEW_CONVERSATIONS_PER_MINUTE = env.int(
    "CHAT_STORE_NEW_CONVERSATIONS_PER_MINUTE", default=60
)
CHAT_ADDRESS_LIMITS = env.bool("CHAT_ADDRESS_LIMITS", default=True)

# Email ------------------------------------------------------------------------------
MAILERS = {"default": mailer_from_url(env.str("EMAIL_URL", default=""))}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="storedesk@localhost")
# Where staff reach this Storedesk: links in mail and in the command line's output (an
# invitation, a password link) start with it when no request tells the address.
STOREDESK_URL = env.str("STOREDESK_URL", default="http://127.0.0.1:8000").rstrip("/")
STAFF_INVITATION_DAYS = env.int("STAFF_INVITATION_DAYS", default=7)
# Where the keys that encrypt channel credentials come from, newest first (see
# docs/channels.md); empty: SECRET_KEY and its fallbacks.
STOREDESK_SECRETS_KEYS = env.list("STOREDESK_SECRETS_KEYS", default=[])

# Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Static files ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the app folders, so neither the demo nor the tests need a
# collectstatic step; production may still collect into STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Without a collectstatic step STATIC_ROOT does not exist, which is expected here.
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)

# Uploaded files (message attachments) live in the data folder and are served only
# through views that check who is asking, never straight from MEDIA_ROOT.
MEDIA_ROOT = Path(env.str("STOREDESK_MEDIA_DIR", default=str(DATA_DIR / "media")))

# API ---------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact_secrets": {"()": "storedesk.core.redaction.RedactSecretsFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # axes announces its configuration at every start; only its warnings matter.
        "axes": {"level": "WARNING"},
    },
}

if PRODUCTION:
    check_production_settings(secret_key=SECRET_KEY, debug=DEBUG, allowed_hosts=ALLOWED_HOSTS)
