"""Loopback fakes of the payment gateways that cannot be reached from here (EnZona,
Transfermóvil), written from their public documentation. The tests start them on a free
port (fixtures.py); `make run` starts them for the demo. Each one keeps its state in
memory and has a page where the "payer" confirms, and `/_fake/` controls for tests."""
