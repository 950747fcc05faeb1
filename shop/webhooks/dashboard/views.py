"""A store's webhooks in its dashboard (owner only): subscribe an address to events (its
signing secret shown once), the delivery log with "send again", resume a paused one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

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


class StoreWebhooksView(AtomicWritesMixin, VendorDashboardMixin, View):
    owner_only = True

    def page(self, form, created=None, status=200):
        return self.render(
            "webhooks.html",
            {
                "form": form,
                "created": created,
                "subscriptions": vendor_subscriptions(vendor=self.vendor),
                "deliveries": vendor_deliveries(vendor=self.vendor),
            },
            status=status,
        )

    def get(self, request, vendor_slug):
        return self.page(SubscriptionForm())

    def post(self, request, vendor_slug):
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            try:
                created = subscription_create(
                    vendor=self.vendor,
                    user=request.user,
                    url=form.cleaned_data["url"],
                    events=form.cleaned_data["events"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return self.page(SubscriptionForm(), created=created, status=201)
        return self.page(form, status=400)


class StoreWebhookResumeView(AtomicWritesMixin, VendorDashboardMixin, View):
    owner_only = True

    def post(self, request, vendor_slug, pk):
        subscription = vendor_subscriptions(vendor=self.vendor).filter(pk=pk).first()
        if subscription is None:
            raise Http404
        subscription_resume(subscription=subscription)
        messages.success(request, _("Deliveries to %(url)s start again.") % {"url": subscription})
        return redirect("vendor_dashboard:webhooks", vendor_slug=self.vendor.slug)


class StoreWebhookResendView(AtomicWritesMixin, VendorDashboardMixin, View):
    owner_only = True

    def post(self, request, vendor_slug, pk):
        delivery = WebhookDelivery.objects.filter(subscription__vendor=self.vendor, pk=pk).first()
        if delivery is None:
            raise Http404
        webhook_delivery_resend(delivery=delivery)
        messages.success(request, _("The event is being sent again."))
        return redirect("vendor_dashboard:webhooks", vendor_slug=self.vendor.slug)
