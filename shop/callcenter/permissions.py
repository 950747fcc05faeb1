"""Who uses the console. No model imports: settings reference this module."""

from vendors.permissions import is_operator

AGENT_GROUP = "callcenter"


def is_agent(user) -> bool:
    """Call-center agents: active staff in the "callcenter" group."""
    return bool(user.is_active and user.is_staff
                and user.groups.filter(name=AGENT_GROUP).exists())


def console_access(user) -> bool:
    """Agents and their supervisors (operators) use the console."""
    return bool(user.is_authenticated and (is_operator(user) or is_agent(user)))


def console_menu_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar dashboard menu hook."""
    return console_access(user)
