"""Template libraries: Django's templates.W003 warns when two modules share a library
name. Two names are replaced on purpose (TEMPLATES' "libraries"): `currency_filters` and
`url_tags`, so Oscar's templates format money and make links with our one function each.
W003 is silenced for that in the settings; this check keeps its warning for any other
name (shop.W001)."""

from collections import defaultdict

from django.core import checks
from django.template import engines
from django.template.backends.django import DjangoTemplates, get_template_tag_modules

REPLACED_LIBRARIES = {
    "currency_filters": "shop.core.templatetags.money",
    "url_tags": "shop.core.templatetags.links",
}


@checks.register(checks.Tags.templates)
def template_libraries_check(app_configs=None, **kwargs) -> list:
    installed = defaultdict(set)
    for name, path in get_template_tag_modules():
        installed[name].add(path)
    warnings = []
    for engine in engines.all():
        if not isinstance(engine, DjangoTemplates):
            continue
        libraries = defaultdict(set, {name: set(paths) for name, paths in installed.items()})
        for name, path in engine.engine.libraries.items():
            libraries[name].add(path)
        for name, path in REPLACED_LIBRARIES.items():
            if engine.engine.libraries.get(name) == path:
                libraries[name] = {path}
        warnings += [
            checks.Warning(
                f"{name!r} is used for multiple template tag modules: {', '.join(sorted(paths))}",
                obj=engine,
                id="shop.W001",
            )
            for name, paths in libraries.items()
            if len(paths) > 1
        ]
    return warnings
