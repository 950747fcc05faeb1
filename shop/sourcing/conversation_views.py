"""The buyer's side of conversations (mounted at /accounts/mensajes/): the inbox, one
thread, asking a store about a product or itself ("Preguntar a la tienda"), writing to
the store of one of the buyer's orders ("Escribir a la tienda"), and reporting a
thread to the operators."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from shop.core.transactions import AtomicWritesMixin
from shop.sourcing.conversations import (
    buyer_thread,
    buyer_threads,
    conversation_start,
    message_post,
    messages_read,
)
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.forms import MessageForm, ReportForm
from shop.sourcing.models import Conversation
from shop.sourcing.reports import conversation_report
from vendors.models import Vendor, VendorOrder, VendorStatus

Product = get_model("catalogue", "Product")
PAGE_SIZE = 20


class BuyerInboxView(LoginRequiredMixin, View):
    """The buyer's conversations with stores, newest activity first, with what is unread."""

    def get(self, request):
        page = Paginator(buyer_threads(user=request.user), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "sourcing/inbox.html",
            {"page_obj": page, "threads": page.object_list, "active_tab": "messages"},
        )


def _thread_page(request, *, conversation, form, status=200, start=None):
    return render(
        request,
        "sourcing/thread.html",
        {
            "conversation": conversation,
            "start": start,
            "messages_list": (
                messages_read(conversation=conversation, by_store=False) if conversation else []
            ),
            "message_form": form,
            "report_form": ReportForm(),
            "active_tab": "messages",
        },
        status=status,
    )


def message_from_form(request, *, conversation: Conversation, form, from_store: bool) -> bool:
    """Post the valid form's message; False (the refusal on the form) if refused."""
    try:
        message_post(
            conversation=conversation,
            author=request.user,
            from_store=from_store,
            body=form.cleaned_data["body"],
        )
    except SourcingRefused as refused:
        form.add_error("body", refused.message)
        return False
    return True


def report_from_form(request, *, conversation: Conversation) -> None:
    """Record the POSTed report, or say what is wrong with it."""
    form = ReportForm(request.POST)
    if form.is_valid():
        conversation_report(
            conversation=conversation, reporter=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Thank you: the platform's operators will look at it."))
    else:
        messages.error(request, " ".join(form.errors["reason"]))


class BuyerThreadView(LoginRequiredMixin, AtomicWritesMixin, View):
    def conversation(self, pk) -> Conversation:
        found = buyer_thread(user=self.request.user, pk=pk)
        if found is None:
            raise Http404
        return found

    def get(self, request, pk):
        return _thread_page(request, conversation=self.conversation(pk), form=MessageForm())

    def post(self, request, pk):
        conversation = self.conversation(pk)
        form = MessageForm(request.POST)
        if not form.is_valid():
            return _thread_page(request, conversation=conversation, form=form, status=400)
        if not message_from_form(request, conversation=conversation, form=form, from_store=False):
            return _thread_page(request, conversation=conversation, form=form, status=429)
        return redirect("sourcing_account:thread", pk=pk)


class ThreadStartView(LoginRequiredMixin, AtomicWritesMixin, View):
    """The first message to a store; a thread that exists already is simply opened."""

    def subject(self, **kwargs) -> dict:
        raise NotImplementedError

    def existing(self, subject) -> Conversation | None:
        return (
            Conversation.objects.filter(buyer=self.request.user, **subject).order_by("pk").first()
        )

    def get(self, request, **kwargs):
        subject = self.subject(**kwargs)
        found = self.existing(subject)
        if found is not None:
            return redirect("sourcing_account:thread", pk=found.pk)
        return _thread_page(request, conversation=None, form=MessageForm(), start=subject)

    def post(self, request, **kwargs):
        subject = self.subject(**kwargs)
        form = MessageForm(request.POST)
        if not form.is_valid():
            return _thread_page(request, conversation=None, form=form, status=400, start=subject)
        if subject["vendor"].memberships.filter(user=request.user).exists():
            form.add_error("body", _("This is your own store."))
            return _thread_page(request, conversation=None, form=form, status=400, start=subject)
        conversation = conversation_start(
            buyer=request.user,
            vendor=subject["vendor"],
            product=subject.get("product"),
            vendor_order=subject.get("vendor_order"),
        )
        if not message_from_form(request, conversation=conversation, form=form, from_store=False):
            return _thread_page(request, conversation=None, form=form, status=429, start=subject)
        messages.success(request, _("Your message is sent. The store is told by e-mail."))
        return redirect("sourcing_account:thread", pk=conversation.pk)


class AskStoreView(ThreadStartView):
    """ "Preguntar a la tienda": about one of its products (?producto=<id>) or itself."""

    def subject(self, vendor_slug):
        vendor = get_object_or_404(Vendor, slug=vendor_slug, status=VendorStatus.APPROVED)
        product_id = self.request.GET.get("producto", "")
        if not product_id:
            return {"vendor": vendor, "subject": "store"}
        product = Product.objects.filter(
            pk=int(product_id) if product_id.isdigit() else 0,
            is_public=True,
            stockrecords__partner_id=vendor.partner_id,
        ).first()
        if product is None:
            raise Http404
        return {"vendor": vendor, "product": product}


class WriteToOrderStoreView(ThreadStartView):
    """ "Escribir a la tienda" from one of the buyer's orders."""

    def subject(self, number):
        vendor_order = get_object_or_404(
            VendorOrder.objects.select_related("vendor"),
            number=number,
            order__user=self.request.user,
        )
        return {"vendor": vendor_order.vendor, "vendor_order": vendor_order}


class BuyerReportView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request, pk):
        conversation = buyer_thread(user=request.user, pk=pk)
        if conversation is None:
            raise Http404
        report_from_form(request, conversation=conversation)
        return redirect("sourcing_account:thread", pk=pk)
