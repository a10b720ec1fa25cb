"""What every feed on the site shares: a channel object that carries the
request (item methods only get the item, yet need absolute URLs) and the
channel-level methods of Django's syndication `Feed`."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed

from . import seo


@dataclass
class Channel:
    """One feed: its own details and the request it answers."""

    request: object
    title: str
    description: str
    link: str
    items: list = field(default_factory=list)


class ChannelFeed(Feed):
    """A syndication feed whose `get_object` returns a `Channel`."""

    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.link

    def description(self, channel):
        return channel.description

    def subtitle(self, channel):
        return channel.description

    def feed_url(self, channel):
        return seo.absolute_url(channel.request, channel.request.path)

    def author_name(self, channel):
        return settings.WAGTAIL_SITE_NAME

    def items(self, channel):
        return channel.items
