"""Who runs the platform. No model imports: settings reference this module."""


def is_operator(user) -> bool:
    """Platform operators: superusers, or staff given vendors.change_vendor.
    Call-center agents are staff too, but not operators."""
    return bool(user.is_active and (user.is_superuser or user.has_perm("vendors.change_vendor")))


def operator_menu_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar dashboard menu hook: show operator entries to operators only."""
    return is_operator(user)
