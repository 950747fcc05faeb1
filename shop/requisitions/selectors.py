"""Who sees which lists, and a list with what its page shows, in a fixed number of
queries."""

from django.db.models import Count, Prefetch, QuerySet

from shop.requisitions.models import RequisitionLine, RequisitionList


def lists_for(*, user) -> QuerySet:
    """The lists `user` may see and reorder: their own (a company's lists, later)."""
    if not getattr(user, "is_authenticated", False):
        return RequisitionList.objects.none()
    return RequisitionList.objects.filter(user=user).annotate(num_lines=Count("lines"))


def list_for(*, user, pk: int) -> RequisitionList:
    """Raises RequisitionList.DoesNotExist for another's list: it does not exist here."""
    return (
        lists_for(user=user)
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=RequisitionLine.objects.select_related(
                    "product", "stockrecord__partner__vendor"
                ),
            )
        )
        .get(pk=pk)
    )
