from celery import shared_task

from shop.linkages.figures import linkage_figures_refresh


@shared_task(name="linkages.figures_refresh")
def linkage_figures_refresh_task() -> int:
    """Hourly (beat) and after a deal changes (on commit): rebuilds the published figures
    from the deals that count; safe to run twice."""
    return linkage_figures_refresh()
