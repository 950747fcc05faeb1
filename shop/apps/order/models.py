from oscar.apps.order.models import *  # noqa: F403  (Oscar's fork pattern: models unchanged)
