"""Settings shared by every environment. Deploy-time values come from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")

# --- Hosts: the directory lives on PORTAL_DOMAIN, each collectivity on <slug>.PORTAL_DOMAIN.
PORTAL_DOMAIN = env_str("PORTAL_DOMAIN", "portal.localhost:8000")
PORTAL_HOSTNAME, _sep, _port = PORTAL_DOMAIN.partition(":")
PORTAL_PORT = int(_port) if _port else None
PORTAL_SCHEME = env_str("PORTAL_SCHEME", "https")
ALLOWED_HOSTS = [PORTAL_HOSTNAME, "." + PORTAL_HOSTNAME, *env_list("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = [
    f"{PORTAL_SCHEME}://{PORTAL_DOMAIN}",
    f"{PORTAL_SCHEME}://*.{PORTAL_DOMAIN}",
    *env_list("CSRF_TRUSTED_ORIGINS"),
]
# One account for every commune's portal: the session is shared by the sub-domains.
SESSION_COOKIE_DOMAIN = env_str("SESSION_COOKIE_DOMAIN", "." + PORTAL_HOSTNAME)
CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN
LANGUAGE_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN

INSTALLED_APPS = [
    "portal",
    "citizen_space",
    "pages",
    "commune_sites",
    "commune_sites.agendas",
    "forms_builder",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "ninja",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "citizen_space.franceconnect",
    "citizen_space.open311",
    "citizen_space.backoffice",
    "citizen_space.notifications",
    "citizen_space.appointments",
    "citizen_space.retention",
    "citizen_space.statistics",
    "allauth.mfa",
    "django_q",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "pages.page_cache.PageCacheMiddleware",
    "commune_sites.middleware.PortalMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "citizen_space.backoffice.security.StaffSecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "commune_sites.context_processors.collectivity",
            ],
        },
    },
]

# --- Database: an SQLite file by default (the embedded demo), PostgreSQL in production and tests.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and jobs: Redis when REDIS_URL is set, else local memory and django-q2's ORM broker.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions read from the cache when it is shared by every process (Redis), else from the database.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Whole public pages kept for anonymous visitors (pages.page_cache), for this many seconds; off
# by default without Redis, as each process would keep its own copy after an edit.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if REDIS_URL else 0)

Q_CLUSTER = {
    "name": "portal",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": 60,
    "retry": 120,
    "max_attempts": 5,
    "ack_failures": True,
    "catch_up": False,
    "label": _("Background tasks"),
}
if REDIS_URL:
    # The cache's connection pool: django-q2 would otherwise open a new Redis connection for
    # each task queued by a request.
    Q_CLUSTER["django_redis"] = "default"
else:
    Q_CLUSTER["orm"] = "default"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Accounts (django-allauth): email only, verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # the other sessions end, the current one stays
# A change of email is confirmed from the current address (citizen_space), then the new address
# is verified before it replaces the old one; both are told (adapter).
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_ADAPTER = "citizen_space.account_adapter.AccountAdapter"
# Sign-in and sign-up are rate-limited by allauth's default ACCOUNT_RATE_LIMITS, counted in the
# cache (Redis when several processes serve the portal).
ACCOUNT_DEFAULT_HTTP_PROTOCOL = PORTAL_SCHEME
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# Google (credentials in a SocialApp) and FranceConnect, enabled per collectivity with its own
# credentials; see citizen_space/franceconnect/adapter.py for the account-linking rules.
SOCIALACCOUNT_ADAPTER = "citizen_space.franceconnect.adapter.SocialAccountAdapter"

# --- Languages: French first, English second; times in Europe/Paris.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static files (whitenoise) and public media (editors' images).
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Citizens' uploads: a folder that no URL maps to; served only through permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
# The most that all the files of one request may weigh together.
REQUEST_MAX_TOTAL_UPLOAD_MB = env_int("REQUEST_MAX_TOTAL_UPLOAD_MB", 50)
# Drafts never sent are deleted, with their files, after this many days without a change (the
# requests themselves are kept for their collectivity's retention period, see commune_sites).
DRAFT_RETENTION_DAYS = env_int("DRAFT_RETENTION_DAYS", 90)

# --- ANTS (passport and identity card appointments): the national search site calls our editor
# endpoints (/ants/…) with ANTS_HUB_TOKEN; we call the coordination API at ANTS_API_URL (e.g.
# https://api-coordination.rendezvouspasseport.ants.gouv.fr/api) with ANTS_API_TOKEN. Unset: off.
ANTS_HUB_TOKEN = env_str("ANTS_HUB_TOKEN", "")
ANTS_API_URL = env_str("ANTS_API_URL", "")
ANTS_API_TOKEN = env_str("ANTS_API_TOKEN", "")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Email
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Portail citoyen <ne-pas-repondre@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail
WAGTAIL_SITE_NAME = "Portail citoyen"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"{PORTAL_SCHEME}://{PORTAL_DOMAIN}")
WAGTAILSEARCH_BACKENDS = {
    # french_unaccent: `french` with accents folded (created by migration pages 0002).
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french_unaccent"}
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_MODERATION_ENABLED = False
# Staff (agents, editors) sign in to the admin through allauth, with a second factor (TOTP,
# required by citizen_space.backoffice.security), and their sessions end when left idle.
WAGTAILADMIN_LOGIN_URL = "account_login"
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30)
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
# A page's old addresses redirect to it after a slug change or a move (Wagtail's default).
WAGTAILREDIRECTS_AUTO_CREATE = True

# --- Public API and embed widget: requests per client address ("<count>/<s|m|h|d>"), and how
# many reverse proxies set X-Forwarded-For in front of the application (0: use REMOTE_ADDR).
PUBLIC_API_RATE = env_str("PUBLIC_API_RATE", "120/m")
NINJA_NUM_PROXIES = env_int("NUM_PROXIES", 0)

# --- Security defaults (production tightens further).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # fpdf2 subsets the receipts' fonts with fontTools, which reports each glyph at INFO.
        "fontTools": {"level": "WARNING"},
    },
}
