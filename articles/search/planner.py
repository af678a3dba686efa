"""Which pass fetches the first cap + 1 matches of a search, chosen from the planner's estimates.

The plan is chosen by PostgreSQL's estimates (one EXPLAIN, nothing read): few enough matches
(BITMAP_MAX_ESTIMATE) and they come from the GIN index (first among the newest articles when there
are many, see _collect()), are sorted by date and cut; more, and article_published_idx is walked,
testing each row's document, which finds cap + 1 common-word matches after a few thousand rows. A
topic alone, or a word inside a topic when that reads less than collecting the word's matches, walks the
topic's links by date (plans.walk_links()); with another filter too, a small topic's articles are taken by
date and tested in turn. Common
words with an outlet or year: walked by date too (the planner then walks that facet's index:
collecting them read a 200,000-entry GIN posting list first, ~50 ms). Common words with a person:
their mentions are walked by date (plans.walk_links()) when that reads less than collecting.

After a timeout (`fallback`, whose limit is small) matches are walked by date, except for words the
estimate does not call common: those are looked for among the newest 2%, then 10% of the articles
(FALLBACK_WINDOWS) only, which is cheaper than a walk reading ~6,000 documents for 101 matches.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from articles.models import Article, ArticleTopic, Mention
from articles.search import plans
from articles.search.estimates import estimated_matches, estimated_rows, newest_share
from articles.search.pagination import CAP
from articles.search.text import has_search_words

if TYPE_CHECKING:
    from articles.search.api import SearchRequest

# Up to this many estimated matches, collecting every match from the GIN index and sorting them
# beats walking article_published_idx and testing each row's document (EXPLAIN ANALYZE at 1M
# articles, warm: 16,700 matches take 70 ms by bitmap, 7.7 s by walk; a 30% word is found
# after ~3,300 rows by walk, 300,000 by bitmap).
BITMAP_MAX_ESTIMATE = 60_000
# Above this many estimated matches the index-collecting plan first looks only among the newest
# articles (a date window, see _window_for()): reading every match's row for its date was most of
# a mid-frequency word's time (16,554 matches: 15,953 heap pages for 1,001 kept). Above the
# planner's guess for a word it has no statistics on (0.5% of the articles: rare words, names).
WINDOW_MIN_ESTIMATE = 12 * CAP
# The window holds this many times the articles the estimate says are needed for cap + 1 matches,
# and at most this share of the archive: its bitmap, from article_published_idx, costs ~0.3 us an
# article (random pages), so a wider window costs about what the heap pages it saves did.
WINDOW_MARGIN = 1.5
WINDOW_MAX_SHARE = 0.15
# PostgreSQL walks article_published_idx for the first `limit` matches of words it estimates in share s of the
# `total` articles when s * s * total / limit >= PLANNER_WALK_COST: the walk reads ~limit / s rows, collecting
# s * total, so the share it walks from falls with the square root of the archive (_planner_walks()). Fitted on
# the 1M bench (random_page_cost 1.1; EXPLAIN of one word, ~100 words): walked from 0.5-1.5% with LIMIT 101,
# 1.7-2.0% with 1001, 5.3-6.0% with 10,001 (as 1001 in a 100,000-article archive); a constant 2% was right at
# 1M only, and would have walked a 3% name in 100,000 articles that PostgreSQL collects without a window. A
# name's words are walked only then (_name_walked()): "Tobias Presil", in 20% of the articles and estimated in
# 4.3%, 11-22 ms walked, 43-93 ms collected within a window (PostgreSQL time, warm), whose bitmap reads both
# words' 200,000-entry lists. In a small archive (the tests') no name is over BITMAP_MAX_ESTIMATE: never walked.
PLANNER_WALK_COST = 0.34
# The fallback (after a timeout) first looks among these shares of the newest (oldest) articles.
FALLBACK_WINDOWS = (0.02, 0.1)
# With a person filter, a word at least this common (share of all articles, by the estimate) is
# found by walking the person's mentions newest first (plans.walk_links()).
PERSON_WALK_MIN_SHARE = 0.5
# A less common word too, when walking costs less (_walk_links_pays()): the walk reads about limit / share of
# the person's articles (all of them when fewer match), ~7 us each (the article, its words tested, its mention
# probed); collecting reads every match, share of their articles (their name's words come with them), ~6 us
# each, after the word's GIN posting list, ~0.036 us an entry. Fitted on the bench's eight person searches at
# 1M articles (PostgreSQL CPU, warm): "police" in 21% of the articles with a person named in 34,800 was
# collected (7,918 matches, 57 ms, cancelled at the time limit on a loaded machine) and is walked (4,700
# mentions, 33 ms); "government" and "minister" with people named in ~5,500 stay collected (17 vs 27 ms,
# 13 vs 30), rare words too (3 vs 27-290 ms). A topic's links likewise (the topic alone), but collecting
# reads every match of the word (the topic is no word): a 4.7% word in the 14,698-article topic was collected
# (47,000 matches, 285-383 ms, cut at the limit). Both passes cost less there (walk ~3.5-4.5 us a link, collect
# ~2.5-3 us a match, warm), but the same ratio: the six topic searches timed choose the faster pass (walked: 4.7%
# words in the smallest and largest topics 48-69 vs 104-120 ms, 104 vs 135-143; a 1.8% word in the smallest
# 46-49 vs 51-58; collected: that word in a 25,004-article topic 62 vs 115, a 1.6% word in a 16,917 one 49-65 vs
# 58-76, a name the planner puts at 1,271 in the smallest topic 40 vs 68-71).
WALK_ROW_US = 7.0
COLLECT_ROW_US = 6.0
GIN_ENTRY_US = 0.036


def first_matches(request: SearchRequest, *, limit: int, fallback: bool = False) -> list[tuple]:
    """The first `limit` matches of `request` by date (newest, or oldest for sort=oldest), with their
    rank when the request is ranked: rows (id, published, outlet slug, outlet name, copy_outlets[, rank])."""
    if request.sort == "oldest" and request.dated is None:
        # The undated last (issue 14.6): the dated matches, then the undated when the dated were all found
        # (fewer than `limit`, not cut short by the fallback's windows) and any match. Each pass reads the date
        # index as the newest-first order does, backwards, where the undated would come first.
        rows = first_matches(dataclasses.replace(request, dated=True), limit=limit, fallback=fallback)
        undated = dataclasses.replace(request, dated=False)
        if len(rows) < limit and not fallback and matching(undated).exists():
            rows += first_matches(undated, limit=limit - len(rows), fallback=fallback)
        return rows
    matches = matching(request)
    if fallback:
        return _after_timeout(matches, request, limit=limit)
    if request.topic and (request.text or set(request.filters) == {"topic"}):
        return _within_topic(matches, request, limit=limit)
    if request.text and (request.source or request.person or request.year or request.language):
        return _with_facets(matches, request, limit=limit)
    return _by_estimate(matches, request, limit=limit)


def matching(request: SearchRequest) -> QuerySet:
    """The articles `request` asks for, unordered: its words and every filter.

    A person is a join: left alone, the planner reads the document of each of their articles. Their
    name narrows the words in the index too (naming(): a superset of the articles mentioning them)
    when it has words the index knows.
    """
    matches = _filtered(Article.objects.search(request.text) if request.text else Article.objects.all(), request)
    if request.text and request.person and has_search_words(request.person.name, parser="plainto_tsquery"):
        matches = matches.naming(request.person)
    return matches


def matching_every_copy(request: SearchRequest) -> QuerySet:
    """The articles `request`'s filters (no outlet) match were each wire copy listed, not only a story's
    head: what a link narrowing the search to a copy's outlet lists, but for the words (facets.facets()
    counts the copies in it). The words are left out: testing them reads each copy's document, 20-55 us
    apiece, +7-13 ms a page for 1,000 matches a quarter of which had copies; a copy keeps most of its
    head's text (articles/wire.py), the filters are its own links and columns, read from indexes."""
    return _filtered(Article.objects.all(), request, every_copy=True)


