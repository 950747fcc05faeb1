"""The ten lines of Python the README gives receivers accept our signature and refuse a
wrong secret, a changed body and an old timestamp."""

import re
import time
from pathlib import Path

from shop.webhooks.signing import signature_header, signature_valid

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_check():
    text = README.read_text()
    code = re.search(r"```python\n(import hashlib, hmac, time\n.*?)```", text, re.S).group(1)
    assert len(code.strip().splitlines()) <= 10
    namespace = {}
    exec(code, namespace)  # noqa: S102 - our own README
    return namespace["encadena_signature_ok"]


def test_the_readme_check_agrees_with_our_signature():
    check = readme_check()
    body = b'{"id": "e1", "type": "order.placed"}'
    now = int(time.time())
    header = signature_header(secret="s3cret", timestamp=now, body=body)

    assert check("s3cret", header, body)
    assert signature_valid(secret="s3cret", header=header, body=body, now=now)
    assert not check("otro", header, body)
    assert not check("s3cret", header, body + b" ")
    old = signature_header(secret="s3cret", timestamp=now - 3600, body=body)
    assert not check("s3cret", old, body)
    assert not signature_valid(secret="s3cret", header=old, body=body, now=now)
