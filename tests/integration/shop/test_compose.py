"""docker-compose.yml parses, and every service command in it is run here for real."""

import json
import re
import secrets
import shutil
import subprocess
import sys

import pytest
import yaml
from django.core import mail
from django.core.mail import send_mail

from shop.celery import app as celery_app
from shop.mail.models import OutgoingEmail
from tests.processes import (
    COMPOSE_FILE,
    REPOSITORY,
    compose_command,
    compose_services,
    free_port,
    http_get,
    process_environment,
    running,
    wait_for,
)

# service -> the test below that runs its command
SERVICES_RUN_BY_TESTS = {
    "web": "test_web_serves_health_home_and_static_files_with_debug_off",
    "worker": "test_worker_delivers_an_email_queued_by_the_web_process",
    "beat": "test_beat_starts_and_writes_its_schedule",
    "migrate": "test_migrate_builds_a_fresh_database_with_no_missing_migrations",
}


def compose_client() -> list[str] | None:
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def compose_config(*, quiet: bool = True, **environment) -> subprocess.CompletedProcess:
    client = compose_client()
    if client is None:
        pytest.skip("no docker compose client installed (apt-get install docker-compose)")
    return subprocess.run(
        [*client, "-f", str(COMPOSE_FILE), "config", *(["-q"] if quiet else [])],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", **environment},
    )


def test_compose_file_parses():
    result = compose_config(SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr


def settings_seen(script: str, environment: dict):
    """What `script` prints last, run with the app's settings under `environment`."""
    seen = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        env=process_environment(**{key: str(value) for key, value in environment.items()}),
    )
    assert seen.returncode == 0, seen.stderr
    return json.loads(seen.stdout.splitlines()[-1])


SHOW_REDIS_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps([settings.CELERY_BROKER_URL, settings.CELERY_RESULT_BACKEND,
                  settings.CACHES["default"]["LOCATION"],
                  settings.DATABASES["default"]["CONN_MAX_AGE"]]))
"""


@pytest.mark.parametrize("service", ["web", "worker", "beat"])
def test_compose_keeps_the_cache_off_the_task_queues_redis_database(service):
    result = compose_config(quiet=False, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    environment = yaml.safe_load(result.stdout)["services"][service]["environment"]

    assert settings_seen(SHOW_REDIS_SETTINGS, environment) == [
        "redis://redis:6379/0",
        "redis://redis:6379/0",
        "redis://redis:6379/1",
        60,
    ]


def test_compose_refuses_to_start_without_a_secret_key():
    result = compose_config()

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_every_service_command_is_run_by_a_test():
    with_command = {name for name, service in compose_services().items() if "command" in service}

    assert with_command == set(SERVICES_RUN_BY_TESTS)
    assert all(name in globals() for name in SERVICES_RUN_BY_TESTS.values())


def test_services_have_healthchecks():
    services = compose_services()

    assert {name for name, s in services.items() if "healthcheck" in s} == {
        "web",
        "worker",
        "beat",
        "postgres",
        "redis",
        "objectstore",
    }


SHOW_STORAGE_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({name: [storage["BACKEND"], storage.get("OPTIONS", {}).get("bucket_name"),
                         storage.get("OPTIONS", {}).get("endpoint_url")]
                  for name, storage in settings.STORAGES.items() if name != "staticfiles"}))
"""


