"""A fake EnZona payment API on loopback (payments/gateways/enzona/wire.py is its
format): OAuth2 client credentials, payments created, confirmed by the payer on
/checkout/<uuid> (which then POSTs the signed callback to the payment's notify_url),
completed, cancelled and refunded, with EnZona's status codes and faults.

Amounts ending in .01 are refused at creation (a decline). `/_fake/mode` also takes
{"expire_tokens": true}: every token given so far answers 401 from then on.

    python -m tests.fakes.enzona_server --port 8021
"""

import html
import threading
import time
import urllib.request
import uuid
from decimal import Decimal

from payments.gateways.enzona import wire
from tests.fakes.base import FakeHandler, FakeState, form, serve

CONSUMER_KEY = "encadena-enzona-key"
CONSUMER_SECRET = "encadena-enzona-secret"
CALLBACK_SECRET = "encadena-enzona-callback"
TOKEN_SECONDS = 3600


class EnzonaState(FakeState):
    def __init__(self):
        super().__init__()
        self.tokens: set[str] = set()
        self.payments: dict[str, dict] = {}
        self.by_op_id: dict[str, str] = {}
        self.refund_ops: set[str] = set()
        self.callbacks = 0


def options(api_base: str, **overrides) -> dict:
    """OPTIONS for payments.gateways.enzona.EnzonaGateway talking to this fake."""
    return {
        "api_base": api_base,
        "consumer_key": CONSUMER_KEY,
        "consumer_secret": CONSUMER_SECRET,
        "callback_secret": CALLBACK_SECRET,
        "timeout": 3,
        **overrides,
    }


