"""The bench's URLs (shop/settings/bench.py): the site's, and its trivial page."""

from django.urls import path

from shop import urls as site
from shop.demo.views import bench_ceiling

handler400 = site.handler400
handler403 = site.handler403
handler404 = site.handler404
handler500 = site.handler500

urlpatterns = [path("bench/ceiling/", bench_ceiling, name="bench-ceiling"), *site.urlpatterns]