def test_compose_scales_the_web_tier_out_over_one_object_store():
    result = compose_config(quiet=False, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]

    assert services["web"]["deploy"]["replicas"] >= 2
    # Replicas share nothing on disk: no service of the app mounts a volume for files.
    assert all("volumes" not in services[name] for name in ("web", "worker", "beat"))
    # The object store is a server run by its image, as postgres and redis are.
    assert "command" not in services["objectstore"]
    store = services["objectstore"]["environment"]
    assert {"encadena-media:download", "encadena-private"} == set(
        store["MINIO_DEFAULT_BUCKETS"].split(",")
    )
    for name in ("web", "worker", "beat", "migrate"):
        environment = services[name]["environment"]
        assert "objectstore" in services[name]["depends_on"]
        assert environment["AWS_ACCESS_KEY_ID"] == store["MINIO_ROOT_USER"]
        assert environment["AWS_SECRET_ACCESS_KEY"] == store["MINIO_ROOT_PASSWORD"]
        assert settings_seen(SHOW_STORAGE_SETTINGS, environment) == {
            "default": [
                "storages.backends.s3.S3Storage",
                "encadena-media",
                "http://objectstore:9000",
            ],
            "private": [
                "storages.backends.s3.S3Storage",
                "encadena-private",
                "http://objectstore:9000",
            ],
        }, name


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT as `collectstatic` leaves it in the image (hashed, compressed)."""
    root = tmp_path_factory.mktemp("static")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=REPOSITORY,
        env=process_environment(
            DJANGO_SETTINGS_MODULE="shop.settings.production",
            SECRET_KEY="collectstatic-only",
            STATIC_ROOT=str(root),
        ),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return root


def production_environment(**overrides) -> dict[str, str]:
    return process_environment(
        DJANGO_SETTINGS_MODULE="shop.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        **overrides,
    )


def test_web_serves_health_home_and_static_files_with_debug_off(db, collected_static, tmp_path):
    port = free_port()
    environment = production_environment(
        GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1", STATIC_ROOT=str(collected_static)
    )
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "web.log"

    with running(compose_command("web"), environment=environment, log=log):
        wait_for(lambda: http_get(f"{base}/healthz")[0], timeout=60, what="gunicorn", log=log)
        health_status, health_body, _ = http_get(f"{base}/healthz")
        home_status, home_body, home_headers = http_get(f"{base}/")
        stylesheet = re.search(
            r'href="(/static/storefront/encadena\.[0-9a-f]+\.css)"', home_body.decode()
        )
        css_status, css_body, css_headers = http_get(f"{base}{stylesheet.group(1)}")

    assert health_status == 200
    assert json.loads(health_body)["checks"] == {"database": "ok", "cache": "ok"}
    assert home_status == 200
    assert 'lang="es"' in home_body.decode()
    assert home_headers["X-Frame-Options"] == "DENY"
    assert css_status == 200
    assert b".brand" in css_body
    assert "immutable" in css_headers["Cache-Control"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_delivers_an_email_queued_by_the_web_process(settings, tmp_path):
    settings.EMAIL_BACKEND = "shop.mail.backends.OutboxEmailBackend"
    mail_folder = tmp_path / "mail"
    environment = process_environment(
        DJANGO_SETTINGS_MODULE="shop.settings.test",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_folder),
    )
    log = tmp_path / "worker.log"

    with running(compose_command("worker"), environment=environment, log=log):
        wait_for(lambda: "ready." in log.read_text(), timeout=60, what="worker ready", log=log)
        celery_app.conf.task_always_eager = False
        try:
            send_mail("Bienvenida a Encadena", "Hola, Ana.", None, ["ana@example.test"])
        finally:
            celery_app.conf.task_always_eager = True
        outgoing = OutgoingEmail.objects.get()
        wait_for(
            lambda: OutgoingEmail.objects.filter(pk=outgoing.pk, sent_at__isnull=False).exists(),
            timeout=60,
            what="the worker to deliver the e-mail",
            log=log,
        )

    delivered = [path.read_text() for path in mail_folder.iterdir()]
    assert len(delivered) == 1
    assert "Subject: Bienvenida a Encadena" in delivered[0]
    assert "To: ana@example.test" in delivered[0]
    assert mail.outbox == []  # this process sent nothing itself
    assert "mail.deliver_email" in log.read_text()


@pytest.mark.redis
def test_beat_starts_and_writes_its_schedule(db, tmp_path):
    schedule = tmp_path / "celerybeat-schedule"
    environment = process_environment(
        DJANGO_SETTINGS_MODULE="shop.settings.local",
        CELERY_BEAT_SCHEDULE_FILENAME=str(schedule),
    )
    log = tmp_path / "beat.log"

    with running(compose_command("beat"), environment=environment, log=log):
        wait_for(lambda: "beat: Starting..." in log.read_text(), timeout=60, what="beat", log=log)
        wait_for(
            lambda: any(tmp_path.glob("celerybeat-schedule*")),
            timeout=30,
            what="the schedule file",
            log=log,
        )


@pytest.mark.early
def test_migrate_builds_a_fresh_database_with_no_missing_migrations(tmp_path):
    environment = process_environment(
        DJANGO_SETTINGS_MODULE="shop.settings.local",
        DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    )

    migrate = subprocess.run(
        compose_command("migrate"), cwd=REPOSITORY, env=environment, capture_output=True, text=True
    )
    missing = subprocess.run(
        [compose_command("migrate")[0], "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
    )

    assert migrate.returncode == 0, migrate.stderr
    assert "Applying mail.0001_initial... OK" in migrate.stdout
    assert missing.returncode == 0, missing.stdout + missing.stderr
