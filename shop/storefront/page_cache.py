"""Whole pages for visitors who have nothing of their own on them: the home, catalogue,
category, search, store and product pages, kept as their view rendered them and served from
the cache to a GET or HEAD that carries no session, basket or messages cookie and no
credentials (what a reverse proxy or Django's per-site cache does for anonymous traffic).

- Forms still post: a page is kept with a stand-in for the CSRF token, and each response gets
  its own visitor's token in its place (and the CSRF cookie, as Django sets it).
- A change is on the next page: a page is kept under the catalogue's versions and the search
  index's (shop/apps/catalogue/versions.py), read in the same round trip as the page, so any
  change a page shows forgets every page at once. STOREFRONT_PAGE_CACHE_SECONDS bounds what a
  change made without a signal leaves stale; 0 turns the cache off.
- It sits right around the view: every middleware treats a cached page as the view's own
  (compression, the CSP header, the language, the CSRF cookie, the frame options), and what a
  view does on every view besides its page is done for a cached one too (the product page's
  view counter and history cookie, AnonymousPageCacheMixin.page_cache_hit).

The key: the page's address (scheme, host, path, the query with its parameters in order of
name), the language, and what else the view says its page depends on (page_cache_variant).
A response is kept only when nothing of its visitor went into it: nobody signed in, no
session written, no message, no basket, no cookie set but those set again on a cached page,
no real CSRF token or CSP nonce rendered, no policy of the view's own (private, no-store,
max-age=0, CSP changes). Every response of these pages says `Cache-Control: private,
no-cache` and `Vary: Cookie`: no shared cache in front may keep a page with a visitor's token.
"""

import hashlib
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import (
    get_max_age,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.translation import get_language

from shop.apps.catalogue.versions import SCOPES, catalogue_version, version_key
from shop.apps.search.indexing import INDEX_VERSION_KEY, search_index_version
from shop.storefront.csrf import CSRF_STAND_IN

READING_METHODS = frozenset({"GET", "HEAD"})
VERSION_KEYS = (*(version_key(scope) for scope in SCOPES), INDEX_VERSION_KEY)
STAND_IN = CSRF_STAND_IN.encode()
# A view's own word that its response is not for everyone.
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")


class AnonymousPageCacheMixin:
    """A view whose page is the same for every visitor without a session, so kept whole for
    them (shop/storefront/page_cache.py). Its response must be a TemplateResponse (the CSRF
    stand-in goes into its context), and everything its page shows must move the catalogue's
    versions when it changes."""

    # Cookies the view sets on every response, which page_cache_hit sets again.
    page_cache_cookies: tuple[str, ...] = ()

    @classmethod
    def page_cache_variant(cls, request) -> str:
        """What the page depends on besides its address and language ("" for nothing)."""
        return ""

    @classmethod
    def page_cache_hit(cls, request, response, **view_kwargs) -> None:
        """What the view does on every view besides rendering, done for a cached page."""


class CachedPage(NamedTuple):
    versions: tuple
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes  # with the stand-in for the CSRF token
    has_csrf_token: bool

    @classmethod
    def of(cls, response, *, versions: tuple) -> "CachedPage":
        return cls(
            versions=versions,
            status=response.status_code,
            # Set again on the way out: the length by CommonMiddleware, after the token swap.
            headers=tuple(
                (name, value) for name, value in response.items() if name != "Content-Length"
            ),
            content=response.content,
            has_csrf_token=STAND_IN in response.content,
        )

    def response(self, request) -> HttpResponse:
        content = _visitor_token_put(self.content, request) if self.has_csrf_token else self.content
        return HttpResponse(content, status=self.status, headers=dict(self.headers))


def _visitor_token_put(content: bytes, request) -> bytes:
    """The page with its visitor's own CSRF token (and the cookie, set on the way out)."""
    return content.replace(STAND_IN, get_token(request).encode())


@dataclass
class _Miss:
    """A page to keep once rendered, under the versions read before it was."""

    key: str
    versions: tuple
    view_class: type
    stand_in: bool = False  # the CSRF stand-in went into the template's context


_HIT = "hit"
_NOT_KEPT = "not kept"


class PageCacheMiddleware:
    """Serves and keeps the pages of AnonymousPageCacheMixin views. Below the session,
    language, CSRF, authentication, messages and basket middleware: it looks at what they
    read of the request, and keeps the response as the view returned it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if view_class is None or not issubclass(view_class, AnonymousPageCacheMixin):
            return None
        request._page_cache = _NOT_KEPT
        if settings.STOREFRONT_PAGE_CACHE_SECONDS <= 0 or not _visitor_without_state(request):
            return None
        key = _page_key(request, view_class.page_cache_variant(request))
        found = cache.get_many([key, *VERSION_KEYS])
        versions = tuple(found.get(name) for name in VERSION_KEYS)
        page = found.get(key)
        if page is not None and page.versions == versions:
            request._page_cache = _HIT
            response = page.response(request)
            view_class.page_cache_hit(request, response, **view_kwargs)
            return response
        if None in versions:
            versions = _versions_started()
        request._page_cache = _Miss(key=key, versions=versions, view_class=view_class)
        return None

    def process_template_response(self, request, response):
        miss = getattr(request, "_page_cache", None)
        if isinstance(miss, _Miss):
            if response.context_data is None:
                response.context_data = {}
            response.context_data["csrf_token"] = CSRF_STAND_IN
            miss.stand_in = True
        return response

    def __call__(self, request):
        response = self.get_response(request)
        visit = getattr(request, "_page_cache", None)
        if visit is None:
            return response
        if isinstance(visit, _Miss) and not response.streaming:
            if _keepable(request, response, visit):
                cache.set(
                    visit.key,
                    CachedPage.of(response, versions=visit.versions),
                    settings.STOREFRONT_PAGE_CACHE_SECONDS,
                )
            if visit.stand_in and STAND_IN in response.content:
                response.content = _visitor_token_put(response.content, request)
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Cookie",))
        return response


def _visitor_without_state(request) -> bool:
    """Nothing of the visitor's can be on the page: no credentials and no cookie but those
    the pages never read (the CSRF token's, the language's, Oscar's recently viewed)."""
    if request.method not in READING_METHODS or "HTTP_AUTHORIZATION" in request.META:
        return False
    if not request.COOKIES:
        return True
    return request.COOKIES.keys() <= {
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME,
    }


def _page_key(request, variant: str) -> str:
    query = ""
    if request.META.get("QUERY_STRING"):
        query = urlencode(sorted(request.GET.lists(), key=itemgetter(0)), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}#{variant}"
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"page:{get_language()}:{digest}"


def _versions_started() -> tuple:
    """The versions, started where the cache had none (as the page's own reads would)."""
    return (*(catalogue_version(scope) for scope in SCOPES), search_index_version())


def _keepable(request, response, miss: _Miss) -> bool:
    if not miss.stand_in or response.status_code != 200:
        return False
    # A real token or nonce rendered into the page (get_token flags the cookie for update).
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "_csp_nonce", None):
        return False
    if response.cookies.keys() - set(miss.view_class.page_cache_cookies):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
        return False
    if get_max_age(response) == 0 or has_vary_header(response, "*"):
        return False
    if any(attribute.startswith("_csp") for attribute in vars(response)):
        return False  # a policy of the view's own (django-csp's decorators)
    if request.user.is_authenticated or request.session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and messages.added_new:
        return False
    basket = getattr(request, "_basket_cache", None)
    return basket is None or basket.id is None
