import pytest

from articles.video import InvalidVideoURL, Video, parse_start, parse_video_url

YT = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://www.youtube.com/watch?v={YT}", Video("youtube", YT)),
        (f"https://youtube.com/watch?v={YT}&t=90", Video("youtube", YT, 90)),
        (f"https://m.youtube.com/watch?feature=share&v={YT}", Video("youtube", YT)),
        (f"https://youtu.be/{YT}", Video("youtube", YT)),
        (f"https://youtu.be/{YT}?t=1m30s", Video("youtube", YT, 90)),
        (f"https://www.youtube.com/shorts/{YT}", Video("youtube", YT)),
        (f"https://www.youtube.com/embed/{YT}?start=42", Video("youtube", YT, 42)),
        (f"https://www.youtube-nocookie.com/embed/{YT}", Video("youtube", YT)),
        (f"https://www.youtube.com/live/{YT}", Video("youtube", YT)),
        (f"http://www.youtube.com/watch?v={YT}#t=1h2m3s", Video("youtube", YT, 3723)),
        ("https://vimeo.com/76979871", Video("vimeo", "76979871")),
        ("https://vimeo.com/76979871#t=2m", Video("vimeo", "76979871", 120)),
        ("https://player.vimeo.com/video/76979871", Video("vimeo", "76979871")),
        (
            "https://vimeo.com/channels/staffpicks/76979871",
            Video("vimeo", "76979871"),
        ),
        (f"  https://youtu.be/{YT}  ", Video("youtube", YT)),
    ],
)
def test_common_url_forms_are_understood(url, expected):
    assert parse_video_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "not a url",
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UCabcdefghijk",
        "https://vimeo.com/about",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "ftp://youtu.be/dQw4w9WgXcQ",
        "https://[::1",
    ],
)
def test_other_urls_are_rejected_with_a_clear_message(url):
    with pytest.raises(InvalidVideoURL, match="Enter a YouTube or Vimeo video link"):
        parse_video_url(url)


def test_youtube_embed_uses_nocookie_host_and_keeps_start():
    video = Video("youtube", YT, 90)
    assert video.embed_url == (
        f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1&rel=0&start=90"
    )
    assert video.watch_url == f"https://www.youtube.com/watch?v={YT}&t=90s"


def test_vimeo_embed_sets_do_not_track():
    video = Video("vimeo", "76979871", 30)
    assert video.embed_url == (
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=30s"
    )
    assert video.watch_url == "https://vimeo.com/76979871#t=30s"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("90", 90), ("90s", 90), ("1m30s", 90), ("2h", 7200), ("", 0), ("abc", 0)],
)
def test_start_times(value, seconds):
    assert parse_start(value) == seconds
