"""Production settings plus the framework floor view, for the benchmark only."""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import PAGE_CACHE_EXCLUDED_PATHS

ROOT_URLCONF = "bench.urls"
PAGE_CACHE_EXCLUDED_PATHS = (*PAGE_CACHE_EXCLUDED_PATHS, "/_bench/")
