from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article, Person, Source, Topic


def home(request):
    articles = Article.objects.for_listing()[:20]
    return render(request, "articles/home.html", {"articles": articles})


def article_detail(request, pk: int, slug: str):
    article = get_object_or_404(Article.objects.select_related("source", "via"), pk=pk)
    if slug != article.slug:
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article})


def person_detail(request, slug: str):
    person = get_object_or_404(Person, slug=slug)
    return render(request, "articles/person_detail.html", {"person": person})


def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "articles/topic_detail.html", {"topic": topic})


def source_detail(request, slug: str):
    source = get_object_or_404(Source, slug=slug)
    return render(request, "articles/source_detail.html", {"source": source})
