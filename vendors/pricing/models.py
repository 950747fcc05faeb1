from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ProductTerms(models.Model):
    """How a store sells one product: at least `minimum_quantity` units, in multiples of
    `order_multiple`. A stock record without a row sells from 1 unit, one by one."""

    stockrecord = models.OneToOneField(
        "partner.StockRecord",
        on_delete=models.CASCADE,
        related_name="wholesale_terms",
        verbose_name=_("stock record"),
    )
    minimum_quantity = models.PositiveIntegerField(_("minimum order quantity"), default=1)
    order_multiple = models.PositiveIntegerField(_("order multiple"), default=1)

    class Meta:
        verbose_name = _("product terms")
        verbose_name_plural = _("product terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_quantity__gte=1) & Q(order_multiple__gte=1),
                name="pricing_terms_positive",
            )
        ]

    def __str__(self):
        return f"{self.stockrecord_id}: ≥{self.minimum_quantity} ×{self.order_multiple}"


class TierPrice(models.Model):
    """From `min_quantity` units on, each unit costs `price` (in the stock record's
    currency, taxes as its price)."""

    stockrecord = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.CASCADE,
        related_name="tier_prices",
        verbose_name=_("stock record"),
    )
    min_quantity = models.PositiveIntegerField(_("from quantity"))
    price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["stockrecord_id", "min_quantity"]
        verbose_name = _("tier price")
        verbose_name_plural = _("tier prices")
        constraints = [
            models.UniqueConstraint(
                fields=["stockrecord", "min_quantity"], name="pricing_tier_unique_break"
            ),
            models.CheckConstraint(
                condition=Q(min_quantity__gte=2) & Q(price__gte=0), name="pricing_tier_valid"
            ),
        ]

    def __str__(self):
        return f"{self.stockrecord_id}: {self.min_quantity}+ @ {self.price}"


class StoreTerms(models.Model):
    """A store's minimum amount for a buyer's first order with it, and for each later one.
    Empty: no minimum."""

    vendor = models.OneToOneField(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="wholesale_terms",
        verbose_name=_("store"),
    )
    first_order_minimum = models.DecimalField(
        _("minimum for a first order"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    reorder_minimum = models.DecimalField(
        _("minimum for a reorder"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("store terms")
        verbose_name_plural = _("store terms")

    def __str__(self):
        return str(self.vendor_id)
