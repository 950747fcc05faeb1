"""The site's own error pages (400, 403, 404, 500, CSRF failure, database gone: 503).

Spanish at `/`, English under `/en/`, in the storefront's look, each with a way back.
They are rendered without a request context: no context processor runs and nothing
reads the database, so the page still renders when the error *is* the database.
"""

import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

# Seconds a client is asked to wait before trying again after the database went away.
RETRY_AFTER_SECONDS = 30
DATABASE_GONE = (OperationalError, InterfaceError)


def page_language(request) -> str:
    """The language of the page that failed: from its path, the same rule the URLs use
    (the language the thread happens to have active may be another request's)."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def back_path(request) -> str:
    """Where the visitor came from, when it is a page of this site (only its path is used:
    the link can never lead elsewhere)."""
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    try:
        host = request.get_host()
    except DisallowedHost:  # the 400 for a host we do not serve: no way back to offer
        return ""
    if not referer.netloc or referer.netloc != host:
        return ""
    path = referer.path or "/"
    if not path.startswith("/") or path.startswith("//") or path == request.path:
        return ""
    return f"{path}?{referer.query}" if referer.query else path


def error_page(request, *, template: str, status: int) -> HttpResponse:
    language = page_language(request)
    with translation.override(language):
        html = render_to_string(
            template,
            {
                # The request only for its CSP nonce; templates read nothing else from it.
                "request": request,
                "LANGUAGE_CODE": language,
                "shop_name": settings.OSCAR_SHOP_NAME,
                "shop_tagline": settings.OSCAR_SHOP_TAGLINE,
                "home_url": reverse("home"),
                "back_url": back_path(request),
                "languages": [
                    {
                        "code": code,
                        "name": translation.get_language_info(code)["name_local"],
                        "url": reverse_home(code),
                    }
                    for code, _name in settings.LANGUAGES
                ],
            },
        )
    return HttpResponse(html, status=status)


def reverse_home(language: str) -> str:
    with translation.override(language):
        return reverse("home")


def bad_request(request, exception=None):
    return error_page(request, template="errors/400.html", status=400)


def permission_denied(request, exception=None):
    return error_page(request, template="errors/403.html", status=403)


def page_not_found(request, exception=None):
    return error_page(request, template="errors/404.html", status=404)


def server_error(request):
    """A lost database connection is "try again in a moment" (503), anything else a 500.
    Django calls this while handling the exception, wherever it was raised (a view or a
    middleware), so the exception being handled tells which."""
    if isinstance(sys.exc_info()[1], DATABASE_GONE):
        response = error_page(request, template="errors/503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return error_page(request, template="errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return error_page(request, template="errors/csrf.html", status=403)
