"""The cache as the tests see it."""


def cache_empty() -> None:
    """Empty this test process's cache. On Redis, `cache.clear()` would empty the whole
    database, the other parallel workers' keys included (their next read would miss
    and cost queries they did not count on): delete only this worker's keys."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=cache.make_key("*"), count=1000))
    if keys:
        client.delete(*keys)