def _filtered(articles: QuerySet, request: SearchRequest, *, every_copy: bool = False) -> QuerySet:
    """`articles` narrowed by the request's outlet, person, topic, year and language."""
    if request.source:
        articles = articles.filter(source=request.source)
    if request.person:
        articles = articles.mentioning(request.person)
    if request.topic:
        articles = articles.filter(topics=request.topic)
    if request.year:
        articles = articles.filter(published__year=request.year)
    if request.language:
        articles = articles.filter(language=request.language)
    if request.dated is not None:
        articles = articles.filter(published__isnull=not request.dated)
    if request.source or every_copy:
        return articles  # the outlet's own copy of a wire story, as its page lists it
    # A wire story once, its head carrying "also published by N outlets"; with a person, the first of its
    # articles naming them (ArticleQuerySet.mentioning(): a copy when only its outlet named them).
    return articles.one_per_story()


def _by_estimate(matches: QuerySet, request: SearchRequest, *, limit: int) -> list[tuple]:
    """Words alone, or filters alone: from the index when few enough match, else walked by date.

    Words that name a person (request.named) match at least the articles naming them (the search
    document carries the names of the people mentioned), which the planner, taking the words for
    independent, can put 10 times too low ("Ingrid Kalriorvisez" at 1M articles: 7,033 for 70,844), so
    every match was collected and sorted (64,000 heap pages, 155-333 ms, cut at the time limit). Their
    mentions, estimated in the same EXPLAIN, size the date window instead (2,600 pages, 22-41 ms), and
    a name in more than BITMAP_MAX_ESTIMATE articles is walked when _name_walked() says so.
    """
    if request.named:
        estimate, total, named = estimated_rows(
            matches, Article.objects.all(), Mention.objects.filter(person=request.named)
        )
    else:
        estimate, total, named = estimated_matches(matches), 0.0, 0.0
    if estimate <= BITMAP_MAX_ESTIMATE and not _name_walked(estimate, total, named, limit=limit):
        return _collect(matches, request, limit=limit, estimate=max(estimate, named))
    return plans.walk_by_date(matches, _rank_text(request), oldest=_oldest(request), limit=limit)


