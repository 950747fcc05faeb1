"""Everything the platform holds about a person, as a ZIP of JSON and CSV files:
account, addresses, purchases (with their parts and lines), requests and messages,
reviews, notices and preferences."""

import csv
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from oscar.core.loading import get_model

from shop.customers.models import CustomerPreferences
from shop.sourcing.models import Message, SourcingRequest

UserAddress = get_model("address", "UserAddress")
Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")
Notification = get_model("communication", "Notification")

ADDRESS_FIELDS = [
    "first_name",
    "last_name",
    "line1",
    "line2",
    "line3",
    "line4",
    "state",
    "postcode",
    "phone_number",
    "notes",
]


def _account(user) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _addresses(user) -> list[dict]:
    return [
        {name: str(getattr(address, name, "") or "") for name in ADDRESS_FIELDS}
        for address in UserAddress.objects.filter(user=user).order_by("pk")
    ]


def _purchases(user) -> list[dict]:
    orders = (
        Order.objects.filter(user=user)
        .select_related("shipping_address")
        .prefetch_related("lines", "vendor_orders__vendor")
        .order_by("pk")
    )
    return [
        {
            "number": order.number,
            "date_placed": order.date_placed,
            "status": order.status,
            "currency": order.currency,
            "total": order.total_incl_tax,
            "shipping_address": {
                name: str(getattr(order.shipping_address, name, "") or "")
                for name in ADDRESS_FIELDS
            }
            if order.shipping_address
            else None,
            "parts": [
                {"number": part.number, "store": part.vendor.trade_name, "status": part.status}
                for part in order.vendor_orders.all()
            ],
            "lines": [
                {"title": line.title, "quantity": line.quantity, "total": line.line_price_incl_tax}
                for line in order.lines.all()
            ],
        }
        for order in orders
    ]


def _messages(user) -> list[dict]:
    return list(
        Message.objects.filter(author=user)
        .order_by("pk")
        .values(
            "conversation_id",
            "conversation__subject",
            "conversation__offer_id",
            "conversation__vendor__trade_name",
            "body",
            "created_at",
        )
    )


def _requests(user) -> list[dict]:
    return list(
        SourcingRequest.objects.filter(requester=user)
        .order_by("pk")
        .values("id", "title", "description", "quantity", "unit", "needed_by", "created_at")
    )


def _reviews(user) -> list[dict]:
    return list(
        ProductReview.objects.filter(user=user)
        .order_by("pk")
        .values("product_id", "title", "body", "score", "date_created")
    )


def _notices(user) -> list[dict]:
    return list(
        Notification.objects.filter(recipient=user)
        .order_by("pk")
        .values("subject", "body", "date_sent")
    )


def _preferences(user) -> list[dict]:
    return [
        {
            field.name: getattr(preferences, field.name)
            for field in preferences._meta.concrete_fields
            if field.name not in ("id", "user")
        }
        for preferences in CustomerPreferences.objects.filter(user=user)
    ]


def _csv(rows: list[dict]) -> str:
    if not rows:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: value for key, value in row.items() if not isinstance(value, list)})
    return buffer.getvalue()


def personal_data_zip(*, user) -> bytes:
    sections = {
        "account": [_account(user)],
        "addresses": _addresses(user),
        "purchases": _purchases(user),
        "requests": _requests(user),
        "messages": _messages(user),
        "reviews": _reviews(user),
        "notices": _notices(user),
        "preferences": _preferences(user),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in sections.items():
            archive.writestr(
                f"{name}.json",
                json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            flat = json.loads(json.dumps(rows, cls=DjangoJSONEncoder))
            archive.writestr(
                f"{name}.csv",
                _csv([{k: v for k, v in row.items() if not isinstance(v, dict)} for row in flat]),
            )
    return buffer.getvalue()
