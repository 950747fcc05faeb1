"""JSON over HTTP for the gateways without an SDK (EnZona, Transfermóvil): one place
that turns the network's failures into the interface's, as the Stripe adapter does with
Stripe's exceptions. Nothing of `requests` escapes an adapter."""

import logging
from dataclasses import dataclass

import requests
from django.utils.translation import gettext as _

from payments.error_codes import PaymentErrorCode
from payments.exceptions import GatewayUnavailable

logger = logging.getLogger(__name__)

UNREACHABLE = PaymentErrorCode.GATEWAY_UNREACHABLE
TIMEOUT = PaymentErrorCode.TIMEOUT


@dataclass(frozen=True)
class Answer:
    status: int
    data: dict


def json_call(
    session: requests.Session,
    method: str,
    url: str,
    *,
    timeout: float,
    service: str,
    **kwargs,
) -> Answer:
    """`method url` with `kwargs` for requests; the answer's status and JSON body (an
    empty dict when it has none). A connection refused or a timeout raises
    GatewayUnavailable, with `service` (the gateway, in words) in the buyer's message."""
    try:
        response = session.request(method, url, timeout=timeout, **kwargs)
    except requests.Timeout as error:
        logger.warning("%s did not answer %s %s in %ss", service, method, url, timeout)
        raise unavailable(service, code=TIMEOUT) from error
    except requests.RequestException as error:
        logger.warning("%s unreachable at %s: %s", service, url, error)
        raise unavailable(service, code=UNREACHABLE) from error
    try:
        data = response.json() if response.content else {}
    except ValueError:
        data = {}
    return Answer(status=response.status_code, data=data if isinstance(data, dict) else {})


def unavailable(service: str, *, code: str) -> GatewayUnavailable:
    return GatewayUnavailable(
        _("%(service)s is not answering. Please try again in a few minutes.")
        % {"service": service},
        code=code,
    )
