"""What a payment's outcome does to a purchase is not the payments app's business: it
moves money and reports outcomes to the handler named by `PAYMENT_OUTCOME_HANDLER`
(a dotted path to a `PaymentOutcomeHandler` subclass, checked at start-up as
payments.E004). The marketplace's handler is `vendors.orders.outcomes.PurchaseOutcomes`."""

from functools import cache

from django.conf import settings
from django.db.models import QuerySet
from django.utils.module_loading import import_string

from payments.models import Payment


class PaymentOutcomeHandler:
    """Told, inside the transaction that recorded the outcome and with the payment
    locked, what happened to a purchase's money. Both methods are called once per
    outcome and must be safe to call again."""

    def payment_secured(self, *, payment: Payment) -> None:
        """The buyer's money is taken or authorized: the purchase can go ahead."""
        raise NotImplementedError

    def payment_closed(self, *, payment: Payment, reason: str, actor=None) -> None:
        """The payment will take no money (refused, expired, cancelled): what waited
        for it is closed. `actor` is the person who closed it, if one did."""
        raise NotImplementedError

    def payments_awaited(self, payments: QuerySet) -> QuerySet:
        """Of `payments`, those whose purchase still waits for its money (reconciliation
        hands these on when the news of the money was missed)."""
        raise NotImplementedError


@cache
def outcome_handler_load(path: str) -> PaymentOutcomeHandler:
    handler = import_string(path)
    if not (isinstance(handler, type) and issubclass(handler, PaymentOutcomeHandler)):
        raise TypeError(f"{path} is not a PaymentOutcomeHandler")
    return handler()


def outcome_handler() -> PaymentOutcomeHandler:
    return outcome_handler_load(settings.PAYMENT_OUTCOME_HANDLER)
