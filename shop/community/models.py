from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vendors.validators import phone_validate


class PostKind(models.TextChoices):
    QUESTION = "pregunta", _("Question")
    LOOKING_FOR = "busco", _("Looking for raw material")
    RECOMMENDATION = "recomiendo", _("Recommendation")
    EVENT = "curso", _("Course or talk")


class Post(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_posts"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=PostKind.choices)
    sector = models.ForeignKey(
        "vendors.Sector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    province = models.ForeignKey(
        "logistics.Province",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    title = models.CharField(_("title"), max_length=140)
    body = models.TextField(_("text"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    reply_count = models.PositiveIntegerField(default=0)
    accepted_reply = models.ForeignKey(
        "Reply", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["is_hidden", "-created_at"], name="community_board_idx")]

    def __str__(self) -> str:
        return self.title


class Reply(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_replies"
    )
    body = models.TextField(_("reply"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    useful_count = models.PositiveIntegerField(default=0)
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self) -> str:
        return f"{self.post_id}: {self.pk}"


class UsefulVote(models.Model):
    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reply", "user"], name="community_one_vote_each")
        ]

    def __str__(self) -> str:
        return f"{self.reply_id}: {self.user_id}"


class Report(models.Model):
    """Someone reported a post or a reply; an operator hides it with a reason, or not."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.post_id}: {self.reason[:40]}"


class StoreMention(models.Model):
    """A post or one of its replies names a store ("@its-address"): once per post and
    store, so the store is told once however often the thread names it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="store_mentions")
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="community_mentions"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "vendor"], name="community_mention_once")
        ]

    def __str__(self) -> str:
        return f"{self.post_id}: {self.vendor_id}"


class BoardFollowing(models.Model):
    """The sectors and provinces a member follows on the board: the weekly digest lists
    the new posts in any of them; by SMS too when a phone is given."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_following"
    )
    sectors = models.ManyToManyField(
        "vendors.Sector", blank=True, related_name="+", verbose_name=_("sectors you follow")
    )
    provinces = models.ManyToManyField(
        "logistics.Province", blank=True, related_name="+", verbose_name=_("provinces you follow")
    )
    sms_phone = models.CharField(
        _("also by SMS to this phone"),
        max_length=20,
        blank=True,
        help_text=_("Empty: by e-mail only."),
        validators=[phone_validate],
    )

    def __str__(self) -> str:
        return str(self.user_id)


class BoardDigest(models.Model):
    """A member's weekly digest, once per member and week (the Monday it covers up to)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_digests"
    )
    week = models.DateField()
    post_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="community_digest_once_a_week")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.week}"
