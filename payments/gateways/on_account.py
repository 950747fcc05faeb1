"""Payment on account ("pago a crédito"): nothing is taken at checkout. A store grants a
company terms (days and a credit limit, shop/companies); each of its parts is due that
many days after delivery and paid by a bank transfer to the account below, which an
operator or the store confirms."""

from django.utils.translation import gettext_lazy

from payments.gateways.bank_transfer import BankTransfer
from payments.interface import (
    Capabilities,
    Capability,
    NextAction,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
)


class OnAccount(PaymentGateway):
    label = gettext_lazy("Payment on account")
    description = gettext_lazy(
        "Nothing to pay now: each store's part is due on the terms it granted your "
        "company, by transfer, after delivery."
    )
    paid_label = gettext_lazy("Paid on account")
    capabilities = Capabilities(
        supported=frozenset({Capability.PAY_ON_ACCOUNT, Capability.REFERENCE}),
        currencies=frozenset({"CUP", "USD"}),
    )
    # Paid to the same kind of account as a bank transfer, named by the same options.
    required_options = BankTransfer.required_options
    transfer_account = BankTransfer.transfer_account

    def start(self, request: PaymentRequest) -> PaymentStart:
        return PaymentStart(
            gateway_reference=f"account-{request.reference}",
            state=PaymentState.PENDING,
            next_action=NextAction.NONE,
            reference=f"ENC-{request.reference}",
        )

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        # Only a confirmed transfer moves it, part by part (shop/companies).
        return PaymentStatus(gateway_reference=gateway_reference, state=PaymentState.PENDING)
