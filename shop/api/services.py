"""Writes of API access: creating and revoking keys, and finding the key a request
carries. A key reads `enc_<prefix>_<secret>`; only the sha256 of the whole key is kept,
compared in constant time."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.api.error_codes import ApiErrorCode
from shop.api.exceptions import ApiKeyRefused
from shop.api.models import PURCHASES_READ, STORE_SCOPES, ApiKey

KEY_START = "enc_"


@dataclass(frozen=True)
class IssuedKey:
    api_key: ApiKey
    secret: str  # shown once, never stored


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _issue(*, vendor, user, name: str, scopes: list[str]) -> IssuedKey:
    name = name.strip()
    if not name:
        raise ApiKeyRefused(_("Give the key a name."), code=ApiErrorCode.KEY_NAME)
    prefix = secrets.token_hex(5)
    raw = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey.objects.create(
        vendor=vendor,
        user=user,
        name=name[:80],
        prefix=prefix,
        hashed_secret=_digest(raw),
        scopes=sorted(scopes),
    )
    return IssuedKey(api_key=api_key, secret=raw)


@transaction.atomic
def store_api_key_create(*, vendor, user, name: str, scopes) -> IssuedKey:
    """A key for `vendor`, acting as `user` (the store's owner, checked by the caller)."""
    scopes = set(scopes)
    if not scopes or not scopes <= STORE_SCOPES:
        raise ApiKeyRefused(
            _("Choose at least one of the permissions offered."), code=ApiErrorCode.KEY_SCOPES
        )
    return _issue(vendor=vendor, user=user, name=name, scopes=list(scopes))


@transaction.atomic
def personal_api_key_create(*, user, name: str) -> IssuedKey:
    """A person's own key: it reads that person's purchases, nothing else."""
    return _issue(vendor=None, user=user, name=name, scopes=[PURCHASES_READ])


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    """Revoked keys answer 401 at once; revoking twice keeps the first time."""
    ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    api_key.refresh_from_db()
    return api_key


def api_key_for_secret(raw: str) -> ApiKey | None:
    """The active key `raw` is, or None."""
    if not raw.startswith(KEY_START) or raw.count("_") < 2:
        return None
    prefix = raw[len(KEY_START) :].split("_", 1)[0]
    api_key = ApiKey.objects.select_related("vendor__partner", "user").filter(prefix=prefix).first()
    if api_key is None or not hmac.compare_digest(api_key.hashed_secret, _digest(raw)):
        return None
    if api_key.revoked_at is not None:
        return None
    # At most one write a minute per key: "last used" is a hint, not an audit log.
    now = timezone.now()
    if api_key.last_used_at is None or (now - api_key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
    return api_key
