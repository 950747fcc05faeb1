"""Bank transfer: the buyer gets the platform's account and a unique reference, pays
from their bank, and an operator confirms the money arrived. Unconfirmed transfers
expire (reconciliation) and give their stock back."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from payments.interface import (
    Capabilities,
    Capability,
    NextAction,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
    TransferAccount,
)
from shop.core.money import money_format


class BankTransfer(PaymentGateway):
    label = gettext_lazy("Bank transfer")
    description = gettext_lazy(
        "You get our account and a reference; the stores prepare your "
        "order once the transfer arrives."
    )
    paid_label = gettext_lazy("Bank transfer received")
    agent_label = gettext_lazy("Bank transfer (the customer receives the instructions by e-mail)")
    capabilities = Capabilities(
        supported=frozenset({Capability.REFERENCE, Capability.MANUAL_CONFIRMATION}),
        currencies=frozenset({"CUP"}),
    )
    required_options = ("account_holder", "account_number", "bank")

    def start(self, request: PaymentRequest) -> PaymentStart:
        reference = f"ENC-{request.reference}"
        account = self.transfer_account()
        instructions = _(
            "Transfer %(amount)s to %(holder)s, account %(account)s at %(bank)s, writing the "
            "reference %(reference)s in the transfer's concept."
        ) % {
            "amount": money_format(request.amount.amount, request.amount.currency),
            "holder": account.holder,
            "account": account.number,
            "bank": account.bank,
            "reference": reference,
        }
        return PaymentStart(
            gateway_reference=reference,
            state=PaymentState.PENDING,
            next_action=NextAction.INSTRUCTIONS,
            instructions=instructions,
            reference=reference,
        )

    def transfer_account(self) -> TransferAccount:
        return TransferAccount(
            holder=self.options["account_holder"],
            number=self.options["account_number"],
            bank=self.options["bank"],
        )

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        # Only an operator's confirmation moves a transfer; the bank is not polled.
        return PaymentStatus(gateway_reference=gateway_reference, state=PaymentState.PENDING)
