"""Stock: the guarded promise of units to purchases, adjustments, low-stock digests."""
