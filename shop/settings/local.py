"""Settings for a developer's machine: `make run` and `manage.py` use these."""

from shop.settings.base import *  # noqa: F403
from shop.settings.environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed key is only acceptable while DEBUG is on; production.py refuses to start without one.
SECRET_KEY = env_str("SECRET_KEY") or "insecure-local-development-key-never-used-in-production"
# WhiteNoise expects STATIC_ROOT to exist even while it serves from the finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
