"""What the invoices app refuses."""


class FetchRefused(ValueError):
    """The PDF renderer asked for a resource that is not ours (only our static files
    and data: URIs are fetched)."""
