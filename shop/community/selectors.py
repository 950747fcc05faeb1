"""Reads for the board: the newest posts with filters, a post with its replies (the
accepted one first), the reports waiting for an operator."""

from django.db.models import Case, IntegerField, QuerySet, Value, When

from shop.community.models import Post, Reply, Report


def board_posts(*, kind: str = "", sector=None, province=None) -> QuerySet:
    posts = Post.objects.filter(is_hidden=False).select_related("sector", "province", "author")
    if kind:
        posts = posts.filter(kind=kind)
    if sector is not None:
        posts = posts.filter(sector=sector)
    if province is not None:
        posts = posts.filter(province=province)
    return posts


def post_replies(*, post: Post) -> QuerySet:
    accepted = post.accepted_reply_id or 0
    return (
        Reply.objects.filter(post=post)
        .select_related("author")
        .annotate(
            first=Case(
                When(pk=accepted, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("first", "created_at", "pk")
    )


def open_reports() -> QuerySet:
    return Report.objects.filter(handled_at__isnull=True).select_related(
        "post", "reply", "reporter"
    )
