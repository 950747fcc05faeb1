"""A fake Transfermóvil external payment API on loopback
(payments/gateways/transfermovil/wire.py is its format): signed headers checked, payment
orders registered once per ExternalId, paid by the payer on /pagar/<code> (what the QR
code and the link open; /pagar?codigo= finds an order by its code), cancelled, and their
status answered. No callbacks, as the real one for this integration: the shop polls.

Amounts ending in .01 are refused (Success false, Code "declined").

    python -m tests.fakes.transfermovil_server --port 8022
"""

import html
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from payments.gateways.transfermovil import wire
from tests.fakes.base import FakeHandler, FakeState, form, serve

USERNAME = "encadena"
PASSWORD = "encadena-transfermovil"
SOURCE = "5001"


class TransfermovilState(FakeState):
    def __init__(self):
        super().__init__()
        self.orders: dict[str, dict] = {}  # ExternalId -> order


def options(api_base: str, **overrides) -> dict:
    """OPTIONS for payments.gateways.transfermovil.TransfermovilGateway against this fake."""
    return {
        "api_base": api_base,
        "username": USERNAME,
        "password": PASSWORD,
        "source": SOURCE,
        "timeout": 3,
        **overrides,
    }


class TransfermovilHandler(FakeHandler):
    state = TransfermovilState()
    routes = [
        ("POST", wire.PAY_ORDER, "pay_order"),
        ("POST", wire.STATUS_ORDER, "status_order"),
        ("POST", wire.CANCEL_ORDER, "cancel_order"),
        ("GET", "/pagar", "payer_page"),
        ("POST", "/pagar", "payer_answer"),
    ]

    def signed(self, result: str) -> bool:
        now = datetime.now(UTC)
        # The day may have just changed in Havana: yesterday's signature is still taken.
        valid = {
            wire.signature(username=USERNAME, password=PASSWORD, at=now - timedelta(days=days))
            for days in (0, 1)
        }
        if self.headers.get("username") != USERNAME or self.headers.get("signature") not in valid:
            self.result(401, result, success=False, code=wire.Fault.BAD_SIGNATURE, message="Firma")
            return False
        return True

    def result(self, status, result, *, success=True, code="", message="Ok", **data):
        self.send_json(
            status, {result: {"Success": success, "Code": code, "Resultmsg": message, **data}}
        )

    def order_of(self, result: str) -> dict | None:
        request = self.json_body().get("request") or {}
        order = self.state.orders.get(str(request.get("ExternalId", "")))
        if order is None or order["Source"] != str(request.get("Source", "")):
            self.result(
                200, result, success=False, code=wire.Fault.UNKNOWN_ORDER, message="No existe"
            )
            return None
        return order

    def pay_order(self, _rest):
        result = "PayOrderResult"
        if not self.signed(result):
            return
        request = self.json_body().get("request") or {}
        try:
            amount = Decimal(str(request["Amount"])).quantize(Decimal("0.01"))
            external_id = str(request["ExternalId"])
            source = str(request["Source"])
        except (KeyError, TypeError, ArithmeticError):
            return self.result(
                400, result, success=False, code=wire.Fault.INVALID_REQUEST, message="Datos"
            )
        if amount % 1 == Decimal("0.01"):
            return self.result(
                200, result, success=False, code=wire.Fault.DECLINED, message="Denegada"
            )
        with self.state.lock:
            order = self.state.orders.setdefault(
                external_id,
                {
                    "ExternalId": external_id,
                    "Source": source,
                    "Amount": float(amount),
                    "Currency": str(request.get("Currency", "CUP")),
                    "Description": str(request.get("Description", "")),
                    "Status": wire.Status.PENDING,
                    "OrderId": len(self.state.orders) + 1,
                },
            )
        self.result(200, result, Status=order["Status"], OrderId=order["OrderId"])

    def status_order(self, _rest):
        result = "GetStatusOrderResult"
        if not self.signed(result):
            return
        order = self.order_of(result)
        if order is not None:
            self.result(
                200,
                result,
                Status=order["Status"],
                Amount=order["Amount"],
                Currency=order["Currency"],
                OrderId=order["OrderId"],
                Code=order["ExternalId"],
            )

    def cancel_order(self, _rest):
        result = "CancelOrderResult"
        if not self.signed(result):
            return
        with self.state.lock:
            order = self.order_of(result)
            if order is None:
                return
            if order["Status"] == wire.Status.PAID:
                return self.result(
                    200, result, success=False, code=wire.Fault.INVALID_STATE, message="Pagada"
                )
            order["Status"] = wire.Status.CANCELLED
        self.result(200, result, Status=order["Status"])

    # --- the payer's side (the app, after scanning) --------------------------------------

    def payer_page(self, rest):
        code = rest or self.query.get("codigo", "").strip().upper()
        order = self.state.orders.get(code)
        if order is None:
            return self.send_page(
                404 if code else 200,
                "Transfermóvil (prueba): pagar una orden",
                "<form method='get' action='/pagar'><label>Código de pago "
                "<input name='codigo'></label> <button>Buscar</button></form>",
            )
        if order["Status"] != wire.Status.PENDING:
            names = {2: "pagada", 3: "fallida", 4: "cancelada"}
            return self.send_page(
                200,
                "Transfermóvil (prueba)",
                f"<p>Esta orden está {names.get(order['Status'], '?')}.</p>",
            )
        self.send_page(
            200,
            "Transfermóvil (prueba): confirmar el pago",
            f"<p>Importe: <strong>{order['Amount']:.2f} {html.escape(order['Currency'])}</strong>"
            f"</p><p>{html.escape(order['Description'])}</p>"
            + form(f"/pagar/{code}", [("pay", "Pagar"), ("reject", "Rechazar")]),
        )

    def payer_answer(self, rest):
        action = self.form_body().get("action", "")
        with self.state.lock:
            order = self.state.orders.get(rest)
            if order is None or order["Status"] != wire.Status.PENDING:
                return self.payer_page(rest)
            order["Status"] = wire.Status.PAID if action == "pay" else wire.Status.FAILED
        self.send_page(
            200,
            "Transfermóvil (prueba)",
            "<p>Pago realizado.</p>" if action == "pay" else "<p>Pago rechazado.</p>",
        )


if __name__ == "__main__":
    serve(TransfermovilHandler, "fake Transfermóvil")
