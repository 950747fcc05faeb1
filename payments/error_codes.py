from enum import StrEnum


class PaymentErrorCode(StrEnum):
    """The codes the payments app's own refusals carry. A gateway's adapter may carry
    its gateway's codes instead (Stripe's decline codes, the Stripe adapter's own)."""

    CARD_DECLINED = "card_declined"
    AUTHENTICATION_REQUIRED = "authentication_required"
    TIMEOUT = "timeout"
    REFUND_TOO_LARGE = "refund_too_large"
    WEBHOOK_SIGNATURE = "signature"
    WEBHOOK_MALFORMED = "malformed"
    GATEWAY_UNREACHABLE = "gateway_unreachable"
    SERVICE_DOWN = "service_unavailable"
    MALFORMED_ANSWER = "malformed_answer"  # the gateway answered what we cannot read
