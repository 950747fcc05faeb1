from oscar.apps.offer.models import *  # noqa: F403  (Oscar's fork pattern: models unchanged)
