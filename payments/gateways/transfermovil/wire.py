"""Transfermóvil's external payment API as it travels on the wire, and nothing else. The
adapter (adapter.py) and the loopback fake the tests run against
(tests/fakes/transfermovil_server.py) both read it from here.

Modelled on the public description of Transfermóvil's payment gateway for businesses
(RestExternalPayment): the merchant registers a payment order under its own
`ExternalId`; the buyer pays it in the Transfermóvil app (scanning the order's QR code,
opening its link, or typing its code, which anyone holding it can do, also over USSD);
the merchant asks the order's status (there is no callback here, so the adapter polls).
A pending order can be cancelled; Transfermóvil has no refund operation (money goes
back by hand, from the business account).

- Every request carries the headers `username`, `source` (the merchant's number) and
  `signature`: base64 of SHA-512 over username + day + month + year (of the day in
  Havana, dd mm yyyy) + password.
- POST /RestExternalPayment.svc/payOrder {"request": {...}} ->
  {"PayOrderResult": {"Success", "Resultmsg", "Status", "OrderId"}}; an `ExternalId`
  already registered answers its order again (the idempotency key).
- POST /RestExternalPayment.svc/getStatusOrder {"request": {"Source", "ExternalId"}} ->
  {"GetStatusOrderResult": {"Success", "Resultmsg", "Status", "Amount", "Currency",
  "OrderId", "Code"}}.
- POST /RestExternalPayment.svc/cancelOrder {"request": {"Source", "ExternalId"}} ->
  {"CancelOrderResult": {"Success", "Resultmsg", "Status"}}.
- `Success: false` comes with `Resultmsg` and `Code` (see `Fault`); a failing service
  answers HTTP 5xx.
"""

import base64
import hashlib
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

BASE_PATH = "/RestExternalPayment.svc"
PAY_ORDER = f"{BASE_PATH}/payOrder"
STATUS_ORDER = f"{BASE_PATH}/getStatusOrder"
CANCEL_ORDER = f"{BASE_PATH}/cancelOrder"
HAVANA = ZoneInfo("America/Havana")


class Status:
    PENDING = 1
    PAID = 2
    FAILED = 3
    CANCELLED = 4  # cancelled by the merchant, or expired unpaid


class Fault:
    DECLINED = "declined"  # the order is refused (amount beyond the limits, blocked)
    INVALID_STATE = "invalid_state"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_ORDER = "unknown_order"
    INVALID_REQUEST = "invalid_request"


def signature(*, username: str, password: str, at: datetime) -> str:
    day = at.astimezone(HAVANA)
    text = f"{username}{day:%d}{day:%m}{day:%Y}{password}"
    return base64.b64encode(hashlib.sha512(text.encode()).digest()).decode()


def headers(*, username: str, password: str, source: str, at: datetime) -> dict:
    return {
        "username": username,
        "source": source,
        "signature": signature(username=username, password=password, at=at),
    }


def pay_order_body(
    *,
    external_id: str,
    source: str,
    amount: Decimal,
    currency: str,
    description: str,
    phone: str = "",
    valid_minutes: int = 0,
) -> dict:
    return {
        "request": {
            "Amount": float(amount),
            "Phone": phone,
            "Currency": currency,
            "Description": description,
            "ExternalId": external_id,
            "Source": source,
            "UrlResponse": "",
            "ValidTime": valid_minutes,
        }
    }


def order_body(*, external_id: str, source: str) -> dict:
    return {"request": {"Source": source, "ExternalId": external_id}}


def pay_path(code: str) -> str:
    """The order's payment page (what its QR code and link open)."""
    return f"/pagar/{code}"
