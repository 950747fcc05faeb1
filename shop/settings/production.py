"""Settings for a deployment: HTTPS, secure cookies, and a SECRET_KEY that must be given."""

from django.core.exceptions import ImproperlyConfigured

from shop.settings.base import *  # noqa: F403
from shop.settings.environment import env_bool, env_int, env_site_url, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: production settings refuse to start without one "
        "(generate it with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )

# Without SITE_URL, links go to the first host the site answers for, over HTTPS.
SITE_URL = env_site_url(
    "SITE_URL",
    "https://" + next((host.lstrip(".") for host in ALLOWED_HOSTS if host != "*"), "localhost"),  # noqa: F405
)

# Persistent connections: opening one per request ran the trivial page at a tenth of its
# speed. The health check replaces a connection the server dropped before it is reused.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool(  # noqa: F405
    "DATABASE_CONN_HEALTH_CHECKS", True
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and container healthchecks probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# Staff log in with a password and a second factor (shop/accounts).
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", True)
