"""Links from reply-notification emails; included under /comments/."""

from django.urls import path

from . import subscription_views

app_name = "comment_subscriptions"

# The names match tokens.CONFIRM and tokens.UNSUBSCRIBE: emails reverse them
# by purpose (notifications.subscription_url).
urlpatterns = [
    path("confirm/<str:token>/", subscription_views.confirm, name="confirm"),
    path(
        "unsubscribe/<str:token>/", subscription_views.unsubscribe, name="unsubscribe"
    ),
]
