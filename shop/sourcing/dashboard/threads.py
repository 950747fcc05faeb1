"""The store's side of a conversation (mounted in vendors/dashboard/urls.py): one thread
of its own inbox, its answer, and its report to the operators. Never another store's
threads; an operator who is not a member reads threads on the audited page instead."""

from django.http import Http404
from django.shortcuts import redirect
from django.views import View

from shop.core.transactions import AtomicWritesMixin
from shop.sourcing.conversation_views import message_from_form, report_from_form
from shop.sourcing.conversations import messages_read, store_thread
from shop.sourcing.forms import MessageForm, ReportForm
from vendors.dashboard.base import VendorDashboardMixin


class StoreThreadMixin(VendorDashboardMixin):
    def conversation(self, pk):
        if self.membership is None:
            raise Http404  # operators read on the audited page
        found = store_thread(vendor=self.vendor, pk=pk)
        if found is None:
            raise Http404
        return found


class VendorThreadView(AtomicWritesMixin, StoreThreadMixin, View):
    def page(self, conversation, form, status=200):
        return self.render(
            "thread.html",
            {
                "conversation": conversation,
                "messages_list": messages_read(conversation=conversation, by_store=True),
                "message_form": form,
                "report_form": ReportForm(),
            },
            status=status,
        )

    def get(self, request, vendor_slug, pk):
        return self.page(self.conversation(pk), MessageForm())

    def post(self, request, vendor_slug, pk):
        conversation = self.conversation(pk)
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.page(conversation, form, status=400)
        if not message_from_form(request, conversation=conversation, form=form, from_store=True):
            return self.page(conversation, form, status=429)
        return redirect("vendor_dashboard:thread", vendor_slug=vendor_slug, pk=pk)


class VendorReportView(AtomicWritesMixin, StoreThreadMixin, View):
    def post(self, request, vendor_slug, pk):
        conversation = self.conversation(pk)
        report_from_form(request, conversation=conversation)
        return redirect("vendor_dashboard:thread", vendor_slug=vendor_slug, pk=pk)
