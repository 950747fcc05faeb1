"""Render N one-page invoices in this process: ms per invoice (warm) and memory."""

import statistics
import time
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand

from shop.invoices.rendering import document_pdf_render

WARM_UP = 5


def resident_memory_mb() -> float:
    """This process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sample_snapshot(index: int) -> dict:
    lines = [
        {
            "title": f"Producto de prueba {n}",
            "sku": f"SKU-{n:04d}",
            "quantity": n,
            "unit_price": "125.50",
            "total": str(Decimal("125.50") * n),
        }
        for n in range(1, 9)
    ]
    return {
        "number": f"F2026-{index:06d}",
        "series": "F2026",
        "sequence": index,
        "issued_at": "2026-01-15T10:00:00-05:00",
        "issued_on": "2026-01-15",
        "verification_code": f"bench-{index:06d}",
        "order_number": "100001",
        "vendor_order_number": "100001-1",
        "issuer": {
            "legal_name": "Dulcería La Habana S.R.L.",
            "trade_name": "Dulcería",
            "actor_type": "mipyme_privada",
            "actor_type_label": "MIPYME privada",
            "nit": "01234567890",
            "address": "Calle 70 No. 4512",
            "municipality": "Playa",
            "province": "La Habana",
        },
        "recipient": {
            "name": "Ana Pérez",
            "address": "Calle 23, Vedado, La Habana",
            "company_name": "",
            "company_nit": "",
        },
        "lines": lines,
        "delivery_name": "Mensajería",
        "delivery_charge": "150.00",
        "goods": "4518.00",
        "tax_percent": "0.00",
        "tax_base": "4668.00",
        "tax": "0.00",
        "total": "4668.00",
        "currency": "CUP",
        "total_in_words": "cuatro mil seiscientos sesenta y ocho pesos con 00/100 CUP",
        "payment_method": "Pago contra entrega",
    }


class Command(BaseCommand):
    help = "Render N one-page invoices in one process; print ms per invoice and memory."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=500)

    def handle(self, *args, count: int, **options):
        for index in range(WARM_UP):
            document_pdf_render(
                snapshot=sample_snapshot(index),
                verification_url="https://encadena.test/facturas/verificar/x/",
            )
        warm_memory = resident_memory_mb()
        timings, checkpoints = [], []
        for index in range(count):
            started = time.perf_counter()
            document_pdf_render(
                snapshot=sample_snapshot(index),
                verification_url=f"https://encadena.test/facturas/verificar/bench-{index:06d}/",
            )
            timings.append((time.perf_counter() - started) * 1000)
            if (index + 1) % max(count // 5, 1) == 0:
                checkpoints.append(f"{index + 1}: {resident_memory_mb():.0f} MB")
        timings.sort()
        self.stdout.write(
            f"invoices rendered: {count} (after {WARM_UP} warm-up renders)\n"
            f"ms per invoice: mean {statistics.fmean(timings):.1f}, "
            f"median {statistics.median(timings):.1f}, "
            f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f}\n"
            f"resident memory: {warm_memory:.0f} MB warm, {resident_memory_mb():.0f} MB at the "
            f"end (growth {resident_memory_mb() - warm_memory:+.0f} MB); "
            f"peak {peak_memory_mb():.0f} MB\n"
            f"memory along the way: {', '.join(checkpoints)}"
        )
