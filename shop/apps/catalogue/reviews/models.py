from oscar.apps.catalogue.reviews.models import *  # noqa: F403  (Oscar's fork pattern: models unchanged)
