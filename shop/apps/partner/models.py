from oscar.apps.partner.models import *  # noqa: F403  (Oscar's fork pattern: models unchanged)
