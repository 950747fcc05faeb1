"""Settings for the storefront bench (`make bench`): a deployment's settings (DEBUG off,
persistent connections, compressed static files) served over plain HTTP on the loopback,
against a database of its own that synthetic catalogues fill, never the demo's.

BENCH_DATABASE_URL names that database (default: encadena_bench on the local PostgreSQL);
the bench runner points DATABASE_URL at one database per catalogue size."""

from shop.settings.base import *  # noqa: F403
from shop.settings.environment import env_bool, env_int, env_str

BENCH_DATABASE_URL = env_str(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/encadena_bench"
)
DATABASES = {
    "default": dj_database_url.parse(  # noqa: F405
        env_str("DATABASE_URL") or BENCH_DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True

DEBUG = False
# Only ever served on the loopback, to the bench's own load generator.
SECRET_KEY = env_str("SECRET_KEY") or "bench-only-key-for-a-server-on-the-loopback"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "shop.demo.urls"
STATIC_ROOT = LOCAL_DATA_DIR / "bench" / "static"  # noqa: F405
MEDIA_ROOT = LOCAL_DATA_DIR / "bench" / "media"  # noqa: F405
STAFF_REQUIRE_SECOND_FACTOR = True

# The tasks a page sends (Oscar's analytics counters) are a worker's work, not the page's:
# without a broker of its own the bench sends them to one in memory that nobody reads, so
# that they run neither in the page nor at all.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = False
