"""Security headers beyond Django's own: Permissions-Policy and the editors' CSP."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings

# The readers' policy as a header, built once for the settings it was built from.
_readers_policy: tuple[object, str] = (None, "")


def readers_policy() -> str:
    """The Content-Security-Policy of reader pages (CONTENT_SECURITY_POLICY), built once."""
    global _readers_policy
    config = settings.CONTENT_SECURITY_POLICY
    if _readers_policy[0] is not config:
        _readers_policy = (config, build_policy())
    return _readers_policy[1]


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy for readers; the editors' policy in the admin.

    A page the page cache answered gets the readers' policy built once: no view ran to
    change it (csp_update, a nonce). Building it for each answer was a fifth of a hit's work.
    """

    def process_response(self, request, response):
        if response.get("X-Page-Cache") in {"hit", "stale"}:
            response.setdefault(HEADER, readers_policy())
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.EDITOR_PATHS)
        ):
            parts.config = settings.EDITOR_CONTENT_SECURITY_POLICY
        return parts
