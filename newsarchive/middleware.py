"""NewsArchive's own middleware, each listed in settings.MIDDLEWARE."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """settings.CONTENT_SECURITY_POLICY on every response: pages, admin, error pages, feeds.

    The policy is fixed: no nonces or per-view changes are needed, because no template of ours or
    of the admin has an inline script, event handler or style attribute.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        # DEBUG's technical 404/500 pages are inline scripts and styles; they never reach production.
        if self.policy and not (settings.DEBUG and response.status_code in (404, 500)):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
