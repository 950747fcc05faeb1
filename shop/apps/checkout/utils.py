import hashlib
import json

from oscar.apps.checkout import utils
from oscar.apps.checkout.utils import *  # noqa: F403  (Oscar's fork pattern)

from payments.interface import Capability
from payments.selectors import gateway_can


class CheckoutSessionData(utils.CheckoutSessionData):
    """Oscar's checkout session, plus the delivery chosen per vendor part, the payment
    method and the company the buyer buys as."""

    def set_delivery_choices(self, choices: dict[str, str]) -> None:
        self._set("shipping", "delivery_choices", choices)

    def delivery_choices(self) -> dict[str, str]:
        return self._get("shipping", "delivery_choices") or {}

    def pay_with(self, method: str) -> None:
        self._set("payment", "method", method)

    def payment_method(self) -> str | None:
        return self._get("payment", "method")

    def bill_to(self, *, company_name: str, company_nit: str) -> None:
        self._set(
            "payment",
            "company",
            {"name": company_name, "nit": company_nit} if company_name else None,
        )

    def billing_company(self) -> dict | None:
        """{"name", "nit"} when the buyer buys as a company, else None."""
        return self._get("payment", "company")

    def pay_parts_on_account(self, on_account: bool) -> None:
        """The parts of the stores that grant the company terms go on account, the rest
        paid with the payment method."""
        self._set("payment", "parts_on_account", on_account)

    def parts_on_account(self) -> bool:
        return bool(self._get("payment", "parts_on_account"))

    def buy_as(self, company_id: int | None) -> None:
        """The company account (shop/companies) the purchase is made for, or None."""
        self._set("payment", "company_id", company_id)

    def company_id(self) -> int | None:
        return self._get("payment", "company_id")

    def buy_as_company(self, company) -> None:
        """Buy as `company` (None: as oneself) from now on, whichever page asks (the
        basket's "Buy as"): its price lists price the basket, its legal name and NIT go
        on the invoices. A payment on account chosen for another company is chosen again."""
        company_id = company.pk if company is not None else None
        previous = self.company_id()
        if company_id == previous:
            return
        method = self.payment_method()
        if method and gateway_can(method, Capability.PAY_ON_ACCOUNT):
            self.pay_with(None)
        self.pay_parts_on_account(False)
        self.buy_as(company_id)
        if company is not None:
            self.bill_to(company_name=company.legal_name, company_nit=company.nit)
        elif previous is not None:
            self.bill_to(company_name="", company_nit="")


def purchase_fingerprint(*, basket, plan, total, on_account=()) -> str:
    """What the buyer reviewed: lines, quantities, prices, delivery, total and the stores
    whose parts go on account. Placing the order compares it with the review, so a change
    in between (another tab, a new price, terms withdrawn) sends the buyer back to review
    instead of charging something unseen."""
    content = {
        "lines": sorted(
            (line.stockrecord_id, line.quantity, str(line.unit_price_incl_tax))
            for line in basket.all_lines()
        ),
        "delivery": sorted(plan.choices.items()) if plan else [],
        "delivery_charge": str(plan.charge) if plan else "0",
        "total": str(total.incl_tax),
        "parts_on_terms": sorted(on_account),
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
