from django.db import transaction

from shop.customers.models import CustomerPreferences


@transaction.atomic
def customer_preferences_save(
    *, user, sms_notifications: bool, language: str
) -> CustomerPreferences:
    preferences, _created = CustomerPreferences.objects.update_or_create(
        user=user, defaults={"sms_notifications": sms_notifications, "language": language}
    )
    return preferences
