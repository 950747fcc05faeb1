"""The audit log as people read it: each entry as one sentence in the reader's language
("Ana Agente cancelled part 100042-2: the customer no longer wants it."), and what it
changed, field by field. Built from what the entry recorded, so entries written long
ago read the same way."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from payments.selectors import payment_method_label
from shop.callcenter.models import AuditAction, AuditEntry, Channel
from shop.core.money import money_format
from vendors.models import VendorOrderStatus

A = AuditAction
MONEY_FIELDS = {"delivery_charge", "refunded", "total"}
# What a changed field is called; fields not named here are not listed.
FIELD_LABELS = {
    "status": gettext_lazy("Status"),
    "delivery": gettext_lazy("Delivery"),
    "delivery_charge": gettext_lazy("Delivery charge"),
    "refunded": gettext_lazy("Refunded"),
    "first_name": gettext_lazy("First name"),
    "last_name": gettext_lazy("Last name"),
    "line1": gettext_lazy("Street and number"),
    "line2": gettext_lazy("Between streets, building, apartment"),
    "line4": gettext_lazy("Municipality"),
    "state": gettext_lazy("Province"),
    "phone_number": gettext_lazy("Phone"),
    "notes": gettext_lazy("Directions for the delivery"),
    "line_status": gettext_lazy("Line"),
}


@dataclass(frozen=True)
class AuditChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditLine:
    entry: AuditEntry
    sentence: str
    changes: list[AuditChange]


def audit_lines(entries) -> list[AuditLine]:
    return [
        AuditLine(entry=entry, sentence=audit_sentence(entry), changes=audit_changes(entry))
        for entry in entries
    ]


def audit_sentence(entry: AuditEntry) -> str:
    """What the agent did, whom for and why, as one sentence."""
    after, before = entry.after or {}, entry.before or {}
    words = {
        "agent": _person(entry.agent),
        "customer": _person(entry.customer),
        "number": after.get("number") or before.get("number") or entry.object_repr.lstrip("#"),
    }
    refunded = _money(entry, after.get("refunded"))
    action = entry.action
    if action == A.CUSTOMER_CREATED:
        text = _("%(agent)s created the customer %(name)s (%(phone)s)") % {
            **words,
            "name": after.get("name") or after.get("email") or words["customer"],
            "phone": after.get("phone", ""),
        }
    elif action == A.NOTE_ADDED:
        text = (
            _("%(agent)s left a note on purchase %(order)s: %(text)s")
            if after.get("order")
            else _("%(agent)s left a note about %(customer)s: %(text)s")
        ) % {**words, "order": after.get("order", ""), "text": after.get("text", "")}
    elif action == A.ORDER_PLACED:
        text = _(
            "%(agent)s placed purchase %(number)s for %(customer)s (%(channel)s): "
            "%(total)s, %(method)s"
        ) % {
            **words,
            "channel": _channel(after.get("channel")),
            "total": _money(entry, after.get("total")),
            "method": payment_method_label(after.get("gateway", "")),
        }
    elif action == A.ADDRESS_CHANGED:
        text = _("%(agent)s changed the delivery address of purchase %(number)s to %(address)s") % {
            **words,
            "address": _address(after),
        }
    elif action == A.DELIVERY_CHANGED:
        text = _(
            "%(agent)s changed the delivery of part %(number)s from “%(before)s” to “%(after)s”"
        ) % {
            **words,
            "before": before.get("delivery") or "—",
            "after": after.get("delivery") or "—",
        }
    elif action == A.PART_CANCELLED:
        text = (
            _("%(agent)s cancelled part %(number)s and refunded %(amount)s")
            if _positive(after.get("refunded"))
            else _("%(agent)s cancelled part %(number)s")
        ) % {**words, "amount": refunded}
    elif action == A.LINE_CANCELLED:
        text = (
            _(
                "%(agent)s removed %(quantity)s × %(title)s from part %(number)s and "
                "refunded %(amount)s"
            )
            if _positive(after.get("refunded"))
            else _("%(agent)s removed %(quantity)s × %(title)s from part %(number)s")
        ) % {
            **words,
            "quantity": before.get("quantity", ""),
            "title": after.get("line") or before.get("line", ""),
            "amount": refunded,
        }
    elif action == A.REFUNDED:
        text = _("%(agent)s refunded %(amount)s of part %(number)s") % {**words, "amount": refunded}
    elif action == A.CONFIRMATION_RESENT:
        text = _("%(agent)s sent the confirmation of purchase %(number)s again to %(email)s") % {
            **words,
            "email": after.get("to", ""),
        }
    elif action == A.INVOICE_RESENT:
        text = _("%(agent)s sent invoice %(invoice)s again to %(email)s") % {
            **words,
            "invoice": after.get("invoice") or entry.object_repr,
            "email": after.get("to", ""),
        }
    elif action == A.PAYMENT_LINK_SENT:
        to = " · ".join(value for value in (after.get("to"), after.get("phone")) if value)
        text = _("%(agent)s sent the payment request of purchase %(number)s to %(to)s") % {
            **words,
            "to": to or "—",
        }
    elif action == A.CONVERSATION_READ:
        text = _("%(agent)s read the conversation between %(customer)s and %(store)s") % {
            **words,
            "store": after.get("store", ""),
        }
    else:
        text = f"{words['agent']}: {entry.get_action_display()} {entry.object_repr}"
    if entry.reason:
        text = f"{text}: {entry.reason}"
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def audit_changes(entry: AuditEntry) -> list[AuditChange]:
    """The named fields whose value the action changed, before and after, as read."""
    before, after = entry.before or {}, entry.after or {}
    return [
        AuditChange(
            label=str(label),
            before=_value(entry, name, before.get(name)),
            after=_value(entry, name, after.get(name)),
        )
        for name, label in FIELD_LABELS.items()
        if name in before and name in after and before[name] != after[name]
    ]


def _person(user) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.email or user.get_username()


def _money(entry: AuditEntry, amount) -> str:
    if amount in (None, ""):
        return "—"
    currency = (entry.after or {}).get("currency") or settings.OSCAR_DEFAULT_CURRENCY
    return money_format(amount, currency)


def _positive(amount) -> bool:
    try:
        return Decimal(str(amount or 0)) > 0
    except InvalidOperation:
        return False


def _channel(value) -> str:
    return str(Channel(value).label) if value in Channel.values else str(value or "—")


def _address(state: dict) -> str:
    parts = (state.get(name) for name in ("line1", "line2", "line4", "state"))
    return ", ".join(part for part in parts if part) or "—"


def _value(entry: AuditEntry, name: str, value) -> str:
    if value in (None, ""):
        return "—"
    if name in MONEY_FIELDS:
        return _money(entry, value)
    if name in ("status", "line_status") and value in VendorOrderStatus.values:
        return str(VendorOrderStatus(value).label)
    return str(value)
