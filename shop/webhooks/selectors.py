from shop.webhooks.models import WebhookDelivery, WebhookSubscription


def vendor_subscriptions(*, vendor):
    return WebhookSubscription.objects.filter(vendor=vendor)


def vendor_deliveries(*, vendor, limit: int = 50):
    """The store's latest deliveries, newest first: its delivery log."""
    return WebhookDelivery.objects.filter(subscription__vendor=vendor).select_related(
        "event", "subscription"
    )[:limit]
