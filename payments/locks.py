"""The payment's row lock. A payment comes first in the platform's one lock order
(vendors/orders/locks.py): whoever locks a payment locks it before anything else."""

from payments.models import Payment


def payment_lock(*, payment_id: int, **filters) -> Payment:
    return Payment.objects.select_for_update().get(pk=payment_id, **filters)


def payment_of_order_lock(*, order_id: int) -> Payment | None:
    """The purchase's payment, locked (None for a purchase without one)."""
    return Payment.objects.select_for_update().filter(order_id=order_id).first()
