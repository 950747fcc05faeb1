"""The console keeps how every purchase arrived (the web, or which agent took it by
phone), told by the placement path inside the purchase's transaction."""

from django.dispatch import receiver

from shop.apps.checkout.placement import purchase_placed
from shop.callcenter.models import Channel
from shop.callcenter.services import purchase_origin_record


@receiver(purchase_placed, dispatch_uid="callcenter.purchase_origin")
def purchase_origin_keep(sender, *, order, channel: str, agent, **kwargs) -> None:
    purchase_origin_record(order=order, channel=channel or Channel.WEB, agent=agent)
