"""Messages of Oscar's that its Spanish catalogue lacks. Listed here so `make messages`
extracts them into ours; Django then uses our translation for Oscar's own string."""

from django.utils.translation import gettext_noop

OSCAR_MESSAGES = (
    # Oscar shows this when a basket line is raised above the stock, one line or several.
    gettext_noop("Available stock is only %(max)d, which has been exceeded because multiple "
                 "lines contain the same product."),
)
