import json
import subprocess
import sys

from tests.processes import REPOSITORY, free_port, process_environment

PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client(HTTP_HOST="127.0.0.1").get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def healthz_in_a_process(**environment) -> dict:
    """/healthz answered by a fresh process configured with `environment`."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPOSITORY,
        env=process_environment(DJANGO_SETTINGS_MODULE="shop.settings.local", **environment),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_is_ok_when_database_and_cache_answer(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
        "failing": [],
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_the_cache_when_redis_is_down(client, db, settings):
    closed_port = free_port()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["cache"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("error: ")


def test_healthz_names_the_database_when_it_is_down():
    closed_port = free_port()

    answer = healthz_in_a_process(
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{closed_port}/x", REDIS_URL=""
    )

    assert answer["status"] == 503
    assert answer["body"]["failing"] == ["database"]
    assert answer["body"]["checks"]["cache"] == "ok"


def test_healthz_names_both_when_both_are_down():
    closed_port = free_port()

    answer = healthz_in_a_process(
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{closed_port}/x",
        REDIS_URL=f"redis://127.0.0.1:{closed_port}/0",
    )

    assert answer["status"] == 503
    assert answer["body"]["failing"] == ["database", "cache"]


def test_healthz_refuses_other_methods(client, db):
    assert client.post("/healthz").status_code == 405
