from decimal import Decimal

from django import template
from django.utils.formats import number_format

from vendors.ledger.entries import ledger_entry_note

register = template.Library()

# Choosing another province makes the chosen municipality meaningless.
DEPENDENT_FILTERS = {"province": ("municipality",)}
# A facet shows its most frequent values (and the chosen one); a link asks for all of
# them (`?mostrar=<facet>`): 500 stores are not 500 links on every page.
FACET_VALUES_SHOWN = 10
SHOW_ALL_PARAMETER = "mostrar"


@register.inclusion_tag("vendors/partials/facet.html")
def facet_links(request, name: str, values, title: str, query: str | None = None):
    """Links that add (or remove) one filter value, keeping the others (and `query` as
    the text searched, when given: the suggestion a page shows instead of a slip)."""
    without = request.GET.copy()
    for key in (name, "page", SHOW_ALL_PARAMETER, *DEPENDENT_FILTERS.get(name, ())):
        without.pop(key, None)
    if query:
        without["q"] = query
    encoded = without.urlencode()
    values = list(values)
    shown, show_all_query = values, ""
    if request.GET.get(SHOW_ALL_PARAMETER) != name and len(values) > FACET_VALUES_SHOWN:
        shown = values[:FACET_VALUES_SHOWN]
        shown += [value for value in values[FACET_VALUES_SHOWN:] if value.selected]
        show_all = request.GET.copy()
        show_all.pop("page", None)
        show_all[SHOW_ALL_PARAMETER] = name
        if query:
            show_all["q"] = query
        show_all_query = show_all.urlencode()
    return {
        "name": name,
        "values": shown,
        "hidden": len(values) - len(shown),
        "show_all_query": show_all_query,
        "title": title,
        "base_query": encoded,
        "clear_query": encoded,
    }


@register.filter
def kilograms(value) -> str:
    """A product's weight as a buyer reads it: "0,25 kg", "12 kg" (Spanish notation)."""
    if value in (None, ""):
        return ""
    weight = Decimal(str(value)).normalize()
    return f"{number_format(weight if weight.as_tuple().exponent < 0 else int(weight))} kg"


@register.filter
def ledger_note(entry) -> str:
    return ledger_entry_note(entry)
