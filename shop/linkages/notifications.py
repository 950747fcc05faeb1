"""The e-mails of the linkages: the other side of a declared deal is asked to confirm
it, and an actor invited into an initiative hears of it. Both go to the store's address
and its owners, from the store's deals or initiatives page."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from shop.core.links import absolute_url
from shop.linkages.models import Deal, Initiative
from shop.mail.services import templated_email_send
from vendors.actors.selectors import vendor_mail_recipients
from vendors.models import Vendor


def _actor_email(*, vendor: Vendor, template: str, url_name: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        templated_email_send(
            template=f"linkages/emails/{template}",
            context={
                "vendor": vendor,
                "site_name": settings.OSCAR_SHOP_NAME,
                "page_url": absolute_url(reverse(url_name, kwargs={"vendor_slug": vendor.slug})),
                **context,
            },
            recipients=vendor_mail_recipients(vendor=vendor),
            html=False,
        )


def deal_declared_notify(*, deal: Deal) -> None:
    """The side that did not declare the deal is asked to confirm it."""
    other = deal.buyer_vendor if deal.declared_by_id == deal.seller_id else deal.seller
    _actor_email(
        vendor=other,
        template="deal_declared",
        url_name="linkages_dashboard:deals",
        context={"deal": deal, "declarer": deal.declared_by},
    )


def initiative_invited_notify(*, initiative: Initiative, member: Vendor) -> None:
    _actor_email(
        vendor=member,
        template="initiative_invited",
        url_name="linkages_dashboard:initiatives",
        context={"initiative": initiative},
    )
