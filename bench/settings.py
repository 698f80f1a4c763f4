"""Production settings plus the framework floor view, for the benchmark only."""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import PRIVATE_PATHS

ROOT_URLCONF = "bench.urls"
PRIVATE_PATHS = (*PRIVATE_PATHS, "/_bench/")
