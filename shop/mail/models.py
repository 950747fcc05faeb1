from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """A message accepted for delivery: written in the caller's transaction,
    delivered by a Celery task after commit, at most once marked sent."""

    sender = models.CharField(_("from"), max_length=320)
    recipients = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    mime = models.BinaryField(_("MIME message"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at"], name="mail_outgoing_sent_idx")]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)}"
