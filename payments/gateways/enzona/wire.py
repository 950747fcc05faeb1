"""EnZona's payment API as it travels on the wire, and nothing else: paths, bodies,
status codes and the callback's signature. The adapter (adapter.py) and the loopback fake
the tests run against (tests/fakes/enzona_server.py) both read it from here, so a change
of EnZona's format is one change.

Modelled on EnZona's public API documentation (API Manager, "enzona_business_payment"):

- OAuth2 client credentials: POST /token (HTTP Basic consumer key : secret,
  grant_type=client_credentials, scope) -> {"access_token", "token_type": "Bearer",
  "expires_in"}. An expired or revoked token is answered 401.
- POST /payment/v1.0.0/payments creates a payment: the buyer confirms it on EnZona
  (the "confirm" link, or the same link as a QR scanned with the EnZona app); the
  merchant then completes it (POST .../complete), or cancels it (.../cancel). A completed
  payment is refunded (.../refund), in part or whole, never beyond what was taken.
- `merchant_op_id` is ours and unique per merchant: creating again with the same one
  answers the payment already created (the idempotency key).
- Errors: {"fault": {"code": ..., "message": ...}} with HTTP 400/401/403/404/409/422/5xx.
- Notifications: EnZona POSTs {"event_id", "transaction_uuid", "status_code",
  "timestamp"} to the `notify_url` given at creation, signed with HMAC-SHA256 of the raw
  body under the merchant's callback secret, hex, in `X-EnZona-Signature`.
"""

import hashlib
import hmac
from decimal import Decimal

TOKEN_PATH = "/token"
SCOPE = "enzona_business_payment enzona_business_qr"
PAYMENTS_PATH = "/payment/v1.0.0/payments"
SIGNATURE_HEADER = "X-EnZona-Signature"


def payment_path(transaction_uuid: str, action: str = "") -> str:
    return f"{PAYMENTS_PATH}/{transaction_uuid}" + (f"/{action}" if action else "")


class Status:
    """EnZona's `status_code` of a payment."""

    PENDING = 1116  # created, waiting for the buyer
    CONFIRMED = 1115  # the buyer confirmed: waiting for the merchant to complete it
    COMPLETED = 1111  # the money is taken
    FAILED = 1112  # the buyer's payment was refused (funds, limit, card)
    CANCELLED = 1113
    REFUNDED = 1114  # returned in full


STATUS_NAMES = {
    Status.PENDING: "Pendiente",
    Status.CONFIRMED: "Confirmada",
    Status.COMPLETED: "Completada",
    Status.FAILED: "Fallida",
    Status.CANCELLED: "Cancelada",
    Status.REFUNDED: "Devuelta",
}


class Fault:
    """The `fault.code` values the adapter tells apart."""

    DECLINED = "payment_declined"  # the operation is refused: the buyer's, or the amount's
    INVALID_STATE = "invalid_state"  # not possible in the payment's status
    REFUND_TOO_LARGE = "refund_exceeds_payment"
    INVALID_TOKEN = "invalid_token"  # 401: ask for a new token
    INVALID_CLIENT = "invalid_client"  # the consumer key or secret is wrong
    INVALID_REQUEST = "invalid_request"
    SERVICE_DOWN = "service_unavailable"
    NOT_FOUND = "not_found"


def amount_text(amount: Decimal) -> str:
    return f"{amount:.2f}"


def payment_body(
    *,
    merchant_op_id: str,
    invoice_number: str,
    amount: Decimal,
    currency: str,
    description: str,
    return_url: str,
    cancel_url: str,
    notify_url: str,
    merchant_uuid: str = "",
) -> dict:
    body = {
        "merchant_op_id": merchant_op_id,
        "invoice_number": invoice_number,
        "description": description or invoice_number,
        "currency": currency,
        "amount": {"total": amount_text(amount), "details": {}},
        "items": [],
        "return_url": return_url,
        "cancel_url": cancel_url,
        "notify_url": notify_url,
        "terminal_id": "web",
    }
    if merchant_uuid:
        body["merchant_uuid"] = merchant_uuid
    return body


def refund_body(*, amount: Decimal, description: str, refund_op_id: str) -> dict:
    return {
        "amount": {"total": amount_text(amount)},
        "description": description,
        "refund_op_id": refund_op_id,
    }


def confirm_link(payment: dict) -> str:
    """The buyer's page (or app link) of a payment answer."""
    return next(
        (link["href"] for link in payment.get("links", []) if link.get("rel") == "confirm"), ""
    )


def callback_sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def callback_body(*, event_id: str, transaction_uuid: str, status_code: int, timestamp: int):
    return {
        "event_id": event_id,
        "transaction_uuid": transaction_uuid,
        "status_code": status_code,
        "timestamp": timestamp,
    }
