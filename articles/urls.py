from django.urls import path

from articles import api, feeds, views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/feed/", feeds.LatestArticlesFeed(), name="latest_feed"),
    path("articles/<int:pk>/<slug:slug>/", views.article_detail, name="article_detail"),
    path("search/", views.search_page, name="search"),
    path("search/feed/", feeds.SearchFeed(), name="search_feed"),
    path("quotes/", views.quote_list, name="quote_list"),
    path("quotes/<int:pk>/", views.quote_detail, name="quote_detail"),
    path("quotes/<int:pk>/cite.<str:fmt>", views.quote_citation, name="quote_citation"),
    path("people/", views.person_list, name="person_list"),
    path("people/suggest/", views.person_suggest, name="person_suggest"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("people/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
    path("sources/<slug:slug>/feed/", feeds.SourceFeed(), name="source_feed"),
    path("api/", api.index, name="api_index"),
    path("api/articles/", api.articles, name="api_articles"),
    path("api/articles/<int:pk>/", api.article, name="api_article"),
    path("api/quotes/", api.quotes, name="api_quotes"),
    path("api/quotes/<int:pk>/", api.quote, name="api_quote"),
    path("api/people/", api.people, name="api_people"),
    path("api/outlets/", api.outlets, name="api_outlets"),
    path("api/topics/", api.topics, name="api_topics"),
]