def _name_walked(estimate: float, total: float, named: float, *, limit: int) -> bool:
    """Whether a name's words, in `named` articles by their person's mentions but `estimate` by the planner,
    are walked by date: when they are common (over BITMAP_MAX_ESTIMATE) and the planner's own estimate is
    one for which PostgreSQL walks article_published_idx itself (walk_by_date's plan is its own choice):
    _planner_walks(). Otherwise it collects every match, and a window does better ("Idris Visdorson",
    10% of the articles, estimated 1.3%: 354 ms by walk_by_date, 37-49 ms within a window)."""
    return named > BITMAP_MAX_ESTIMATE and _planner_walks(estimate, total, limit=limit)


def _planner_walks(estimate: float, total: float, *, limit: int) -> bool:
    """Whether PostgreSQL walks article_published_idx for the first `limit` of `estimate` matches in `total`
    articles rather than collecting them all (see PLANNER_WALK_COST)."""
    return estimate * estimate >= PLANNER_WALK_COST * total * limit


def _with_facets(matches: QuerySet, request: SearchRequest, *, limit: int) -> list[tuple]:
    """Words with an outlet, person, year or language (no topic).

    The words alone are estimated too, in the same EXPLAIN: the planner takes them for independent
    of the facets (and a person's name for independent of their mentions), so the joint estimate
    can be 100 times too low; with a person, the articles naming them are estimated too (their mentions).
    Common words are walked by date (their mentions, for a person: _walk_links_pays())."""
    person = [Mention.objects.filter(person=request.person)] if request.person else []  # their articles
    estimate, word_estimate, total, *named = estimated_rows(
        matches, Article.objects.search(request.text), Article.objects.all(), *person
    )
    common_words = word_estimate > BITMAP_MAX_ESTIMATE
    share = word_estimate / max(total, 1.0)  # collecting reads the matches naming them: share of theirs
    if request.person and _walk_links_pays(word_estimate, total, named[0], collected=share * named[0], limit=limit):
        return plans.walk_links(
            matches, "person", request.person.pk, _rank_text(request), oldest=_oldest(request), limit=limit
        )
    if estimate <= BITMAP_MAX_ESTIMATE and not (common_words and not request.person):
        return _collect(matches, request, limit=limit, estimate=estimate)
    return plans.walk_by_date(matches, _rank_text(request), oldest=_oldest(request), limit=limit)


