"""What pages of several apps share about who may see them."""

from django.http import Http404

from shop.core.roles import is_operator


class OperatorOnlyMixin:
    """An operator's page: to anyone else it does not exist (404)."""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and is_operator(request.user)):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
