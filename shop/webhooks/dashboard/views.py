"""Webhook pages: a store's in its dashboard (owner only) and the platform's under the
operators' "Marketplace" menu, one set of views over one owner each (a store, or None
for the platform, whose subscriptions hear every store's events): subscribe an address
to events (its signing secret shown once), the delivery log with "send again", resume a
paused one."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from shop.core.roles import is_operator
from shop.core.transactions import AtomicWritesMixin
from shop.webhooks.forms import SubscriptionForm
from shop.webhooks.models import WebhookDelivery
from shop.webhooks.selectors import vendor_deliveries, vendor_subscriptions
from shop.webhooks.services import (
    subscription_create,
    subscription_resume,
    webhook_delivery_resend,
)
from vendors.dashboard.base import VendorDashboardMixin


class WebhooksOwnerMixin:
    """Whose webhooks a page shows: `owner` is the store, or None for the platform."""

    owner = None

    def page(self, context, status=200):
        raise NotImplementedError

    def back(self):
        raise NotImplementedError


class StoreWebhooksOwnerMixin(VendorDashboardMixin, WebhooksOwnerMixin):
    owner_only = True

    @property
    def owner(self):
        return self.vendor

    def page(self, context, status=200):
        return self.render("webhooks.html", context, status=status)

    def back(self):
        return redirect("vendor_dashboard:webhooks", vendor_slug=self.vendor.slug)


class PlatformWebhooksOwnerMixin(WebhooksOwnerMixin):
    @method_decorator(user_passes_test(is_operator))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def page(self, context, status=200):
        return render(self.request, "webhooks/dashboard/platform.html", context, status=status)

    def back(self):
        return redirect("webhooks_operators:webhooks")


class WebhooksPageBase(View):
    def subscriptions_page(self, form, created=None, status=200):
        return self.page(
            {
                "form": form,
                "created": created,
                "subscriptions": vendor_subscriptions(vendor=self.owner),
                "deliveries": vendor_deliveries(vendor=self.owner),
            },
            status=status,
        )

    def get(self, request, **kwargs):
        return self.subscriptions_page(SubscriptionForm())

    def post(self, request, **kwargs):
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            try:
                created = subscription_create(
                    vendor=self.owner,
                    user=request.user,
                    url=form.cleaned_data["url"],
                    events=form.cleaned_data["events"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return self.subscriptions_page(SubscriptionForm(), created=created, status=201)
        return self.subscriptions_page(form, status=400)


class WebhookResumeBase(View):
    def post(self, request, pk, **kwargs):
        subscription = vendor_subscriptions(vendor=self.owner).filter(pk=pk).first()
        if subscription is None:
            raise Http404
        subscription_resume(subscription=subscription)
        messages.success(request, _("Deliveries to %(url)s start again.") % {"url": subscription})
        return self.back()


class WebhookResendBase(View):
    def post(self, request, pk, **kwargs):
        delivery = WebhookDelivery.objects.filter(subscription__vendor=self.owner, pk=pk).first()
        if delivery is None:
            raise Http404
        webhook_delivery_resend(delivery=delivery)
        messages.success(request, _("The event is being sent again."))
        return self.back()


class StoreWebhooksView(AtomicWritesMixin, StoreWebhooksOwnerMixin, WebhooksPageBase):
    pass


class StoreWebhookResumeView(AtomicWritesMixin, StoreWebhooksOwnerMixin, WebhookResumeBase):
    pass


class StoreWebhookResendView(AtomicWritesMixin, StoreWebhooksOwnerMixin, WebhookResendBase):
    pass


class PlatformWebhooksView(AtomicWritesMixin, PlatformWebhooksOwnerMixin, WebhooksPageBase):
    pass


class PlatformWebhookResumeView(AtomicWritesMixin, PlatformWebhooksOwnerMixin, WebhookResumeBase):
    pass


class PlatformWebhookResendView(AtomicWritesMixin, PlatformWebhooksOwnerMixin, WebhookResendBase):
    pass
