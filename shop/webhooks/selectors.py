from shop.webhooks.models import WebhookDelivery, WebhookSubscription


def vendor_subscriptions(*, vendor):
    """A store's subscriptions; the platform's for `vendor` None."""
    return WebhookSubscription.objects.filter(vendor=vendor)


def vendor_deliveries(*, vendor, limit: int = 50):
    """The store's latest deliveries (the platform's for `vendor` None, of every
    store's events), newest first: its delivery log."""
    return WebhookDelivery.objects.filter(subscription__vendor=vendor).select_related(
        "event__vendor", "subscription"
    )[:limit]
