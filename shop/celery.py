"""The Celery application: configured from Django settings, tasks autodiscovered.

Without REDIS_URL the settings make every task run eagerly in-process.
Tasks are dispatched with `delay_on_commit` so they never run for a
transaction that has not committed (or that rolls back).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.local")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
