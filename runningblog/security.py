"""Content-Security-Policy for the site.

Public pages get a strict policy: scripts and styles only from this site
(all of ours are static files; there is no inline script to allow), no
plugins, forms that post only here, and frames only from the two
privacy-friendly video players the click-to-play facade loads. The Wagtail
admin relies on inline scripts, so under /admin/ only the parts that do not
restrict scripts are sent (framing, plugins, base URL).

Django 5.2 has no CSP support of its own (it arrives in 6.0); this small
middleware keeps the policy in one place instead of adding django-csp."""

from django.conf import settings

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # 'self', not 'none': Wagtail's preview shows the page in an admin iframe.
    "frame-ancestors": ["'self'"],
}

ADMIN_POLICY = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def header_value(policy):
    """The policy as a header value: `directive source source; ...`."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Add the Content-Security-Policy header unless a view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = header_value(PUBLIC_POLICY)
        self.admin = header_value(ADMIN_POLICY)
        self.admin_prefixes = tuple(getattr(settings, "CSP_RELAXED_PATHS", ()))

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            relaxed = request.path.startswith(self.admin_prefixes)
            response["Content-Security-Policy"] = self.admin if relaxed else self.public
        return response
