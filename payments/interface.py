"""The one payment interface every gateway adapter implements.

What a gateway can do is data (`Capabilities`), so checkout and the ledger ask
instead of guessing; what it does is a handful of methods taking and returning
frozen dataclasses. Adapters never raise their SDK's exceptions: every failure is
one of three kinds (`PaymentDeclined`, `PaymentActionRequired`,
`GatewayUnavailable`, with `GatewayMisconfigured` the kind of unavailability that only
an operator can end), which checkout maps onto Oscar's payment exceptions.
"""

import enum
from dataclasses import dataclass, field, replace
from decimal import Decimal


class Capability(enum.StrEnum):
    AUTHORIZE = "authorize"
    CAPTURE = "capture"
    PARTIAL_CAPTURE = "partial_capture"
    VOID = "void"
    REFUND = "refund"
    PARTIAL_REFUND = "partial_refund"
    REDIRECT = "redirect"
    CLIENT_SDK = "client_sdk"
    REFERENCE = "reference"  # instructions and a reference (or QR) the buyer pays with
    WEBHOOKS = "webhooks"
    POLLING = "polling"
    IDEMPOTENCY_KEYS = "idempotency_keys"
    SPLIT_PAYOUTS = "split_payouts"
    # Nothing is taken online: each vendor part is paid (in cash) when it is delivered or
    # collected, so the parts go to their stores at once.
    PAY_ON_DELIVERY = "pay_on_delivery"
    # The buyer pays outside the site (a bank transfer) and an operator confirms the money
    # arrived; until then the parts wait.
    MANUAL_CONFIRMATION = "manual_confirmation"
    # The buyer pays on the gateway's own page or app: a payment link, the same link as a
    # QR code to scan, and a short code someone else can pay with (`payment_link()`).
    PAYMENT_LINK = "payment_link"
    # A store may receive the money into its own business account at the gateway (its
    # merchant id on the payment request) instead of the platform's.
    MERCHANT_ACCOUNTS = "merchant_accounts"
    # Nothing is taken at checkout: each part is owed on the terms its store granted the
    # buyer's company (due some days after delivery) and paid by a transfer the operator
    # or the store confirms; the parts go to their stores at once.
    PAY_ON_ACCOUNT = "pay_on_account"


class NextAction(enum.StrEnum):
    NONE = "none"  # nothing for the buyer to do now (taken, or paid later in person)
    CLIENT_SDK = "client_sdk"  # confirm in the browser with `client_secret`
    REDIRECT = "redirect"  # send the buyer to `redirect_url`
    INSTRUCTIONS = "instructions"  # show `instructions` and `reference`


class PaymentState(enum.StrEnum):
    PENDING = "pending"
    ACTION_REQUIRED = "action_required"
    AUTHORIZED = "authorized"
    CAPTURED = "captured"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    CANCELLED = "cancelled"
    FAILED = "failed"


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self):
        if not isinstance(self.amount, Decimal):
            raise TypeError("money amounts are Decimal")
        if self.amount < 0:
            raise ValueError("money amounts are not negative")

    @property
    def minor_units(self) -> int:
        return int((self.amount * 100).to_integral_value())


@dataclass(frozen=True)
class Capabilities:
    supported: frozenset[Capability]
    currencies: frozenset[str]
    test_only: bool = False

    def __contains__(self, capability: Capability) -> bool:
        return capability in self.supported


@dataclass(frozen=True)
class TransferAccount:
    """Where a buyer sends a transfer (gateways with MANUAL_CONFIRMATION)."""

    holder: str
    number: str
    bank: str


@dataclass(frozen=True)
class PaymentLink:
    """How a PAYMENT_LINK payment is paid: `url` opens the gateway's page (on a phone,
    its app), `qr_text` is what the QR code holds (the link itself, or the gateway's own
    QR payload) and `code` is what another person types in their app to pay it."""

    url: str
    qr_text: str
    code: str


@dataclass(frozen=True)
class PaymentRequest:
    reference: str  # our payment's reference, stable across retries
    amount: Money
    idempotency_key: str
    description: str = ""
    buyer_email: str = ""
    return_url: str = ""
    metadata: tuple[tuple[str, str], ...] = ()
    # The store's own business account at the gateway (MERCHANT_ACCOUNTS); empty: the
    # platform's.
    merchant_id: str = ""


