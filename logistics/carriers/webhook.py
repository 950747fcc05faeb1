"""A third-party courier that posts its events to `/logistics/webhooks/<name>/`.

The body is JSON, `{"events": [{...}, ...]}` (at most `MAX_EVENTS`), each event:

    {"id": "evt-123", "tracking_code": "EC7K2M9QX4TB", "status": "out_for_delivery",
     "occurred_at": "2026-11-23T10:15:00-05:00", "municipality": "2301",
     "note": "", "cash_collected": "1250.00"}

`status` is one of ours (logistics.models.TrackingStatus) or one the carrier's
`STATUS_MAP` option translates; `municipality` is the official code (optional). The
header `X-Encadena-Signature` carries `sha256=` and the hex HMAC-SHA256 of the raw body
with the carrier's `SECRET`. Event ids are unique per carrier: a retried delivery is
stored once, and events may arrive in any order."""

import hashlib
import hmac
import json
from datetime import datetime
from decimal import Decimal, InvalidOperation

from logistics.carriers.error_codes import CarrierErrorCode
from logistics.carriers.exceptions import WebhookRejected
from logistics.carriers.interface import (
    Capabilities,
    Capability,
    Carrier,
    CarrierEvent,
)
from logistics.models import TrackingStatus

SIGNATURE_HEADER = "X-Encadena-Signature"
MAX_EVENTS = 100


def webhook_signature(*, secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookCarrier(Carrier):
    capabilities = Capabilities(
        supported=frozenset(
            {Capability.ISSUES_TRACKING_CODES, Capability.WEBHOOKS, Capability.CASH_COLLECTION}
        )
    )
    required_options = ("SECRET",)

    @property
    def label(self) -> str:
        return self.options.get("LABEL") or self.name

    def webhook_verify_and_parse(self, *, body: bytes, headers: dict) -> list[CarrierEvent]:
        signature = _header(headers, SIGNATURE_HEADER)
        expected = webhook_signature(secret=self.options["SECRET"], body=body)
        if not signature or not hmac.compare_digest(signature, expected):
            raise WebhookRejected("bad signature", code=CarrierErrorCode.SIGNATURE)
        try:
            document = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise WebhookRejected("malformed JSON", code=CarrierErrorCode.JSON) from None
        events = document.get("events") if isinstance(document, dict) else None
        if not isinstance(events, list) or not 0 < len(events) <= MAX_EVENTS:
            raise WebhookRejected(
                f"expected 1 to {MAX_EVENTS} events", code=CarrierErrorCode.EVENTS
            )
        return [self._event(raw) for raw in events]

    def _event(self, raw) -> CarrierEvent:
        if not isinstance(raw, dict):
            raise WebhookRejected("an event is not an object", code=CarrierErrorCode.EVENT)
        status_map = self.options.get("STATUS_MAP", {})
        status = status_map.get(raw.get("status"), raw.get("status"))
        if status not in TrackingStatus.values:
            raise WebhookRejected(
                f"unknown status {raw.get('status')!r}", code=CarrierErrorCode.STATUS
            )
        event_id, code = raw.get("id"), raw.get("tracking_code")
        for value, what in (
            (event_id, CarrierErrorCode.ID),
            (code, CarrierErrorCode.TRACKING_CODE),
        ):
            if not isinstance(value, str) or not 0 < len(value) <= 64:
                raise WebhookRejected(f"missing or malformed {what}", code=what)
        try:
            occurred_at = datetime.fromisoformat(raw.get("occurred_at"))
        except (TypeError, ValueError):
            raise WebhookRejected(
                "malformed occurred_at", code=CarrierErrorCode.OCCURRED_AT
            ) from None
        if occurred_at.tzinfo is None:
            raise WebhookRejected(
                "occurred_at needs a UTC offset", code=CarrierErrorCode.OCCURRED_AT
            )
        municipality, note = raw.get("municipality") or "", raw.get("note") or ""
        if not isinstance(municipality, str) or not isinstance(note, str):
            raise WebhookRejected("malformed municipality or note", code=CarrierErrorCode.EVENT)
        cash = raw.get("cash_collected")
        if cash is not None:
            try:
                cash = Decimal(str(cash))
            except InvalidOperation:
                raise WebhookRejected(
                    "malformed cash_collected", code=CarrierErrorCode.CASH
                ) from None
            if not cash.is_finite() or cash < 0:
                raise WebhookRejected("malformed cash_collected", code=CarrierErrorCode.CASH)
        return CarrierEvent(
            event_id=event_id,
            tracking_code=code.upper(),
            status=status,
            occurred_at=occurred_at,
            municipality_code=municipality[:4],
            note=note[:500],
            cash_collected=cash,
        )


def _header(headers: dict, name: str) -> str:
    lowered = name.lower()
    return next((value for key, value in headers.items() if key.lower() == lowered), "")
