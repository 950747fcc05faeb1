"""What the board tells people: a store named in a post or reply hears of it once per
post (by e-mail to the store and its owners); a member who follows sectors or provinces
gets a weekly digest of the new posts in them, once a week."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from shop.community.models import BoardDigest, BoardFollowing, StoreMention
from shop.community.selectors import board_posts
from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from shop.sms import sms_send
from vendors.actors.selectors import vendor_mail_recipients

# A digest fits in one phone screen: the newest posts, then how many more.
DIGEST_POSTS = 6


def store_mentions_notify(*, post_id: int) -> int:
    """E-mail each store named in the post (or its replies) not told yet; each mention is
    claimed in the transaction that queues its e-mail, so it is told once however many
    workers run this. Returns how many stores were told now."""
    told = 0
    mentions = StoreMention.objects.filter(post_id=post_id, notified_at__isnull=True)
    for mention in mentions.select_related("post", "vendor"):
        with transaction.atomic():
            if not StoreMention.objects.filter(pk=mention.pk, notified_at__isnull=True).update(
                notified_at=timezone.now()
            ):
                continue  # told already, by another worker
            link = reverse("community:detail", kwargs={"pk": mention.post_id})
            if mention.reply_id:
                link += f"#respuesta-{mention.reply_id}"
            with translation.override(settings.LANGUAGE_CODE):
                templated_email_send(
                    template="community/emails/store_mention",
                    context={
                        "post": mention.post,
                        "vendor": mention.vendor,
                        "link": absolute_url(link),
                        "site_name": settings.OSCAR_SHOP_NAME,
                    },
                    recipients=vendor_mail_recipients(vendor=mention.vendor),
                    html=False,
                )
        told += 1
    return told


def board_digests_send() -> int:
    """The weekly digest (beat, on Mondays): each member who follows sectors or provinces
    hears in one e-mail (and SMS, if given a phone) of last week's new posts in them.
    Returns how many were told; running it again in the same week tells nobody."""
    week = board_digest_week(today=timezone.localdate())
    followings = (
        BoardFollowing.objects.exclude(user__board_digests__week=week)
        .select_related("user")
        .prefetch_related("sectors", "provinces")
        .order_by("pk")
    )
    return sum(board_digest_send(following=following, week=week) for following in followings)


def board_digest_week(*, today: date) -> date:
    """The Monday of `today`'s week: its digest lists the posts of the seven days before."""
    return today - timedelta(days=today.weekday())


def board_digest_send(*, following: BoardFollowing, week: date) -> bool:
    """Tell the member of the posts of the week before `week` in what it follows (not its
    own), at most DIGEST_POSTS of them and how many more; once per member and week (the
    digest's row is written in the transaction that queues the e-mail). False if there
    was nothing to tell or it was told already."""
    sectors = [sector.pk for sector in following.sectors.all()]
    provinces = [province.pk for province in following.provinces.all()]
    if not (sectors or provinces):
        return False
    end = datetime.combine(week, time.min, tzinfo=timezone.get_current_timezone())
    posts = (
        board_posts()
        .filter(created_at__gte=end - timedelta(days=7), created_at__lt=end)
        .filter(Q(sector__in=sectors) | Q(province__in=provinces))
        .exclude(author=following.user)
    )
    shown = list(posts[:DIGEST_POSTS])
    if not shown:
        return False
    count = len(shown) if len(shown) < DIGEST_POSTS else posts.count()
    for post in shown:
        post.link = absolute_url(reverse("community:detail", kwargs={"pk": post.pk}))
    context = {
        "posts": shown,
        "more": count - len(shown),
        "count": count,
        "board_url": absolute_url(reverse("community:board")),
        "following_url": absolute_url(reverse("community:following")),
        "site_name": settings.OSCAR_SHOP_NAME,
    }
    with transaction.atomic():
        try:
            with transaction.atomic():
                BoardDigest.objects.create(user=following.user, week=week, post_count=count)
        except IntegrityError:  # told already, by another worker
            return False
        with translation.override(settings.LANGUAGE_CODE):
            templated_email_send(
                template="community/emails/digest",
                context=context,
                recipients=[following.user.email] if following.user.email else [],
                html=False,
            )
            if following.sms_phone:
                sms_send(
                    to=following.sms_phone,
                    body=render_to_string("community/sms/digest.txt", context).strip(),
                )
    return True