def _walk_links_pays(word_estimate: float, total: float, linked: float, *, collected: float, limit: int) -> bool:
    """Whether walking a person's mentions or a topic's links (`linked` articles, by the estimate) finds the first
    `limit` matches of a word in `word_estimate` of the `total` articles for less than collecting them (reading
    `collected` matches' rows): always for a word in PERSON_WALK_MIN_SHARE of the articles; else by the costs
    measured (see WALK_ROW_US)."""
    share = word_estimate / max(total, 1.0)
    if share >= PERSON_WALK_MIN_SHARE:
        return True
    walked = min(limit / share, linked) if share > 0 else linked
    return WALK_ROW_US * walked < GIN_ENTRY_US * word_estimate + COLLECT_ROW_US * collected


def _within_topic(matches: QuerySet, request: SearchRequest, *, limit: int) -> list[tuple]:
    """Words with a topic (a join, like a person), or a topic alone: rare words' index matches intersected
    with the filters' articles; else, the topic the only filter, its links walked in date order
    (topic_link_published_idx), each article tested; with other filters too, the filters' articles sorted
    then tested when few, or else a walk by date.

    Before the links carried their article's date (migration 0044) a topic's articles were each read and
    sorted: at 1M articles, a topic alone 60-341 ms, a common word in one 146-557 ms (cut at the time limit);
    walked, 7-11 and 9-58 ms. A less common word in a small topic (the only filter) is walked too when that
    reads less than collecting every match (_walk_links_pays(); the topic's links estimated in the same EXPLAIN)."""
    topic_alone = set(request.filters) == {"topic"}
    if request.text:
        words = Article.objects.search(request.text)
        linked = [ArticleTopic.objects.filter(topic=request.topic)] if topic_alone else []
        estimate, total, *topic = estimated_rows(words, Article.objects.all(), *linked)
        walked = topic_alone and _walk_links_pays(estimate, total, topic[0], collected=estimate, limit=limit)
        if estimate <= BITMAP_MAX_ESTIMATE and not walked and topic_alone:
            # The article's own conditions (wire copies, dated or not) tested on the rows collected, and the topic's
            # links alone probed: the facet's articles probed each match's article again (16,961 matches of a
            # name: 83 ms, half of it those probes).
            collected = _filtered(words, dataclasses.replace(request, topic=None))
            return _collect(collected, request, limit=limit, estimate=estimate, within=linked[0].values("article_id"))
        if estimate <= BITMAP_MAX_ESTIMATE and not walked:
            within = _filtered(Article.objects.all(), request).values("pk")
            return _collect(words, request, limit=limit, estimate=estimate, within=within)
    if topic_alone:
        rank_text = _rank_text(request)
        return plans.walk_links(matches, "topic", request.topic.pk, rank_text, oldest=_oldest(request), limit=limit)
    facet = _filtered(Article.objects.all(), request)
    if estimated_matches(facet) <= BITMAP_MAX_ESTIMATE:
        return plans.sort_then_test(facet, request.text, ranked=request.ranked, oldest=_oldest(request), limit=limit)
    return plans.walk_by_date(matches, _rank_text(request), oldest=_oldest(request), limit=limit)


