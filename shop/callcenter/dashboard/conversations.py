"""The console's pages of conversations between buyers and stores: the reported ones,
and reading one (shop/callcenter/conversations.py audits each reading)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from shop.callcenter.conversations import conversation_read
from shop.callcenter.dashboard.views import ConsoleView
from shop.callcenter.exceptions import ConsoleRefused
from shop.core.transactions import AtomicWritesMixin
from shop.sourcing.conversations import THREAD_RELATED
from shop.sourcing.forms import StaffReadingForm
from shop.sourcing.models import Conversation
from shop.sourcing.reports import reported_conversations

PAGE_SIZE = 50


class ReportedConversationListView(ConsoleView):
    def get(self, request):
        page = Paginator(reported_conversations(), PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "callcenter/conversation_list.html",
            {"page_obj": page, "threads": page.object_list},
        )


class ConversationReadView(AtomicWritesMixin, ConsoleView):
    """GET reads a reported thread; any other is read by POSTing a reason."""

    def conversation(self, pk) -> Conversation:
        found = Conversation.objects.select_related(*THREAD_RELATED).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    def page(self, conversation, *, form, messages_list=None, status=200):
        return render(
            self.request,
            "callcenter/conversation_read.html",
            {
                "conversation": conversation,
                "reports": conversation.reports.select_related("reporter"),
                "messages_list": messages_list,
                "form": form,
            },
            status=status,
        )

    def get(self, request, pk):
        conversation = self.conversation(pk)
        if not conversation.reports.exists():
            return self.page(conversation, form=StaffReadingForm())
        read = conversation_read(conversation=conversation, reader=request.user)
        return self.page(conversation, form=None, messages_list=read)

    def post(self, request, pk):
        conversation = self.conversation(pk)
        form = StaffReadingForm(request.POST)
        if not form.is_valid():
            return self.page(conversation, form=form, status=400)
        try:
            read = conversation_read(
                conversation=conversation, reader=request.user, reason=form.cleaned_data["reason"]
            )
        except ConsoleRefused as refused:
            messages.error(request, refused.message)
            return redirect("callcenter:conversation", pk=pk)
        return self.page(conversation, form=None, messages_list=read)
