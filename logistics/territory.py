"""Cuba's provinces and municipalities are data: a migration loads them and nothing edits
them. The address forms list them and every checkout page looks up its address's
municipality: they are read from the cache, kept an hour, not from the database."""

from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache

from logistics.models import Municipality, Province

CACHE_KEY = "logistics.territory"
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class Territory:
    provinces: tuple[Province, ...]  # by code
    municipalities: tuple[Municipality, ...]  # with their province, by province code, name

    @cached_property
    def _provinces_by_pk(self) -> dict[int, Province]:
        return {province.pk: province for province in self.provinces}

    @cached_property
    def _municipalities_by_pk(self) -> dict[int, Municipality]:
        return {municipality.pk: municipality for municipality in self.municipalities}

    @cached_property
    def _municipalities_by_name(self) -> dict[tuple[str, str], Municipality]:
        return {
            (municipality.province.name, municipality.name): municipality
            for municipality in self.municipalities
        }

    def province(self, pk: int) -> Province | None:
        return self._provinces_by_pk.get(pk)

    def municipality(self, pk: int) -> Municipality | None:
        return self._municipalities_by_pk.get(pk)

    def municipality_named(self, *, province: str, name: str) -> Municipality | None:
        return self._municipalities_by_name.get((province, name))


def territory() -> Territory:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = Territory(
            provinces=tuple(Province.objects.all()),
            municipalities=tuple(Municipality.objects.select_related("province")),
        )
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached
