"""Reading configuration from the process environment.

Every setting that differs between a laptop and a deployment comes from an
environment variable; these helpers parse them with one meaning everywhere.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_site_url(name: str, default: str) -> str:
    """An absolute http(s) address without a path, e.g. https://encadena.cu (a trailing
    slash is dropped)."""
    value = (env_str(name) or default).rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path:
        raise ImproperlyConfigured(
            f"{name} must be the site's public address, like https://encadena.cu, got {value!r}"
        )
    return value


def s3_public_url_options(url: str) -> dict[str, str]:
    """django-storages' S3 options that build public files' addresses from `url` (an
    absolute http(s) address, a path allowed: https://media.encadena.cu or
    http://objects.example:9000/encadena-media) instead of the endpoint the app uploads
    to; none for an empty `url`."""
    if not url:
        return {}
    parts = urlsplit(url.rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise ImproperlyConfigured(
            "STORAGE_S3_MEDIA_PUBLIC_URL must be an absolute address browsers reach, like "
            f"https://media.encadena.cu, got {url!r}"
        )
    return {"custom_domain": parts.netloc + parts.path, "url_protocol": f"{parts.scheme}:"}


def redis_url_other_database(url: str) -> str:
    """The same Redis server, the next database number (0-15)."""
    parts = urlsplit(url)
    current = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(current + 1) % 16}"))
