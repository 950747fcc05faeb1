"""How a receiver knows a delivery is ours: the header

    Encadena-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">

with the subscription's secret. A receiver refuses a signature that does not match or a
`t` older than a few minutes (a replay), and deduplicates on Encadena-Event-Id."""

import hashlib
import hmac

TOLERANCE_SECONDS = 300


def signature_header(*, secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def signature_valid(*, secret: str, header: str, body: bytes, now: int) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    if not parts.get("t", "").isdigit() or abs(now - int(parts["t"])) > TOLERANCE_SECONDS:
        return False
    expected = signature_header(secret=secret, timestamp=int(parts["t"]), body=body)
    return hmac.compare_digest(expected, header)
