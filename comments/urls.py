from django.urls import path

from . import csrf, views

app_name = "reader_comments"

urlpatterns = [
    path("post/<int:article_id>/", views.post_comment, name="post"),
    path("report/<int:comment_id>/", views.report_comment, name="report"),
    path("form-tokens/<int:article_id>/", csrf.form_tokens, name="form_tokens"),
]
