"""The fakes as session fixtures (each on a free loopback port, state empty), and the
payer's part played over HTTP. Import the fixtures into a conftest.py to use them."""

import json
import os
import sys
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from tests.processes import free_port, http_get, running, wait_for


def _fake(module: str, tmp_path_factory):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp(module) / f"{module}.log"
    command = [sys.executable, "-m", f"tests.fakes.{module}", "--port", str(port)]
    with running(command, environment=dict(os.environ), log=log) as process:

        def answering() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"{module} exited:\n{log.read_text(errors='replace')}")
            return http_get(f"{url}/_fake/none")[0] != 0

        wait_for(answering, timeout=20, what=f"{module} on {url}", log=log)
        yield url


@pytest.fixture(scope="session")
def enzona_url(tmp_path_factory):
    yield from _fake("enzona_server", tmp_path_factory)


@pytest.fixture(scope="session")
def transfermovil_url(tmp_path_factory):
    yield from _fake("transfermovil_server", tmp_path_factory)


def post(url: str, data: dict | None = None, *, form: bool = False) -> int:
    if form:
        body = urllib.parse.urlencode(data or {}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
    else:
        body = json.dumps(data or {}).encode()
        headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


def fake_mode(url: str, mode: str = "ok", **settings) -> None:
    post(f"{url}/_fake/mode", {"mode": mode, **settings})


def fake_reset(url: str) -> str:
    """Forget every payment, order and token (the database they matched is gone)."""
    fake_mode(url, "ok", reset=True)
    return url


@contextmanager
def fake_in_mode(url: str, mode: str, **settings):
    fake_mode(url, mode, **settings)
    try:
        yield
    finally:
        fake_mode(url, "ok")


def payer_confirms(link: str, *, action: str = "pay") -> None:
    """What the payer does on the gateway's page the link (or the QR) opens."""
    post(link, {"action": action}, form=True)
