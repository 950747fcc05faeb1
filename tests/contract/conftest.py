from tests.fakes.fixtures import enzona_url, transfermovil_url  # noqa: F401  (fixtures)
from tests.localstripe_server import localstripe_url  # noqa: F401  (a fixture)
