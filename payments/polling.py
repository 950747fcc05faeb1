"""Gateways that cannot call us back (POLLING without WEBHOOKS, such as Transfermóvil)
are asked about a started payment with growing pauses, while the buyer pays in the app:
soon at first, then less often. After the last pause the reconciliation's poll (every
15 minutes) takes over until the payment's deadline."""

from django.db import transaction
from django.utils import timezone

from payments.exceptions import GatewayUnavailable, UnknownGateway
from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.registry import gateway_get
from payments.services import payment_sync

# Seconds before each poll: the first answers a buyer who pays at once.
POLL_DELAYS = (10, 20, 40, 80, 160, 320, 640)


def payment_needs_polling(gateway_name: str) -> bool:
    try:
        supported = gateway_get(gateway_name).capabilities.supported
    except UnknownGateway:
        return False
    return Capability.POLLING in supported and Capability.WEBHOOKS not in supported


def payment_poll_schedule(*, payment_id: int, attempt: int = 0) -> bool:
    """Queue poll number `attempt` (after its pause) once the caller's transaction
    commits; False when the pauses are used up."""
    from payments.tasks import payment_poll

    if attempt >= len(POLL_DELAYS):
        return False
    transaction.on_commit(
        lambda: payment_poll.apply_async((payment_id, attempt), countdown=POLL_DELAYS[attempt])
    )
    return True


def payment_poll_now(*, payment_id: int, attempt: int, schedule_next: bool = True) -> str:
    """Ask the gateway once; while the payment still waits (or the gateway did not
    answer), queue the next poll. Returns the payment's state."""
    payment = Payment.objects.get(pk=payment_id)
    if payment.state != PaymentState.PENDING or not payment.gateway_reference:
        return payment.state
    try:
        payment_sync(payment_id=payment.pk)
    except GatewayUnavailable:
        pass  # asked again after the next pause
    payment.refresh_from_db()
    waiting = payment.state == PaymentState.PENDING and (
        payment.deadline is None or payment.deadline > timezone.now()
    )
    if waiting and schedule_next:
        payment_poll_schedule(payment_id=payment.pk, attempt=attempt + 1)
    return payment.state
