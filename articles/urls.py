from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/<slug:slug>/", views.article_detail, name="article_detail"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
]
