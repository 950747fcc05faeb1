"""Every refusal in one JSON shape, in the language the request asked for
(Accept-Language, es by default):

    {"error": {"code": "out_of_stock", "message": "...", "fields": {"level": ["..."]}}}

A service's refusal keeps its app's code (vendors.error_codes, logistics...); DRF's own
refusals get the API's codes."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

from shop.api.access import ScopeMissing
from shop.api.error_codes import ApiErrorCode

# The first class an exception is an instance of gives its code.
DRF_CODES = {
    ScopeMissing: ApiErrorCode.SCOPE,
    exceptions.NotAuthenticated: ApiErrorCode.AUTHENTICATION,
    exceptions.AuthenticationFailed: ApiErrorCode.AUTHENTICATION,
    exceptions.PermissionDenied: ApiErrorCode.PERMISSION,
    exceptions.NotFound: ApiErrorCode.NOT_FOUND,
    exceptions.MethodNotAllowed: ApiErrorCode.METHOD,
    exceptions.Throttled: ApiErrorCode.THROTTLED,
    exceptions.NotAcceptable: ApiErrorCode.NOT_ACCEPTABLE,
    exceptions.UnsupportedMediaType: ApiErrorCode.UNSUPPORTED_MEDIA,
    exceptions.ParseError: ApiErrorCode.PARSE,
    exceptions.ValidationError: ApiErrorCode.INVALID,
}


def error_body(*, code, message: str, fields: dict | None = None) -> dict:
    error = {"code": str(code), "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def _flatten(detail) -> dict:
    """A serializer's errors as {field: [messages]}; nested lists are joined."""
    if isinstance(detail, dict):
        return {
            str(field): [str(item) for item in (value if isinstance(value, list) else [value])]
            for field, value in detail.items()
        }
    return {"non_field_errors": [str(item) for item in detail]}


def _domain_code(error: DjangoValidationError) -> str:
    if getattr(error, "code", None):
        return str(error.code)
    for item in error.error_list if hasattr(error, "error_list") else []:
        if item.code:
            return str(item.code)
    if hasattr(error, "error_dict"):
        for items in error.error_dict.values():
            for item in items:
                if item.code:
                    return str(item.code)
    return ApiErrorCode.INVALID


def api_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        fields = (
            {field: list(messages) for field, messages in exc.message_dict.items()}
            if hasattr(exc, "error_dict")
            else None
        )
        set_rollback()
        return Response(
            error_body(code=_domain_code(exc), message=" ".join(exc.messages), fields=fields),
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)  # sets WWW-Authenticate and Retry-After
    if response is None:
        return None
    code = next(
        (code for kind, code in DRF_CODES.items() if isinstance(exc, kind)), ApiErrorCode.INVALID
    )
    if isinstance(exc, exceptions.ValidationError):
        body = error_body(
            code=code, message=_("Some fields are not valid."), fields=_flatten(exc.detail)
        )
    elif isinstance(exc, exceptions.Throttled):
        body = error_body(
            code=code,
            message=_("Too many requests: try again in %(seconds)s seconds.")
            % {"seconds": int(exc.wait or 1)},
        )
    else:
        body = error_body(code=code, message=str(exc.detail))
    response.data = body
    return response