@dataclass(frozen=True)
class PaymentStart:
    gateway_reference: str
    state: PaymentState
    next_action: NextAction
    client_secret: str = ""
    redirect_url: str = ""
    instructions: str = ""
    reference: str = ""


@dataclass(frozen=True)
class PaymentStatus:
    gateway_reference: str
    state: PaymentState
    amount_captured: Money | None = None
    amount_refunded: Money | None = None


@dataclass(frozen=True)
class ClientSources:
    """The origins (scheme://host[:port]) a CLIENT_SDK gateway's own code needs on our
    card page: where its script comes from, the frames it opens and the addresses it
    calls. Only the card page's Content-Security-Policy allows them."""

    scripts: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    connections: tuple[str, ...] = ()


@dataclass(frozen=True)
class WebhookEvent:
    event_id: str  # the gateway's own id: the inbox is unique on it
    event_type: str
    gateway_reference: str
    payload: dict = field(default_factory=dict, hash=False, compare=False)


class PaymentGateway:
    """Base class of every adapter. Subclasses set `capabilities` and implement the
    methods their capabilities promise; the rest refuse. `options` are the
    `OPTIONS` of the gateway's entry in `settings.PAYMENT_GATEWAYS`.

    What the buyer reads is the gateway's too, translatable: `label` names the method
    (at checkout, in e-mails, on the invoice, which keeps it as it was at issue),
    `description` says in a sentence what choosing it means, and `paid_label` what the
    buyer reads once the money is taken. `agent_label` is what an agent taking an order
    for the customer (by phone) reads: the method and how the customer gets to pay it;
    the `label` when empty."""

    capabilities = Capabilities(supported=frozenset(), currencies=frozenset())
    required_options: tuple[str, ...] = ()
    label = ""
    description = ""
    paid_label = ""
    agent_label = ""

    def __init__(self, *, name: str, options: dict):
        self.name = name
        self.options = dict(options)
        # The "currencies" option ("USD", "USD CUP" or a list) narrows or widens the class's.
        currencies = self.options.get("currencies")
        if currencies:
            if isinstance(currencies, str):
                currencies = currencies.replace(",", " ").split()
            self.capabilities = replace(
                self.capabilities, currencies=frozenset(code.upper() for code in currencies)
            )

    def start(self, request: PaymentRequest) -> PaymentStart:
        raise NotImplementedError

    def client_sources(self) -> ClientSources:
        """What the buyer's browser must be allowed to load for CLIENT_SDK."""
        raise self._unsupported(Capability.CLIENT_SDK)

    def complete(self, *, gateway_reference: str, params: dict) -> PaymentStatus:
        raise self._unsupported("complete")

    def capture(
        self, *, gateway_reference: str, amount: Money, idempotency_key: str
    ) -> PaymentStatus:
        raise self._unsupported(Capability.CAPTURE)

    def cancel(self, *, gateway_reference: str, idempotency_key: str) -> PaymentStatus:
        raise self._unsupported(Capability.VOID)

    def refund(
        self, *, gateway_reference: str, amount: Money, idempotency_key: str
    ) -> PaymentStatus:
        raise self._unsupported(Capability.REFUND)

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        raise NotImplementedError

    def webhook_parse(self, *, body: bytes, headers: dict) -> WebhookEvent:
        raise self._unsupported(Capability.WEBHOOKS)

    def payment_link(self, *, gateway_reference: str) -> PaymentLink:
        """The link, QR text and code a buyer pays with (PAYMENT_LINK gateways)."""
        raise self._unsupported(Capability.PAYMENT_LINK)

    def transfer_account(self) -> TransferAccount:
        """The account a buyer transfers to (MANUAL_CONFIRMATION gateways)."""
        raise self._unsupported(Capability.MANUAL_CONFIRMATION)

    def _unsupported(self, what) -> NotImplementedError:
        return NotImplementedError(f"the {self.name} gateway does not support {what}")
