from celery import shared_task

from shop.sourcing.conversations import message_notify
from shop.sourcing.notifications import (
    award_lapsed_notify,
    offers_not_chosen_notify,
    request_stores_notify,
    store_notice_digests_send,
)
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


@shared_task(name="sourcing.message_notify", acks_late=True)
def message_notify_task(message_id: int) -> bool:
    """Dispatched on commit when a message is written; safe to run twice."""
    return message_notify(message_id=message_id)


@shared_task(name="sourcing.store_notice_digests_send", acks_late=True)
def store_notice_digests_send_task() -> int:
    """Daily (beat): each store hears in one e-mail of the requests not told yet."""
    return store_notice_digests_send()


@shared_task(name="sourcing.award_lapsed_notify", acks_late=True)
def award_lapsed_notify_task(offer_id: int) -> bool:
    """Dispatched on commit when an award lapses with its purchase; safe to run twice."""
    return award_lapsed_notify(offer_id=offer_id)
