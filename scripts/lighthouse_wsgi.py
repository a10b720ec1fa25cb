"""The site plus its uploaded media, for `make lighthouse` only.

In production uploads are served by the web server or a storage service;
here WhiteNoise serves MEDIA_ROOT (re-checked per request, as image
renditions are made while pages render) so the audited page is complete."""

from django.conf import settings
from whitenoise import WhiteNoise

from runningblog.wsgi import application as site

# Long-lived, as a production media server or storage should send them:
# rendition file names change whenever the image or its crop changes.
application = WhiteNoise(site, autorefresh=True, max_age=60 * 60 * 24 * 365)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
