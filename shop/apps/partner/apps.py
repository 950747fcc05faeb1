import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked for its strategy: only approved vendors sell.
    Models and migrations stay Oscar's (MIGRATION_MODULES in settings)."""

    name = "shop.apps.partner"
