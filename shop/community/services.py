"""Writes for the board: posts and replies (new accounts at a slower pace; the stores they
name are told), "útil" votes, the asker's accepted answer, reports, and the operators'
hiding with a reason."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.community.error_codes import CommunityErrorCode
from shop.community.exceptions import CommunityRefused
from shop.community.mentions import mentioned_store_slugs
from shop.community.models import (
    BoardFollowing,
    Post,
    Reply,
    Report,
    StoreMention,
    UsefulVote,
)
from shop.community.tasks import store_mentions_notify_task
from vendors.models import Vendor, VendorStatus


def _pace_check(user) -> None:
    """Accounts younger than COMMUNITY_NEW_ACCOUNT_DAYS write at most
    COMMUNITY_NEW_ACCOUNT_PER_DAY posts and replies a day; everyone at most
    COMMUNITY_PER_HOUR an hour."""
    now = timezone.now()
    hour = Post.objects.filter(author=user, created_at__gte=now - timedelta(hours=1)).count()
    hour += Reply.objects.filter(author=user, created_at__gte=now - timedelta(hours=1)).count()
    if hour >= settings.COMMUNITY_PER_HOUR:
        raise CommunityRefused(
            _("You have written a lot in the last hour: please wait a little."),
            code=CommunityErrorCode.RATE_LIMITED,
        )
    if user.date_joined >= now - timedelta(days=settings.COMMUNITY_NEW_ACCOUNT_DAYS):
        day = Post.objects.filter(author=user, created_at__gte=now - timedelta(days=1)).count()
        day += Reply.objects.filter(author=user, created_at__gte=now - timedelta(days=1)).count()
        if day >= settings.COMMUNITY_NEW_ACCOUNT_PER_DAY:
            raise CommunityRefused(
                _("New accounts write at most %(count)s posts and replies a day.")
                % {"count": settings.COMMUNITY_NEW_ACCOUNT_PER_DAY},
                code=CommunityErrorCode.RATE_LIMITED,
            )


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise CommunityRefused(_("Write something first."), code=CommunityErrorCode.EMPTY)
    return value


def _store_mentions_record(*, post: Post, reply: Reply | None, text: str) -> int:
    """Record the stores `text` names (approved ones, not the writer's own) and tell them
    after commit; a store named before in the same post is not recorded again."""
    slugs = mentioned_store_slugs(text)
    if not slugs:
        return 0
    author = (reply or post).author_id
    vendors = (
        Vendor.objects.filter(slug__in=slugs, status=VendorStatus.APPROVED)
        .exclude(memberships__user_id=author)
        .exclude(community_mentions__post=post)
    )
    created = StoreMention.objects.bulk_create(
        [StoreMention(post=post, reply=reply, vendor=vendor) for vendor in vendors],
        ignore_conflicts=True,
    )
    if created:
        store_mentions_notify_task.delay_on_commit(post.pk)
    return len(created)


@transaction.atomic
def post_create(*, author, kind: str, title: str, body: str, sector=None, province=None) -> Post:
    _pace_check(author)
    post = Post.objects.create(
        author=author,
        kind=kind,
        title=_text(title),
        body=_text(body),
        sector=sector,
        province=province,
    )
    _store_mentions_record(post=post, reply=None, text=post.body)
    return post


@transaction.atomic
def reply_create(*, author, post_id: int, body: str) -> Reply:
    post = Post.objects.select_for_update().get(pk=post_id)
    if post.is_hidden:
        raise CommunityRefused(_("This post was hidden."), code=CommunityErrorCode.HIDDEN)
    _pace_check(author)
    reply = Reply.objects.create(post=post, author=author, body=_text(body))
    Post.objects.filter(pk=post.pk).update(reply_count=F("reply_count") + 1)
    _store_mentions_record(post=post, reply=reply, text=reply.body)
    return reply


@transaction.atomic
def reply_vote_useful(*, user, reply_id: int) -> Reply:
    reply = Reply.objects.get(pk=reply_id)
    if reply.author_id == user.pk:
        raise CommunityRefused(
            _("You cannot vote for your own reply."), code=CommunityErrorCode.OWN_REPLY
        )
    try:
        with transaction.atomic():
            UsefulVote.objects.create(reply=reply, user=user)
    except IntegrityError as error:
        raise CommunityRefused(
            _("You already found this reply useful."), code=CommunityErrorCode.ALREADY_VOTED
        ) from error
    Reply.objects.filter(pk=reply.pk).update(useful_count=F("useful_count") + 1)
    return reply


@transaction.atomic
def reply_accept(*, user, reply_id: int) -> Post:
    """The asker marks the reply that answered the post."""
    reply = Reply.objects.select_related("post").get(pk=reply_id, is_hidden=False)
    post = Post.objects.select_for_update().get(pk=reply.post_id)
    if post.author_id != user.pk:
        raise CommunityRefused(
            _("Only who asked chooses the answer."), code=CommunityErrorCode.NOT_AUTHOR
        )
    post.accepted_reply = reply
    post.save(update_fields=["accepted_reply"])
    return post


def report_create(*, reporter, post_id: int, reason: str, reply_id: int | None = None) -> Report:
    post = Post.objects.get(pk=post_id)
    reply = Reply.objects.get(pk=reply_id, post=post) if reply_id else None
    return Report.objects.create(post=post, reply=reply, reporter=reporter, reason=_text(reason))


@transaction.atomic
def hide(*, reason: str, post_id: int, reply_id: int | None = None) -> None:
    """An operator hides a post or a reply; the reason shows in its place."""
    reason = reason.strip()
    if not reason:
        raise CommunityRefused(
            _("Give a reason: it shows in place of the text."),
            code=CommunityErrorCode.REASON_REQUIRED,
        )
    if reply_id:
        target = Reply.objects.filter(pk=reply_id, post_id=post_id)
        Report.objects.filter(reply_id=reply_id).update(handled_at=timezone.now())
    else:
        target = Post.objects.filter(pk=post_id)
        Report.objects.filter(post_id=post_id, reply__isnull=True).update(handled_at=timezone.now())
    if not target.update(is_hidden=True, hidden_reason=reason):
        raise Post.DoesNotExist


@transaction.atomic
def board_following_save(*, user, sectors, provinces, sms_phone: str) -> BoardFollowing:
    """What the member follows; nothing followed, no digest."""
    following, _created = BoardFollowing.objects.update_or_create(
        user=user, defaults={"sms_phone": sms_phone.strip()}
    )
    following.sectors.set(sectors)
    following.provinces.set(provinces)
    return following
