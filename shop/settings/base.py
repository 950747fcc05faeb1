"""Settings shared by every environment; values that vary come from the environment.

With no variable set this is a complete laptop marketplace: SQLite, a
local-memory cache, Celery tasks run in-process and e-mail printed to the
console.
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to load its defaults)

from shop.core.roles import console_menu_access, operator_menu_access
from shop.settings.environment import (
    env_bool,
    env_int,
    env_list,
    env_site_url,
    env_str,
    redis_url_other_database,
    s3_public_url_options,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

SITE_ID = 1
ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "shop.admin_site.OperatorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.forms",  # Django's widget templates, for FORM_RENDERER below
    "django.contrib.postgres",  # trigram lookups for search (shop/apps/search); inert on SQLite
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.apps.shipping.apps.ShippingConfig",
    "shop.apps.catalogue.apps.CatalogueConfig",
    "shop.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.apps.partner.apps.PartnerConfig",
    "shop.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "shop.apps.offer.apps.OfferConfig",
    "shop.apps.order.apps.OrderConfig",
    "shop.apps.customer.apps.CustomerConfig",
    "shop.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "shop.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    # Encadena
    "shop.accounts",
    "shop.core",
    "shop.mail",
    "shop.storefront",
    "shop.demo",
    "vendors",
    "payments",
    "logistics",
    "shop.invoices",
    "shop.customers",
    "shop.callcenter",
    "shop.sourcing",
    "logistics.national",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served as our own static files
    "shop.api",
    "shop.webhooks",
    "shop.retention",
    "shop.privacy",
    "vendors.pricing",
    "shop.requisitions",
    "shop.trust",
    "shop.community",
    "shop.classroom",
    "shop.companies",
    "shop.linkages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (static files come precompressed), above everything that writes a body.
    "shop.storefront.compression.PageGZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "shop.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "shop.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    # Right around the view, below everything that reads the request: whole pages for
    # visitors without a session (STOREFRONT_PAGE_CACHE_SECONDS below).
    "shop.storefront.page_cache.PageCacheMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
            # Oscar's templates load these libraries too: amounts and absolute links are
            # made by our one function each (shop/core/money.py, shop/core/links.py).
            # Replacing them is what templates.W003 warns about: shop.core.checks keeps
            # that warning (shop.W001) for any other library.
            "libraries": {
                "currency_filters": "shop.core.templatetags.money",
                "url_tags": "shop.core.templatetags.links",
            },
        },
    },
]

SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Widgets render through TEMPLATES, so our overrides at Oscar's paths apply to them too
# (templates/oscar/forms/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

CSRF_FAILURE_VIEW = "shop.storefront.errors.csrf_failure"

# --- Content-Security-Policy (django-csp) ----------------------------------------------
# Scripts only from our own static files, plus the nonce of each response for the few
# start-up lines Oscar's templates write inline (templates/oscar/base.html). Styles only
# from our stylesheets: no inline style attribute or element anywhere, Oscar's dashboard
# included. The card page adds its gateway's own script, frame and API origins, taken
# from that gateway's options (payments/views.py); no other page allows them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Bootstrap draws its form controls with data: SVG backgrounds.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- The API (/api/v1/, shop/api) ------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["shop.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "shop.api.pagination.NewestFirstCursor",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "shop.api.responses.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "shop.api.throttling.ApiKeyRateThrottle",
        "shop.api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "api_key": env_str("API_RATE_PER_KEY", "600/min"),
        "api_anonymous": env_str("API_RATE_ANONYMOUS", "120/min"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Encadena API",
    "DESCRIPTION": "Catalogue, stores, requests; a store's products, stock, orders, "
    "shipments, invoices and offers; a buyer's purchases.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 0, "maximum": 999_999_999},
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "shop.api.schema.error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "VendorOrderStatusEnum": "vendors.models.VendorOrderStatus",
        "TrackingStatusEnum": "logistics.models.TrackingStatus",
        "OfferStatusEnum": "shop.sourcing.models.OfferStatus",
        "RequestStatusEnum": "shop.sourcing.models.RequestStatus",
        "RenderStateEnum": "shop.invoices.models.RenderState",
    },
}

AUTHENTICATION_BACKENDS = [
    # First: refuses every login attempt for a locked account or address (shop/accounts).
    "shop.accounts.throttle.LoginThrottleBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Database -----------------------------------------------------------------
LOCAL_DATA_DIR = BASE_DIR / "var"  # SQLite file, uploads and mail on a laptop; git-ignored
if not env_str("DATABASE_URL"):
    LOCAL_DATA_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{LOCAL_DATA_DIR / 'encadena.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", False),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The laptop default: wait for a writer instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The shop's working set sits in memory, where a random read costs about a sequential
    # one: with PostgreSQL's spinning-disk default (4) a search for a common word reads
    # the whole index table (19 ms at 10,000 products) instead of its GIN index (1.4 ms).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={env_str('DATABASE_RANDOM_PAGE_COST', '1.1')}"
    )

# --- Cache and background tasks ---------------------------------------------------
# REDIS_URL names the server and the task queue's database; the cache takes the next
# database. A cache flush (Django's RedisCache.clear() is FLUSHDB) then never drops a
# queued e-mail, invoice render or webhook. CACHE_REDIS_URL / CELERY_BROKER_URL /
# CELERY_RESULT_BACKEND, when set, win.
REDIS_URL = env_str("REDIS_URL")
CACHE_REDIS_URL = env_str("CACHE_REDIS_URL") or (
    redis_url_other_database(REDIS_URL) if REDIS_URL else ""
)
if CACHE_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "encadena"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database; with a cache shared by every process (Redis) they are
# read from it (a local-memory cache is one per process: another would read a stale one).
SESSION_ENGINE = "shop.core.sessions.cached_db" if CACHE_REDIS_URL else "shop.core.sessions.db"

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or REDIS_URL or None
# No broker configured: run tasks in the calling process so the laptop needs no server.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "America/Havana"
# The queue tasks go to and workers read; several deployments (or test runs) can share
# one Redis with a queue each.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_BEAT_SCHEDULE = {
    "low-stock-digests": {
        "task": "vendors.low_stock_digests",
        "schedule": crontab(hour=7, minute=0),
    },
    "payments-reconcile": {
        "task": "payments.reconcile",
        "schedule": crontab(minute="*/15"),
    },
    "invoices-render-sweep": {
        "task": "invoices.render_sweep",
        "schedule": crontab(minute=40),
    },
    "sourcing-requests-expire": {
        "task": "sourcing.requests_expire",
        "schedule": crontab(minute=5),
    },
    "webhooks-deliveries-due": {
        "task": "webhooks.deliveries_due",
        "schedule": crontab(minute="*"),
    },
    "retention-apply": {
        "task": "retention.apply",
        "schedule": crontab(hour=3, minute=30),
    },
    "companies-approvals-expire": {
        "task": "companies.approvals_expire",
        "schedule": crontab(minute="*/15"),
    },
    "companies-credit-reminders": {
        "task": "companies.credit_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "sourcing-store-notice-digests": {
        "task": "sourcing.store_notice_digests_send",
        "schedule": crontab(hour=7, minute=30),
    },
    "community-board-digests": {
        "task": "community.board_digests_send",
        "schedule": crontab(day_of_week="mon", hour=8, minute=0),
    },
    "linkages-figures-refresh": {
        "task": "linkages.figures_refresh",
        "schedule": crontab(minute=25),
    },
}
# A webhook subscription whose every delivery has failed this long is paused (owner told).
WEBHOOK_PAUSE_AFTER_DAYS = env_int("WEBHOOK_PAUSE_AFTER_DAYS", 2)
CELERY_BEAT_SCHEDULE_FILENAME = env_str(
    "CELERY_BEAT_SCHEDULE_FILENAME", str(LOCAL_DATA_DIR / "celerybeat-schedule")
)

# --- E-mail ----------------------------------------------------------------------------
# Everything Django or Oscar sends goes through the outbox and a Celery task;
# MAIL_DELIVERY_BACKEND is what finally delivers it.
EMAIL_BACKEND = "shop.mail.backends.OutboxEmailBackend"
MAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(LOCAL_DATA_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Encadena <no-responder@encadena.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address: every link in an e-mail, a text message or an invoice's QR
# code starts with it (shop/core/links.py). `make run` sets it to the address it serves.
SITE_URL = env_site_url("SITE_URL", "http://127.0.0.1:8000")

# --- Language, time and money ---------------------------------------------------------
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "shop" / "locale"]
TIME_ZONE = "America/Havana"
USE_I18N = True
USE_TZ = True

OSCAR_DEFAULT_CURRENCY = env_str("CURRENCY", "CUP")
# Every amount a person reads, in any currency: "2.346,00 CUP" in Spanish, "2,346.00 CUP"
# in English (babel's pattern: ¤¤ is the currency's code). Formatted by
# shop.core.money.money_format, which the templates' `currency` filter calls.
OSCAR_CURRENCY_FORMAT = "#,##0.00 ¤¤"
# The platform's commission on each vendor part's goods (not its delivery), in percent;
# a vendor's own `commission_percent` overrides it.
MARKETPLACE_COMMISSION_PERCENT = Decimal("8.00")

# The home, catalogue, category, search, store and product pages are kept whole for this
# many seconds for visitors without a session, basket or sign-in, and forgotten at once when
# anything they show changes (shop/storefront/page_cache.py); the time bounds what a change
# made without a signal leaves stale. 0 turns it off.
STOREFRONT_PAGE_CACHE_SECONDS = env_int("STOREFRONT_PAGE_CACHE_SECONDS", 120)

# --- Static and media files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(LOCAL_DATA_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(LOCAL_DATA_DIR / "media")))
# Django serves uploaded files itself unless a web server in front does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Documents only their owners may read (invoice PDFs): never served as media.
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(LOCAL_DATA_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several machines: pictures and logos in an S3-compatible object store (public reads),
# invoices, credit notes and data exports in a private bucket, read only through the app.
# Credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as boto3 reads them. The app
# talks to STORAGE_S3_ENDPOINT_URL (an internal address will do); browsers fetch pictures
# from STORAGE_S3_MEDIA_PUBLIC_URL (the bucket's public address or a CDN in front of it).
_S3 = {
    "endpoint_url": env_str("STORAGE_S3_ENDPOINT_URL") or None,
    "region_name": env_str("STORAGE_S3_REGION") or None,
}
if env_str("STORAGE_S3_MEDIA_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3,
            "bucket_name": env_str("STORAGE_S3_MEDIA_BUCKET"),
            "querystring_auth": False,
            "file_overwrite": False,
            **s3_public_url_options(env_str("STORAGE_S3_MEDIA_PUBLIC_URL")),
        },
    }
if env_str("STORAGE_S3_PRIVATE_BUCKET"):
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3,
            "bucket_name": env_str("STORAGE_S3_PRIVATE_BUCKET"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,  # a signed URL, if one is ever made, lives 5 minutes
            "file_overwrite": False,
        },
    }
THUMBNAIL_DEBUG = False
# Oscar's thumbnailer, sure of its placeholder picture on any media storage.
OSCAR_THUMBNAILER = "shop.storefront.thumbnails.StorageThumbnailer"
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"

# --- Oscar -------------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Encadena"
OSCAR_SHOP_TAGLINE = _("The marketplace of Cuba's economic actors")
OSCAR_HOMEPAGE = reverse_lazy("home")
OSCAR_ALLOW_ANON_CHECKOUT = True
# Cuban addresses have no postcode in practice; the municipality (line4) and province
# (state) are what delivery depends on.
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "state", "country")
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_SEND_REGISTRATION_EMAIL = True
# Reviews come from buyers who received the product (shop/apps/catalogue/reviews), signed in.
OSCAR_ALLOW_ANON_REVIEWS = False
# Requests for offers (shop/sourcing): operators follow up open requests that no store has
# answered after this many days.
SOURCING_UNANSWERED_DAYS = 3
# Open data of the linkages (shop/linkages): a published cell counting fewer deals than
# this is left empty, so no figure points at one deal or one actor.
LINKAGES_OPEN_DATA_MIN_DEALS = 3
# The community board: accounts younger than this many days write at most so many posts
# and replies a day; everyone at most so many an hour.
COMMUNITY_NEW_ACCOUNT_DAYS = 7
COMMUNITY_NEW_ACCOUNT_PER_DAY = 5
COMMUNITY_PER_HOUR = 20
# A new store's first this many products wait "en revisión" until an operator approves
# them (0: none waits); an operator removes any product with a reason either way.
PRODUCT_REVIEW_FIRST_PRODUCTS = env_int("PRODUCT_REVIEW_FIRST_PRODUCTS", 0)
# Categories (by slug) no store may sell in, nor in the categories below them.
PROHIBITED_CATEGORY_SLUGS: tuple[str, ...] = ()
# The platform's own operator pages sit under one heading ("Marketplace"), so Oscar's menu
# bar keeps one row at 1280 px; a new operator page is one more child here.
MARKETPLACE_OPERATOR_MENU = [
    {
        "label": _("Economic actors"),
        "url_name": "vendors:operator-list",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Vendor balances"),
        "url_name": "vendors:operator-balances",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Product moderation"),
        "url_name": "vendors:operator-products",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Merchant accounts"),
        "url_name": "vendors:operator-merchant-accounts",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Bank transfers"),
        "url_name": "payments_dashboard:bank-transfers",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Payments reconciliation"),
        "url_name": "payments_dashboard:reconciliation",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Requests without offers"),
        "url_name": "sourcing_dashboard:unanswered",
        "access_fn": operator_menu_access,
    },
    {
        # Operators and call-center agents follow every store's deliveries.
        "label": _("Shipments"),
        "url_name": "logistics_dashboard:shipments",
        "access_fn": console_menu_access,
    },
    {
        "label": _("Company charges on account"),
        "url_name": "companies_operators:charges",
        "access_fn": operator_menu_access,
    },
    {
        # The platform's own subscriptions: they hear every store's events.
        "label": _("Webhooks"),
        "url_name": "webhooks_operators:webhooks",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Store verification"),
        "url_name": "trust_dashboard:verification-queue",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Reported reviews"),
        "url_name": "trust_dashboard:review-report-list",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Community reports"),
        "url_name": "community_dashboard:reports",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Classroom: courses"),
        "url_name": "classroom_dashboard:courses",
        "access_fn": operator_menu_access,
    },
    {
        "label": _("Classroom: live sessions"),
        "url_name": "classroom_dashboard:sessions",
        "access_fn": operator_menu_access,
    },
]
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {"label": _("Marketplace"), "icon": "fas fa-store", "children": MARKETPLACE_OPERATOR_MENU},
    {
        "label": _("Call center"),
        "icon": "fas fa-headset",
        "children": [
            {
                "label": _("Find a customer"),
                "url_name": "callcenter:search",
                "access_fn": console_menu_access,
            },
            {
                "label": _("Reported conversations"),
                "url_name": "callcenter:conversations",
                "access_fn": console_menu_access,
            },
            {
                "label": _("Audit log"),
                "url_name": "callcenter:audit-log",
                "access_fn": operator_menu_access,
            },
        ],
    },
]
OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION = "shop.apps.dashboard.apps.operator_access_fn"
# --- Payments ----------------------------------------------------------------------------
# Gateways are configured like Django backends (payments/registry.py), checked at start-up.
PAYMENT_GATEWAYS = {
    "cash_on_delivery": {"BACKEND": "payments.gateways.cash_on_delivery.CashOnDelivery"},
}
if env_str("BANK_TRANSFER_ACCOUNT_NUMBER"):
    PAYMENT_GATEWAYS["bank_transfer"] = {
        "BACKEND": "payments.gateways.bank_transfer.BankTransfer",
        "OPTIONS": {
            "account_holder": env_str("BANK_TRANSFER_ACCOUNT_HOLDER", "Encadena"),
            "account_number": env_str("BANK_TRANSFER_ACCOUNT_NUMBER"),
            "bank": env_str("BANK_TRANSFER_BANK", "Banco Metropolitano"),
        },
    }
    # Companies pay the parts bought on account to the same account (shop/companies).
    PAYMENT_GATEWAYS["on_account"] = {
        "BACKEND": "payments.gateways.on_account.OnAccount",
        "OPTIONS": PAYMENT_GATEWAYS["bank_transfer"]["OPTIONS"],
    }
if env_str("STRIPE_SECRET_KEY"):
    PAYMENT_GATEWAYS["stripe"] = {
        "BACKEND": "payments.gateways.stripe.StripeGateway",
        "OPTIONS": {
            "secret_key": env_str("STRIPE_SECRET_KEY"),
            "publishable_key": env_str("STRIPE_PUBLISHABLE_KEY"),
            "webhook_secret": env_str("STRIPE_WEBHOOK_SECRET"),
            "api_base": env_str("STRIPE_API_BASE", "https://api.stripe.com"),
            "js_url": env_str("STRIPE_JS_URL", "https://js.stripe.com/v3/"),
            "currencies": env_str("STRIPE_CURRENCIES", "USD"),
        },
    }
# EnZona and Transfermóvil (QR, link or code paid in their apps): enabled when their API's
# address is set; `make run` sets both to the loopback fakes of tests/fakes/.
if env_str("ENZONA_URL"):
    PAYMENT_GATEWAYS["enzona"] = {
        "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
        "OPTIONS": {
            "api_base": env_str("ENZONA_URL"),
            "consumer_key": env_str("ENZONA_CONSUMER_KEY"),
            "consumer_secret": env_str("ENZONA_CONSUMER_SECRET"),
            "callback_secret": env_str("ENZONA_CALLBACK_SECRET"),
            "merchant_uuid": env_str("ENZONA_MERCHANT_UUID"),
            "notify_url": f"{SITE_URL}/payments/webhooks/enzona/",
            "return_url": f"{SITE_URL}/pagar/{{reference}}/codigo/",
        },
    }
if env_str("TRANSFERMOVIL_URL"):
    PAYMENT_GATEWAYS["transfermovil"] = {
        "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
        "OPTIONS": {
            "api_base": env_str("TRANSFERMOVIL_URL"),
            "username": env_str("TRANSFERMOVIL_USERNAME"),
            "password": env_str("TRANSFERMOVIL_PASSWORD"),
            "source": env_str("TRANSFERMOVIL_SOURCE"),
            "valid_minutes": env_int("PAYMENT_DEADLINE_HOURS", 48) * 60,
        },
    }
# Ways of paying this installation knows but has not set up: checkout names them as not
# available, so a buyer looking for them knows.
PAYMENT_METHODS_UNAVAILABLE = {"enzona": _("EnZona"), "transfermovil": _("Transfermóvil")}
# Where the buyers' money lands: "platform" (the platform's business account; the vendor
# ledgers split it and pay the stores out) or "store" (a single store's purchase paid
# through a gateway with merchant accounts goes to that store's own business account, when
# the store gave its merchant id; everything else still to the platform's).
PAYMENT_FUNDS_TO = env_str("PAYMENT_FUNDS_TO", "platform")
# A gateway that refuses our own requests (its key, permissions, options) is reported to
# the operators once per kind of refusal in this many hours.
PAYMENT_GATEWAY_ALERT_HOURS = env_int("PAYMENT_GATEWAY_ALERT_HOURS", 6)
# Unpaid purchases (bank transfers, card payments never completed) expire after this.
# What a payment outcome does to a purchase (payments/hooks.py).
PAYMENT_OUTCOME_HANDLER = "vendors.orders.outcomes.PurchaseOutcomes"
PAYMENT_DEADLINE_HOURS = env_int("PAYMENT_DEADLINE_HOURS", 48)
# A company purchase above its buyer's spending limit keeps its stock promised this long
# waiting for an approver; then it is cancelled (shop/companies, beat every 15 minutes).
COMPANY_APPROVAL_HOURS = env_int("COMPANY_APPROVAL_HOURS", 48)
# Parts bought on account: the company is reminded this many days before the due date,
# and once the day after it.
COMPANY_CREDIT_REMINDER_DAYS = env_int("COMPANY_CREDIT_REMINDER_DAYS", 3)

# --- Shipping ----------------------------------------------------------------------------
# Carriers are configured like the payment gateways (logistics/carriers/registry.py).
SHIPPING_CARRIERS = {
    "manual": {"BACKEND": "logistics.carriers.manual.ManualCarrier"},
}
if env_str("SHIPPING_WEBHOOK_SECRET"):
    SHIPPING_CARRIERS["webhook"] = {
        "BACKEND": "logistics.carriers.webhook.WebhookCarrier",
        "OPTIONS": {
            "SECRET": env_str("SHIPPING_WEBHOOK_SECRET"),
            "LABEL": env_str("SHIPPING_WEBHOOK_LABEL", "Mensajería"),
        },
    }
# A national carrier (logistics/national): its rate table, points and stores are kept in
# the operators' dashboard under this name; with a secret it posts signed steps.
SHIPPING_CARRIERS["nacional"] = {
    "BACKEND": "logistics.carriers.national.NationalCarrier",
    "OPTIONS": {
        "SECRET": env_str("NATIONAL_CARRIER_SECRET"),
        "LABEL": env_str("NATIONAL_CARRIER_LABEL", "Paquetería Nacional"),
        "PREFIX": "PN",
    },
}
# What a unit of a product without a weight is taken to weigh when a carrier prices it.
DELIVERY_DEFAULT_WEIGHT_KG = env_str("DELIVERY_DEFAULT_WEIGHT_KG", "1")
# How long a courier's signed link works, and after how many days without movement a
# shipment shows in the vendor's "needs attention" list.
COURIER_LINK_MAX_AGE_DAYS = env_int("COURIER_LINK_MAX_AGE_DAYS", 7)
SHIPMENT_STALE_DAYS = env_int("SHIPMENT_STALE_DAYS", 3)
# National carriers' tables, beside the other operator pages (MARKETPLACE_OPERATOR_MENU).
MARKETPLACE_OPERATOR_MENU += [
    {
        "label": _("National carriers"),
        "url_name": "national_dashboard:carriers",
        "access_fn": operator_menu_access,
    },
]
# Operators see and lift login lockouts beside the customers (Oscar's "Customers" heading).
OSCAR_DASHBOARD_NAVIGATION = [
    {
        **entry,
        "children": [
            *entry["children"],
            {
                "label": _("Login lockouts"),
                "url_name": "accounts_dashboard:lockouts",
                "access_fn": operator_menu_access,
            },
        ],
    }
    if any(child.get("url_name") == "dashboard:users-index" for child in entry.get("children", []))
    else entry
    for entry in OSCAR_DASHBOARD_NAVIGATION
]
# Text messages go through this backend (shop/sms); no SMS provider is reachable yet.
SMS_BACKEND = env_str("SMS_BACKEND", "shop.sms.backends.logging.SmsBackend")

# Forks that change behaviour only keep Oscar's migrations.
MIGRATION_MODULES = {
    "catalogue": "oscar.apps.catalogue.migrations",
    "partner": "oscar.apps.partner.migrations",
    "basket": "oscar.apps.basket.migrations",
    "offer": "oscar.apps.offer.migrations",
    "order": "oscar.apps.order.migrations",
    "shipping": "oscar.apps.shipping.migrations",
    "customer": "oscar.apps.customer.migrations",
    "reviews": "oscar.apps.catalogue.reviews.migrations",
}
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
# Browse and search read the database (shop/apps/search); nothing feeds Haystack.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
# Our own search index follows every change "after_commit", in a task
# (shop/apps/search/updates.py); "immediate" refreshes it in the writer's transaction.
SEARCH_INDEX_UPDATES = "after_commit"

LOGIN_REDIRECT_URL = "/"

# --- Logins: failed-attempt limits and the staff's second factor (shop/accounts) --------
# An account is locked after this many failed logins from any address, an address after
# its own (higher: many people share one address behind a carrier's NAT), for
# LOGIN_LOCKOUT_MINUTES after the failure that locked it.
LOGIN_FAILURE_LIMIT_PER_ACCOUNT = env_int("LOGIN_FAILURE_LIMIT_PER_ACCOUNT", 10)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", 30)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
# Proxies in front of the web processes that append the client's address to
# X-Forwarded-For; 0 means the client's address is the connection's (REMOTE_ADDR).
LOGIN_TRUSTED_PROXIES = env_int("LOGIN_TRUSTED_PROXIES", 0)
AXES_HANDLER = "shop.accounts.throttle.LoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT_PER_ACCOUNT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
# Attempts refused during a lockout do not push its end further: an attacker cannot keep
# the owner out for ever, and the time the page gives stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A successful login leaves the failures counted: resetting them would let one valid
# account clear its address's count between guesses at others.
AXES_RESET_ON_SUCCESS = False
AXES_USERNAME_CALLABLE = "shop.accounts.throttle.login_account_key"
AXES_CLIENT_IP_CALLABLE = "shop.accounts.throttle.login_client_address"
AXES_LOCKOUT_CALLABLE = "shop.accounts.views.login_locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Successful logins are kept (who, when, from where) for LOGIN_LOG_RETENTION_DAYS.
LOGIN_LOG_RETENTION_DAYS = env_int("LOGIN_LOG_RETENTION_DAYS", 90)
CELERY_BEAT_SCHEDULE["accounts-login-log-prune"] = {
    "task": "accounts.login_log_prune",
    "schedule": crontab(hour=4, minute=15),
}

# Staff (operators and call-center agents) confirm each login with a code from an
# authenticator app (TOTP) or a one-time recovery code. Required: a staff member without
# one must set it up before any other page; not required (the laptop demo): offered at
# /cuenta/segundo-factor/, and asked for at every login once set up.
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", True)
OTP_TOTP_ISSUER = "Encadena"
STAFF_RECOVERY_CODE_COUNT = 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "sorl.thumbnail": {"level": "ERROR"},
        # Oscar logs every stock-alert pass at INFO; only problems are worth reading.
        "oscar": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO; a refused fetch is a WARNING.
        "weasyprint": {"level": "WARNING"},
        # django-axes logs each failed login as a WARNING; its start-up banner is noise.
        "axes": {"level": "WARNING"},
    },
}
