"""A person's requests about their data: a download of everything held about them, or
the erasure of their account. Operators see them and when each was completed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from shop.invoices.storage import private_storage


class DataRequestKind(models.TextChoices):
    EXPORT = "export", _("Download of my data")
    ERASURE = "erasure", _("Erasure of my account")


class DataRequest(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_requests"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=DataRequestKind.choices)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    archive = models.FileField(storage=private_storage, upload_to="data-exports/", blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
