"""Oscar's e-mails write `{% absolute_url site.domain path %}` (oscar.templatetags.url_tags):
the settings register this module as the `url_tags` library, so those links point at
`settings.SITE_URL` too, never at the Site's stored domain."""

from django import template

from shop.core.links import absolute_url as site_absolute_url

register = template.Library()


@register.simple_tag
def absolute_url(domain, path):  # noqa: ARG001 - Oscar passes the Site's domain; unused
    return site_absolute_url(path)
