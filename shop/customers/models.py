from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CustomerPreferences(models.Model):
    """How a buyer wants to hear from us. No row: e-mail only, in the site's language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences"
    )
    sms_notifications = models.BooleanField(
        _("Text messages about my deliveries"),
        default=False,
        help_text=_("Sent to the phone number of the delivery address."),
    )
    language = models.CharField(
        _("Language of our messages"), max_length=10, blank=True, choices=settings.LANGUAGES
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("customer preferences")
        verbose_name_plural = _("customer preferences")

    def __str__(self) -> str:
        return str(self.user)
