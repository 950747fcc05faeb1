"""Who does what on the platform, defined once: operators run it, call-center agents
take and fix orders by phone. No model imports: settings reference this module."""

AGENT_GROUP = "callcenter"


def is_operator(user) -> bool:
    """Platform operators: superusers, or staff given vendors.change_vendor.
    Call-center agents are staff too, but not operators."""
    return bool(user.is_active and (user.is_superuser or user.has_perm("vendors.change_vendor")))


def is_agent(user) -> bool:
    """Call-center agents: active staff in the "callcenter" group."""
    return bool(user.is_active and user.is_staff and user.groups.filter(name=AGENT_GROUP).exists())


def console_access(user) -> bool:
    """Agents and their supervisors (operators) use the console."""
    return bool(user.is_authenticated and (is_operator(user) or is_agent(user)))


def operator_menu_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar dashboard menu hook: operator entries for operators only."""
    return is_operator(user)


def console_menu_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar dashboard menu hook: the console's entry for those who use it."""
    return console_access(user)
