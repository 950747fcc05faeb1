"""Writes that create something accept an `Idempotency-Key` header: the first answer is
kept (per key) and sent again to a retry with the same body; the same header with
another body is refused, and one sent while the first is still being answered too."""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response

from shop.api.error_codes import ApiErrorCode
from shop.api.models import IdempotentResponse
from shop.api.responses import error_body

HEADER = "Idempotency-Key"


def _fingerprint(request) -> str:
    body = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def idempotent(request, answer) -> Response:
    """`answer()` once per (API key, Idempotency-Key); its 2xx answer is kept."""
    key = request.headers.get(HEADER, "").strip()[:255]
    if not key or request.auth is None:
        return answer()
    fingerprint = _fingerprint(request)
    try:
        with transaction.atomic():
            record = IdempotentResponse.objects.create(
                api_key=request.auth, key=key, fingerprint=fingerprint
            )
    except IntegrityError:
        record = IdempotentResponse.objects.get(api_key=request.auth, key=key)
        if record.fingerprint != fingerprint:
            return Response(
                error_body(
                    code=ApiErrorCode.IDEMPOTENCY_REUSED,
                    message=_("This Idempotency-Key was already used for another request."),
                ),
                status=status.HTTP_422_UNPROCESSABLE_ENTITY,
            )
        if record.status_code is None:
            return Response(
                error_body(
                    code=ApiErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    message=_("The first request with this Idempotency-Key is still running."),
                ),
                status=status.HTTP_409_CONFLICT,
            )
        response = Response(record.body, status=record.status_code)
        response["Idempotent-Replayed"] = "true"
        return response
    try:
        response = answer()
    except BaseException:
        IdempotentResponse.objects.filter(pk=record.pk).delete()
        raise
    if 200 <= response.status_code < 300:
        IdempotentResponse.objects.filter(pk=record.pk).update(
            status_code=response.status_code, body=response.data
        )
    else:
        IdempotentResponse.objects.filter(pk=record.pk).delete()
    return response
