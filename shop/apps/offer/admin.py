from oscar.apps.offer.admin import *  # noqa: F403  (Oscar's fork pattern: keep its admin)
