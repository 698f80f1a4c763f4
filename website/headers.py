"""Security headers beyond Django's own: Permissions-Policy and the editors' CSP."""

from csp.middleware import CSPMiddleware
from django.conf import settings

from website import stylesheet


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy for readers; the editors' policy in the admin.

    Reader pages carry the site's stylesheet inline: the policy names its hash. The editors'
    policy allows any inline style ('unsafe-inline', which a hash beside it would switch off).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(settings.EDITOR_PATHS):
            parts.config = settings.EDITOR_CONTENT_SECURITY_POLICY
        else:
            parts.update = {**(parts.update or {}), "style-src": [stylesheet.policy_hash()]}
        return parts
