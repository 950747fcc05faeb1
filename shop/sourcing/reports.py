"""Reported conversations: either side may report a thread to the operators, who read
it in the console (shop/callcenter/conversations.py, each reading audited)."""

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, QuerySet
from django.utils.translation import gettext as _

from shop.sourcing.conversations import THREAD_RELATED
from shop.sourcing.error_codes import SourcingErrorCode
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import Conversation, ConversationReport, Message


def conversation_report(
    *, conversation: Conversation, reporter, reason: str, message: Message | None = None
) -> ConversationReport:
    """Report the conversation (once per person: a second report keeps the first)."""
    reason = reason.strip()
    if not reason:
        raise SourcingRefused(_("Say what is wrong."), code=SourcingErrorCode.MESSAGE)
    try:
        with transaction.atomic():
            return ConversationReport.objects.create(
                conversation=conversation, reporter=reporter, reason=reason[:1000], message=message
            )
    except IntegrityError:
        return ConversationReport.objects.get(conversation=conversation, reporter=reporter)


def reported_conversations() -> QuerySet:
    """Reported threads, most recently reported first, with how many reports each."""
    return (
        Conversation.objects.annotate(
            report_count=Count("reports", distinct=True), reported_at=Max("reports__created_at")
        )
        .filter(report_count__gt=0)
        .select_related(*THREAD_RELATED)
        .order_by("-reported_at", "-pk")
    )
