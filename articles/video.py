"""Parse YouTube and Vimeo URLs without any network access.

The exercise video block stores the URL an editor pasted; everything the page
needs (privacy-friendly embed URL, plain watch link for readers without
JavaScript, start time) is derived here so it can be tested on its own.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_SHORT_HOSTS = {"youtu.be", "www.youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")
# "90", "90s", "1m30s", "1h2m3s"
DURATION = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")
# Paths whose next segment is the video id.
YOUTUBE_ID_PREFIXES = ("embed", "shorts", "live", "v", "e")

INVALID_URL_MESSAGE = (
    "Enter a YouTube or Vimeo video link, for example "
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ or https://vimeo.com/76979871."
)


class InvalidVideoURL(ValueError):  # noqa: N818 - reads better at call sites
    """Raised when a URL is not a YouTube or Vimeo video link we understand."""

    def __init__(self, message=INVALID_URL_MESSAGE):
        super().__init__(message)


@dataclass(frozen=True)
class Video:
    """A video on a known provider, with everything needed to show it."""

    provider: str  # "youtube" or "vimeo"
    video_id: str
    start: int = 0  # seconds

    @property
    def provider_name(self):
        return "YouTube" if self.provider == "youtube" else "Vimeo"

    @property
    def embed_url(self):
        """Privacy-friendly player URL, loaded only after the reader clicks."""
        if self.provider == "youtube":
            params = {"autoplay": 1, "rel": 0}
            if self.start:
                params["start"] = self.start
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?{urlencode(params)}"
        url = f"https://player.vimeo.com/video/{self.video_id}?dnt=1&autoplay=1"
        return f"{url}#t={self.start}s" if self.start else url

    @property
    def watch_url(self):
        """The provider's own page, for readers without JavaScript."""
        if self.provider == "youtube":
            suffix = f"&t={self.start}s" if self.start else ""
            return f"https://www.youtube.com/watch?v={self.video_id}{suffix}"
        suffix = f"#t={self.start}s" if self.start else ""
        return f"https://vimeo.com/{self.video_id}{suffix}"


def parse_start(value):
    """Turn "90", "90s" or "1m30s" into seconds; anything else counts as 0."""
    match = DURATION.match((value or "").strip().lower())
    if not match or not any(match.groupdict().values()):
        return 0
    hours, minutes, seconds = (int(match[part] or 0) for part in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds


def parse_video_url(url):
    """Return the `Video` a YouTube or Vimeo URL points at.

    Raises `InvalidVideoURL` for anything else, including look-alike hosts.
    """
    try:
        parts = urlsplit((url or "").strip())
    except ValueError as error:
        raise InvalidVideoURL() from error
    if parts.scheme not in ("http", "https"):
        raise InvalidVideoURL()
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    fragment = parse_qs(parts.fragment)
    segments = [segment for segment in parts.path.split("/") if segment]

    if host in YOUTUBE_HOSTS or host in YOUTUBE_SHORT_HOSTS:
        video_id = _youtube_id(host, segments, query)
        start_value = (
            query.get("t") or query.get("start") or fragment.get("t") or [""]
        )[0]
        return Video("youtube", video_id, parse_start(start_value))
    if host in VIMEO_HOSTS:
        video_id = _vimeo_id(segments)
        start_value = (fragment.get("t") or query.get("t") or [""])[0]
        return Video("vimeo", video_id, parse_start(start_value))
    raise InvalidVideoURL()


def _youtube_id(host, segments, query):
    if host in YOUTUBE_SHORT_HOSTS:
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = (query.get("v") or [""])[0]
    elif len(segments) >= 2 and segments[0] in YOUTUBE_ID_PREFIXES:
        candidate = segments[1]
    else:
        candidate = ""
    if not YOUTUBE_ID.match(candidate):
        raise InvalidVideoURL()
    return candidate


def _vimeo_id(segments):
    # vimeo.com/ID, vimeo.com/channels/name/ID, player.vimeo.com/video/ID ...
    numeric = [segment for segment in segments if VIMEO_ID.match(segment)]
    if not numeric:
        raise InvalidVideoURL()
    return numeric[0]
