"""The project's settings: base.py for every deployment, then what differs by environment.

DJANGO_DEBUG=1 selects development.py (make run, make test), anything else
production.py. Every value a deployment changes comes from an environment
variable; .env.example lists them.
"""

from newsroom.settings.base import *  # noqa: F403
from newsroom.settings.base import DEBUG

if DEBUG:
    from newsroom.settings.development import *  # noqa: F403
else:
    from newsroom.settings.production import *  # noqa: F403
