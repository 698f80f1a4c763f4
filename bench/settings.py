"""Production settings plus the framework floor view, for the benchmark only."""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import MIDDLEWARE, PRIVATE_PATHS

ROOT_URLCONF = "bench.urls"
PRIVATE_PATHS = (*PRIVATE_PATHS, "/_bench/")
# Which gunicorn worker answered (X-Worker), so the editor's checks can reach each of them.
MIDDLEWARE = ["bench.urls.WorkerHeaderMiddleware", *MIDDLEWARE]