class EnzonaHandler(FakeHandler):
    state = EnzonaState()
    routes = [
        ("POST", wire.TOKEN_PATH, "token"),
        ("POST", wire.PAYMENTS_PATH, "payments_post"),
        ("GET", wire.PAYMENTS_PATH, "payment_get"),
        ("GET", "/checkout", "payer_page"),
        ("POST", "/checkout", "payer_answer"),
    ]

    def control(self, data):
        if data.get("expire_tokens"):
            self.state.tokens.clear()

    def fault(self, status: int, code: str, message: str):
        self.send_json(status, {"fault": {"code": code, "message": message}})

    def token(self, _rest):
        import base64

        expected = base64.b64encode(f"{CONSUMER_KEY}:{CONSUMER_SECRET}".encode()).decode()
        if self.headers.get("Authorization") != f"Basic {expected}":
            return self.send_json(401, {"error": wire.Fault.INVALID_CLIENT})
        if self.form_body().get("grant_type") != "client_credentials":
            return self.send_json(400, {"error": "unsupported_grant_type"})
        token = uuid.uuid4().hex
        self.state.tokens.add(token)
        self.send_json(
            200, {"access_token": token, "token_type": "Bearer", "expires_in": TOKEN_SECONDS}
        )

    def authorized(self) -> bool:
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self.state.tokens:
            self.fault(401, wire.Fault.INVALID_TOKEN, "Invalid Credentials")
            return False
        return True

    def answer(self, payment: dict) -> dict:
        base = f"http://{self.headers.get('Host')}"
        return {
            **{k: v for k, v in payment.items() if not k.startswith("_")},
            "status_denom": wire.STATUS_NAMES[payment["status_code"]],
            "links": [
                {"rel": "confirm", "href": f"{base}/checkout/{payment['transaction_uuid']}"},
                {"rel": "self", "href": base + wire.payment_path(payment["transaction_uuid"])},
            ],
        }

    def payments_post(self, rest):
        if not self.authorized():
            return
        if not rest:
            return self.payment_create()
        transaction_uuid, _slash, action = rest.partition("/")
        with self.state.lock:
            payment = self.state.payments.get(transaction_uuid)
            if payment is None:
                return self.fault(404, wire.Fault.NOT_FOUND, "Unknown payment")
            status = payment["status_code"]
            if action == "complete":
                if status == wire.Status.CONFIRMED:
                    payment["status_code"] = wire.Status.COMPLETED
                elif status != wire.Status.COMPLETED:
                    return self.fault(409, wire.Fault.INVALID_STATE, "Not confirmed")
            elif action == "cancel":
                if status in (wire.Status.PENDING, wire.Status.CONFIRMED):
                    payment["status_code"] = wire.Status.CANCELLED
                elif status != wire.Status.CANCELLED:
                    return self.fault(409, wire.Fault.INVALID_STATE, "Not cancellable")
            elif action == "refund":
                return self.refund(payment)
            else:
                return self.fault(404, wire.Fault.NOT_FOUND, "Unknown operation")
            self.send_json(200, self.answer(payment))

    def payment_create(self):
        data = self.json_body()
        try:
            total = Decimal(str(data["amount"]["total"]))
            op_id = str(data["merchant_op_id"])
            currency = str(data["currency"])
        except (KeyError, TypeError, ArithmeticError):
            return self.fault(400, wire.Fault.INVALID_REQUEST, "amount, currency, merchant_op_id")
        if total % 1 == Decimal("0.01"):
            return self.fault(422, wire.Fault.DECLINED, "Operación denegada")
        with self.state.lock:
            existing = self.state.by_op_id.get(op_id)
            if existing:
                return self.send_json(200, self.answer(self.state.payments[existing]))
            transaction_uuid = uuid.uuid4().hex
            payment = {
                "transaction_uuid": transaction_uuid,
                "merchant_op_id": op_id,
                "invoice_number": data.get("invoice_number", ""),
                "merchant_uuid": data.get("merchant_uuid", ""),
                "currency": currency,
                "amount": {"total": wire.amount_text(total)},
                "refunded_total": "0.00",
                "status_code": wire.Status.PENDING,
                "code": str(100000 + len(self.state.payments) * 7919 % 900000),
                "_return_url": data.get("return_url", ""),
                "_notify_url": data.get("notify_url", ""),
            }
            self.state.payments[transaction_uuid] = payment
            self.state.by_op_id[op_id] = transaction_uuid
        self.send_json(200, self.answer(payment))

    def refund(self, payment):
        data = self.json_body()
        try:
            amount = Decimal(str(data["amount"]["total"]))
        except (KeyError, TypeError, ArithmeticError):
            return self.fault(400, wire.Fault.INVALID_REQUEST, "amount")
        op_id = str(data.get("refund_op_id", ""))
        if op_id and op_id in self.state.refund_ops:
            return self.send_json(200, self.answer(payment))
        if payment["status_code"] != wire.Status.COMPLETED:
            return self.fault(409, wire.Fault.INVALID_STATE, "Not completed")
        total = Decimal(payment["amount"]["total"])
        refunded = Decimal(payment["refunded_total"]) + amount
        if refunded > total:
            return self.fault(422, wire.Fault.REFUND_TOO_LARGE, "Exceeds the payment")
        payment["refunded_total"] = wire.amount_text(refunded)
        if refunded == total:
            payment["status_code"] = wire.Status.REFUNDED
        self.state.refund_ops.add(op_id)
        self.send_json(200, self.answer(payment))

    def payment_get(self, rest):
        if not self.authorized():
            return
        with self.state.lock:
            payment = self.state.payments.get(rest)
            if payment is None:
                return self.fault(404, wire.Fault.NOT_FOUND, "Unknown payment")
            self.send_json(200, self.answer(payment))

    # --- the payer's side ----------------------------------------------------------------

    def payer_page(self, rest):
        if not rest and self.query.get("code"):
            found = next(
                (p for p in self.state.payments.values() if p["code"] == self.query["code"]), None
            )
            if found:
                return self.redirect(f"/checkout/{found['transaction_uuid']}")
        payment = self.state.payments.get(rest)
        if payment is None:
            return self.send_page(
                404,
                "EnZona (prueba): pago no encontrado",
                "<form method='get' action='/checkout'><label>Código "
                "<input name='code'></label> <button>Buscar</button></form>",
            )
        if payment["status_code"] != wire.Status.PENDING:
            state = wire.STATUS_NAMES[payment["status_code"]]
            return self.send_page(200, "EnZona (prueba)", f"<p>Este pago está: {state}.</p>")
        self.send_page(
            200,
            "EnZona (prueba): confirmar el pago",
            f"<p>Importe: <strong>{html.escape(payment['amount']['total'])} "
            f"{html.escape(payment['currency'])}</strong></p>"
            f"<p>Referencia: {html.escape(payment['invoice_number'])}</p>"
            + form(f"/checkout/{rest}", [("pay", "Pagar"), ("reject", "Rechazar")]),
        )

    def payer_answer(self, rest):
        action = self.form_body().get("action", "")
        with self.state.lock:
            payment = self.state.payments.get(rest)
            if payment is None or payment["status_code"] != wire.Status.PENDING:
                return self.payer_page(rest)
            payment["status_code"] = (
                wire.Status.CONFIRMED if action == "pay" else wire.Status.FAILED
            )
        callback_send(self.state, payment)
        if payment["_return_url"] and action == "pay":
            separator = "&" if "?" in payment["_return_url"] else "?"
            return self.redirect(
                f"{payment['_return_url']}{separator}transaction_uuid={payment['transaction_uuid']}"
            )
        self.send_page(200, "EnZona (prueba)", "<p>Operación registrada.</p>")


def callback_send(state: EnzonaState, payment: dict) -> None:
    """POST the signed callback to the payment's notify_url, in the background."""
    url = payment["_notify_url"]
    if not url:
        return
    import json

    with state.lock:
        state.callbacks += 1
        event_id = f"evt_{payment['transaction_uuid']}_{state.callbacks}"
    body = json.dumps(
        wire.callback_body(
            event_id=event_id,
            transaction_uuid=payment["transaction_uuid"],
            status_code=payment["status_code"],
            timestamp=int(time.time()),
        )
    ).encode()

    def deliver():
        request = urllib.request.Request(
            url,
            data=body,
            headers={
                "Content-Type": "application/json",
                wire.SIGNATURE_HEADER: wire.callback_sign(body, CALLBACK_SECRET),
            },
        )
        try:
            urllib.request.urlopen(request, timeout=10).close()
        except OSError:
            pass  # EnZona retries later; so does our reconciliation

    threading.Thread(target=deliver, daemon=True).start()


if __name__ == "__main__":
    serve(EnzonaHandler, "fake EnZona")
