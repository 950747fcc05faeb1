from celery import shared_task

from shop.community.notifications import board_digests_send, store_mentions_notify


@shared_task(name="community.store_mentions_notify", acks_late=True)
def store_mentions_notify_task(post_id: int) -> int:
    """Dispatched on commit when a post or reply names a store; safe to run twice."""
    return store_mentions_notify(post_id=post_id)


@shared_task(name="community.board_digests_send", acks_late=True)
def board_digests_send_task() -> int:
    """Weekly (beat): each member hears of last week's posts in what it follows, once."""
    return board_digests_send()
