"""Mentions on the board: a post or reply names a store as "@its-public-address" and pastes
the address of a product, a request, a course or a lesson of this site; each is shown as a
link with its name.

The text is escaped first and only a mention whose target exists (an approved store, a
browsable product, a public request, a published course or lesson) becomes a link, so
nothing a member writes reaches the page as markup. `mention_targets` reads every target
of a page's texts in at most one query per kind, however many texts or mentions it holds."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from oscar.core.loading import get_model

from shop.classroom.models import Course, Lesson
from shop.sourcing.models import SourcingRequest, Visibility
from vendors.models import Vendor, VendorStatus

Product = get_model("catalogue", "Product")

# "@" + a store's public address, not inside a word or an e-mail address.
STORE_MENTION = r"(?<![\w@.])@(?P<store>[a-z0-9]+(?:-[a-z0-9]+)*)"
# A pasted address of a product ("…/catalogue/<slug>_<id>/"), a request
# ("…/solicitudes/<id>/"), a course ("…/aprende/<course>/") or a lesson
# ("…/aprende/<course>/<lesson>/"), in Spanish or under /en/, on this site or as a bare path.
SITE_LINK = (
    r"(?P<link>(?:https?://(?P<host>[^/\s]+)|(?<![\w/]))/(?:en/)?"
    r"(?:catalogue/[\w-]*_(?P<product>\d+)|solicitudes/(?P<request>\d+)"
    r"|aprende/(?P<course>[\w-]+)(?:/(?P<lesson>[\w-]+))?)/)"
)
MENTION = re.compile(f"{STORE_MENTION}|{SITE_LINK}", re.IGNORECASE)


@dataclass
class MentionTargets:
    """What a page's mentions point at: store slug → store, ids → product, request,
    course slug → course, (course slug, lesson slug) → lesson."""

    stores: dict[str, Vendor] = field(default_factory=dict)
    products: dict[int, object] = field(default_factory=dict)
    requests: dict[int, SourcingRequest] = field(default_factory=dict)
    courses: dict[str, Course] = field(default_factory=dict)
    lessons: dict[tuple[str, str], Lesson] = field(default_factory=dict)


def _matches(text: str):
    """The mentions in `text`; an address on another site is none."""
    host = urlsplit(settings.SITE_URL).netloc.lower()
    for match in MENTION.finditer(text):
        if not match["host"] or match["host"].lower() == host:
            yield match


def mentioned_store_slugs(text: str) -> set[str]:
    return {match["store"].lower() for match in _matches(text) if match["store"]}


def mention_targets(*, texts) -> MentionTargets:
    stores, products, requests, courses, lessons = set(), set(), set(), set(), set()
    for text in texts:
        for match in _matches(text):
            if match["store"]:
                stores.add(match["store"].lower())
            elif match["product"]:
                products.add(int(match["product"]))
            elif match["request"]:
                requests.add(int(match["request"]))
            elif match["lesson"]:
                lessons.add((match["course"], match["lesson"]))
            else:
                courses.add(match["course"])
    targets = MentionTargets()
    if stores:
        targets.stores = {
            vendor.slug: vendor
            for vendor in Vendor.objects.filter(slug__in=stores, status=VendorStatus.APPROVED)
        }
    if products:
        targets.products = {
            product.pk: product
            for product in Product.objects.browsable()
            .filter(pk__in=products)
            .only("pk", "slug", "title", "parent")
        }
    if requests:
        targets.requests = {
            request.pk: request
            for request in SourcingRequest.objects.filter(
                pk__in=requests, visibility=Visibility.PUBLIC
            ).only("pk", "title")
        }
    if courses:
        targets.courses = {
            course.slug: course
            for course in Course.objects.filter(slug__in=courses, is_published=True).only(
                "pk", "slug", "title"
            )
        }
    if lessons:
        named = Q()
        for course_slug, lesson_slug in lessons:
            named |= Q(course__slug=course_slug, slug=lesson_slug)
        targets.lessons = {
            (lesson.course.slug, lesson.slug): lesson
            for lesson in Lesson.objects.filter(
                named, is_published=True, course__is_published=True
            ).select_related("course")
        }
    return targets


def _target(match, targets: MentionTargets) -> tuple[str, str] | None:
    """(address, name) of what the mention names, None if nothing it may show."""
    if match["store"]:
        vendor = targets.stores.get(match["store"].lower())
        if vendor is not None:
            return reverse("vendors:store", kwargs={"slug": vendor.slug}), "@" + vendor.trade_name
    elif match["product"]:
        product = targets.products.get(int(match["product"]))
        if product is not None:
            return product.get_absolute_url(), product.title
    elif match["request"]:
        request = targets.requests.get(int(match["request"]))
        if request is not None:
            return reverse("sourcing:detail", kwargs={"pk": request.pk}), request.title
    elif match["lesson"]:
        lesson = targets.lessons.get((match["course"], match["lesson"]))
        if lesson is not None:
            return lesson.get_absolute_url(), lesson.title
    else:
        course = targets.courses.get(match["course"])
        if course is not None:
            return course.get_absolute_url(), course.title
    return None


def mentions_render(*, text: str, targets: MentionTargets) -> SafeString:
    """The text as paragraphs, escaped, its mentions as links to what they name."""
    parts, end = [], 0
    for match in _matches(text):
        target = _target(match, targets)
        if target is None:
            continue
        url, label = target
        parts.append(escape(text[end : match.start()]))
        parts.append(f'<a class="mention" href="{escape(url)}">{escape(label)}</a>')
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe(linebreaks("".join(parts), autoescape=False))  # noqa: S308 - escaped above
