from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RequisitionList(models.Model):
    """A named list of products and quantities ("pedido semanal de la panadería").

    Owned by a user today. A company's list will be one more nullable owner column with
    a check that exactly one is set; who may see a list is decided only in
    selectors.lists_for(), so that change touches nothing else."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="requisition_lists",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=120)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("requisition list")
        verbose_name_plural = _("requisition lists")
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="requisition_list_name_unique")
        ]

    def __str__(self):
        return self.name


class RequisitionLine(models.Model):
    """A product from one store and how many of it the list orders."""

    requisition_list = models.ForeignKey(
        RequisitionList, on_delete=models.CASCADE, related_name="lines", verbose_name=_("list")
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, verbose_name=_("product")
    )
    # The store it was chosen from; empty once that store stops selling it.
    stockrecord = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("stock record"),
    )
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("requisition line")
        verbose_name_plural = _("requisition lines")
        constraints = [
            models.UniqueConstraint(
                fields=["requisition_list", "product"], name="requisition_line_product_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="requisition_line_quantity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.product_id}"
