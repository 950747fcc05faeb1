from celery import shared_task

from shop.sourcing.conversations import offer_message_notify
from shop.sourcing.notifications import offers_not_chosen_notify, request_stores_notify
from shop.sourcing.services import requests_expire


@shared_task(name="sourcing.request_stores_notify", acks_late=True)
def request_stores_notify_task(request_id: int) -> int:
    """Dispatched on commit when a request is posted; safe to run twice."""
    return request_stores_notify(request_id=request_id)


@shared_task(name="sourcing.offers_not_chosen_notify", acks_late=True)
def offers_not_chosen_notify_task(request_id: int) -> int:
    """Dispatched on commit when a request closes with offers waiting; safe to run twice."""
    return offers_not_chosen_notify(request_id=request_id)


@shared_task(name="sourcing.requests_expire")
def requests_expire_task() -> int:
    """Hourly (beat): open requests past their needed-by date close as expired."""
    return requests_expire()


@shared_task(name="sourcing.offer_message_notify", acks_late=True)
def offer_message_notify_task(message_id: int) -> bool:
    """Dispatched on commit when a message is written; safe to run twice."""
    return offer_message_notify(message_id=message_id)
