from rest_framework.pagination import CursorPagination


class NewestFirstCursor(CursorPagination):
    """Stable pages however rows are added meanwhile: `?cursor=` from `next`."""

    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = "-pk"
