"""Requisition lists: named lists of products and quantities that a buyer reorders in
one click, across stores, each line priced and checked with today's terms."""
