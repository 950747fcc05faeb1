"""EnZona: adapter.py (the PaymentGateway), wire.py (its format on the wire)."""
