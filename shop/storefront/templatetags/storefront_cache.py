"""{% cache_shared %}: Django's {% cache %} for fragments that are the same for everyone but
hold forms: the fragment is cached with a stand-in for the CSRF token, and each response gets
its own visitor's token in its place (and the cookie that goes with it)."""

from django import template
from django.templatetags.cache import CacheNode

from shop.storefront.csrf import CSRF_STAND_IN

register = template.Library()


class SharedCacheNode(CacheNode):
    def render(self, context):
        with context.push(csrf_token=CSRF_STAND_IN):
            html = super().render(context)
        if CSRF_STAND_IN not in html:
            return html
        return html.replace(CSRF_STAND_IN, str(context.get("csrf_token", "")))


@register.tag("cache_shared")
def do_cache_shared(parser, token):
    """{% cache_shared timeout name [vary_on …] %} … {% endcache_shared %}, read as
    Django's {% cache %} reads its arguments."""
    nodelist = parser.parse(("endcache_shared",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise template.TemplateSyntaxError(f"{tokens[0]!r} needs a timeout and a name.")
    return SharedCacheNode(
        nodelist,
        parser.compile_filter(tokens[1]),
        tokens[2],
        [parser.compile_filter(argument) for argument in tokens[3:]],
        None,
    )