def _after_timeout(matches: QuerySet, request: SearchRequest, *, limit: int) -> list[tuple]:
    """The fallback's pass: date windows for words the estimate does not call common (see
    _in_fallback_windows()), else a walk by date."""
    rows = None
    if estimated_matches(matches) <= BITMAP_MAX_ESTIMATE:  # not for common words
        rows = _in_fallback_windows(matches, oldest=_oldest(request), limit=limit)
    if rows is None:
        rows = plans.walk_by_date(matches, _rank_text(request), oldest=_oldest(request), limit=limit)
    return rows


def _collect(
    words: QuerySet, request: SearchRequest, *, limit: int, estimate: float, within: QuerySet | None = None
) -> list[tuple]:
    """plans.collect(), first among the newest (oldest) articles when there are many matches.

    With many matches (`estimate`), a date range from article_published_idx is ANDed with the words'
    bitmap, so only the matches inside it have their row read. When it holds `limit` matches they are
    exactly the first `limit` of all (every match outside it is older, or newer); otherwise the
    statement runs again without the window.
    """
    oldest, rank_text = _oldest(request), _rank_text(request)
    many = estimate and estimate >= WINDOW_MIN_ESTIMATE
    window = _window_for(estimate, limit, oldest=oldest, dated=request.dated is True) if many else None
    if window is not None:
        rows = plans.collect(words.filter(window), rank_text, oldest=oldest, limit=limit, within=within)
        if len(rows) >= limit:
            return rows
    return plans.collect(words, rank_text, oldest=oldest, limit=limit, within=within)


def _window_for(estimate: float, limit: int, *, oldest: bool, dated: bool = False) -> Q | None:
    """A condition on `published` keeping about WINDOW_MARGIN times the articles needed for `limit`
    matches, were the estimated matches spread evenly over time: the newest (or, for `oldest`, the
    oldest and undated) articles. None when that is too much of the archive (WINDOW_MAX_SHARE) or
    nothing is known."""
    share = WINDOW_MARGIN * limit / max(estimate, 1.0)
    return None if share > WINDOW_MAX_SHARE else newest_share(share, oldest=oldest, dated=dated)


def _in_fallback_windows(matches: QuerySet, *, oldest: bool, limit: int) -> list[tuple] | None:
    """The first `limit` matches by date among the newest (oldest) FALLBACK_WINDOWS of the archive,
    unranked; fewer when the widest window holds fewer (they are still the newest matches there are,
    and the page says the results are partial); None when nothing is known of the dates.

    The fallback's walk by date reads a document per article until `limit` match: ~6,000 for a
    word in 1.65% of the articles, as long as the plan that had just run out of time. A window's
    bitmap is ~0.3 us an article and only the matches inside it are read (1M articles, load ~4, min
    of 5: sensenvegri 59 -> 24 ms; government with a much-named person, estimated at 91 matches
    for 12,456, 74 -> 30 ms; a common word alone stays with the walk: its bitmap costs more). When
    the widest window holds fewer than `limit`, a walk would have to read past all of it, and more:
    a phrase with 40 matches among 7,445 articles holding both words timed out again and showed
    nothing.
    """
    rows = None
    for share in FALLBACK_WINDOWS:
        window = newest_share(share, oldest=oldest)
        if window is not None:
            rows = plans.collect(matches.filter(window), "", oldest=oldest, limit=limit)
            if len(rows) >= limit:
                break
    return rows


def _oldest(request: SearchRequest) -> bool:
    return request.sort == "oldest"


def _rank_text(request: SearchRequest) -> str:
    """The words to rank by: none unless the request is ranked (relevance, with words)."""
    return request.text if request.ranked else ""
