from django import template

from logistics.delivery import basket_vendor_parts

register = template.Library()


@register.simple_tag
def basket_vendor_groups(basket, formset):
    """The basket formset's forms grouped by vendor part: [(part, [(index, form)])].
    The index is the form's place in the formset, which the remove link needs."""
    forms_by_line = {form.instance.pk: (index, form) for index, form in enumerate(formset)}
    return [
        (part, [forms_by_line[line.pk] for line in part.lines if line.pk in forms_by_line])
        for part in basket_vendor_parts(basket=basket)
    ]
