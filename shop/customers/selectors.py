"""What we know of how a buyer wants to be told things."""

from oscar.core.loading import get_model

from shop.customers.models import CustomerPreferences

ShippingAddress = get_model("order", "ShippingAddress")
UserAddress = get_model("address", "UserAddress")


def customer_sms_phone(*, user) -> str:
    """Where to text the buyer: "" unless they chose text messages; then the phone of
    their default delivery address, or else of their latest purchase's."""
    if not CustomerPreferences.objects.filter(user=user, sms_notifications=True).exists():
        return ""
    phone = (
        UserAddress.objects.filter(user=user)
        .exclude(phone_number="")
        .order_by("-is_default_for_shipping", "-pk")
        .values_list("phone_number", flat=True)
        .first()
    ) or (
        ShippingAddress.objects.filter(order__user=user)
        .exclude(phone_number="")
        .order_by("-order__date_placed", "-pk")
        .values_list("phone_number", flat=True)
        .first()
    )
    return str(phone or "")
