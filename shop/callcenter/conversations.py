"""Operators and call-center agents read conversations between buyers and stores: a
reported thread, or any other when they give a reason (a dispute, a complaint by
phone). Every reading is an entry in the audit log; reading marks nothing as read for
the buyer or the store."""

from django.utils.translation import gettext as _

from shop.callcenter.error_codes import CallcenterErrorCode
from shop.callcenter.exceptions import ConsoleRefused
from shop.callcenter.models import AuditAction
from shop.callcenter.services import audit_record
from shop.sourcing.models import Conversation, Message


def conversation_read(*, conversation: Conversation, reader, reason: str = "") -> list[Message]:
    """The thread's messages for `reader`, the reading written to the audit log. A thread
    nobody reported is read only with a reason."""
    reports = list(conversation.reports.order_by("created_at"))
    reason = reason.strip()
    if not reports and not reason:
        raise ConsoleRefused(
            _("Nobody reported this conversation: say why you need to read it."),
            code=CallcenterErrorCode.REASON_REQUIRED,
        )
    audit_record(
        agent=reader,
        action=AuditAction.CONVERSATION_READ,
        obj=conversation,
        customer=conversation.buyer,
        reason=reason or _("Reported: %(reason)s") % {"reason": reports[0].reason},
        after={"store": conversation.vendor.trade_name, "reports": len(reports)},
    )
    return list(conversation.messages.select_related("author"))
