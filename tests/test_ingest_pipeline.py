"""Storage and resolution: what lands in the database, and what the report says."""

import datetime as dt
import gc
import io
import json
import os

import pytest
from django.core.management import call_command

from articles import archive
from articles.ingest import pipeline
from articles.ingest.extract import extract_article
from articles.ingest.formats import Options, ParsedArticle, ParsedQuote
from articles.ingest.resolve import PersonIndex
from articles.ingest.topics import count_matches, retag_all, topics_for_text
from articles.models import Alias, Article, Mention, Person, Quote, TopicRule, unique_slugs
from tests.conftest import make_article, make_person, make_topic

pytestmark = pytest.mark.django_db


def parsed(**fields) -> ParsedArticle:
    defaults = {
        "headline": "Ferry returns to Port Elden",
        "body_text": "The ferry is back.\n\n“We are glad to have it,” said Ana Ruiz.",
        "body_html": "<p>The ferry is back.</p>",
        "origin": "test",
        "source": "Valley Courier",
        "url": "https://courier.example/ferry",
        "published": dt.date(2025, 3, 4),
        "people": ["Ana Ruiz"],
        "quotes": [ParsedQuote(text="We are glad to have it,", speaker="Ana Ruiz", speaker_as_written="Ana Ruiz")],
    }
    return ParsedArticle(**{**defaults, **fields})


def store(article: ParsedArticle) -> archive.StoreResult:
    return archive.store_article(parsed=article, context=archive.Context())


def test_store_creates_article_people_quotes_and_outlet():
    result = store(parsed())
    assert result.status == "created"
    article = Article.objects.get()
    assert article.source.name == "Valley Courier"
    quote = Quote.objects.get()
    assert (quote.person.name, quote.text, quote.position) == ("Ana Ruiz", "We are glad to have it,", 21)
    mention = Mention.objects.get()
    assert mention.quoted and mention.person.name == "Ana Ruiz"


def test_same_article_again_is_skipped_not_duplicated():
    store(parsed())
    again = store(parsed())
    assert again.status == "skipped"
    assert Article.objects.count() == 1 and Quote.objects.count() == 1


def test_same_text_under_another_url_is_skipped():
    store(parsed())
    assert store(parsed(url="https://mirror.example/ferry")).status == "skipped"
    assert Article.objects.count() == 1


def test_same_url_with_new_text_updates_the_article():
    first = store(parsed())
    result = store(
        parsed(
            body_text="The ferry is back, a day late.\n\n“Better late,” said Ana Ruiz.",
            quotes=[ParsedQuote(text="Better late,", speaker="Ana Ruiz")],
        )
    )
    assert result.status == "updated" and result.article_id == first.article_id
    assert list(Quote.objects.values_list("text", flat=True)) == ["Better late,"]


def test_existing_person_is_found_by_alias_and_by_misspelling():
    ruiz = make_person("Ana Ruiz")
    Alias.objects.create(person=ruiz, name="Mayor Ana Ruíz")
    okafor = make_person("Jonas Okafor")
    index = PersonIndex()
    assert index.resolve("Mayor Ana Ruiz").person_id == ruiz.pk
    found = index.resolve("Jonas Okafr")
    assert (found.person_id, found.matched_by) == (okafor.pk, "spelling")
    index.flush()
    # The misspelling is kept as an alias, so next time it matches exactly.
    assert Alias.objects.filter(person=okafor, name="Jonas Okafr").exists()


def test_different_first_name_is_a_different_person():
    make_person("Ian Smith")
    index = PersonIndex()
    resolved = index.resolve("Jan Smith", role="Harbour pilot")
    assert resolved.new
    index.flush()
    assert Person.objects.get(name="Jan Smith").description == "Harbour pilot"


def test_new_person_keeps_other_full_spellings_as_aliases():
    index = PersonIndex()
    index.resolve("Oona Verhagen", variants=["Oona Verhaagen", "Verhagen"])
    index.flush()
    person = Person.objects.get(name="Oona Verhagen")
    assert list(person.aliases.values_list("name", flat=True)) == ["Oona Verhaagen"]


def test_new_people_of_a_batch_are_written_once_with_distinct_slugs():
    make_person("Ana Ruiz")  # holds the slug ana-ruiz
    items = [
        parsed(
            url=f"https://courier.example/{n}",
            headline=f"Ferry news {n}",
            body_text=f"Story {n}.",
            quotes=[],
            people=["Tomas Verhoeven", "Ana Ruiz-Ana"],
        )
        for n in range(3)
    ]
    results = archive.store_articles([(a, extract_article(a)) for a in items], context=archive.Context())
    assert [r.status for r in results] == ["created"] * 3
    assert Mention.objects.filter(person__name="Tomas Verhoeven").count() == 3
    assert Person.objects.get(name="Ana Ruiz-Ana").slug == "ana-ruiz-ana"


def test_unique_slugs_avoid_the_archive_and_each_other_in_one_go():
    make_person("Ana Ruiz")
    assert unique_slugs(Person, ["Ana Ruiz", "Ana  Ruiz!", "Bo Lind"]) == ["ana-ruiz-2", "ana-ruiz-3", "bo-lind"]


def test_a_misspelling_is_found_among_many_people_sharing_a_first_name():
    for surname in ("Okafor", "Lindqvist", "Brandvold", "Ochoa", "Farraday"):
        make_person(f"Jonas {surname}")
    make_person("Mara Lindqvist")
    index = PersonIndex()
    assert index.resolve("Jonas Lindqvst").name == "Jonas Lindqvist"
    assert index.resolve("Jonas Lindqvistt").name == "Jonas Lindqvist"
    assert index.resolve("Jonsa Lindqvist").new  # two letters swapped are two edits: a new person
    assert index.resolve("Mara Lindquist").name == "Mara Lindqvist"


def test_a_new_name_whose_surname_nobody_is_near_is_looked_for_at_that_word_only(monkeypatch):
    """A near miss is one letter off at every word, so no name close to the surname means none at all: the
    first name (shared by many) is not read. The new-people path of the ingest bench spent 40% of its main
    process finding each new person's near misses at every word."""
    for surname in ("Okafor", "Lindqvist", "Brandvold"):
        make_person(f"Jonas {surname}")
    index = PersonIndex()
    positions = []
    real = PersonIndex._close_at
    monkeypatch.setattr(PersonIndex, "_close_at", lambda self, words, i: positions.append(i) or real(self, words, i))
    assert index.resolve("Jonas Vellacourt").new
    assert positions == [1]
    positions.clear()
    assert index.resolve("Jonas Brandvld").name == "Jonas Brandvold"
    assert positions == [1, 0]  # a name close at the surname: every word read, as before


def test_the_cycle_collector_is_off_while_a_batch_is_stored_and_as_it_was_after(monkeypatch):
    """Storing a batch allocates tens of thousands of small containers the collector walked again and again
    (~0.1-0.35 ms of the main process an article on the ingest bench): it is off for the batch, back after."""
    seen = []
    real = pipeline.store_articles
    monkeypatch.setattr(
        pipeline, "store_articles", lambda batch, context: seen.append(gc.isenabled()) or real(batch, context=context)
    )
    assert pipeline.run_items([parsed()], workers=1).created == 1
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller's choice stays
    try:
        pipeline.run_items([parsed(headline="Another", body_text="Another text.")], workers=1)
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()


def test_topic_rules_tag_at_ingest_and_retag_reports_changes():
    transport = make_topic("Transport")
    TopicRule.objects.create(topic=transport, keyword="ferries")
    store(parsed())
    article = Article.objects.get()
    assert list(article.topics.values_list("name", flat=True)) == ["Transport"]  # stemmed: ferries ~ ferry
    other = make_article(headline="Council budget", body_text="The budget passed.")
    TopicRule.objects.create(topic=transport, keyword="budget")
    TopicRule.objects.filter(keyword="ferries").delete()
    result = retag_all()
    assert (result.added, result.removed, result.articles_changed) == (1, 1, 2)
    assert result.per_topic == {"Transport": (1, 1)}
    assert list(other.topics.all()) == [transport]
    assert not article.topics.exists()


def test_a_topic_rule_matches_its_word_and_plural_not_every_word_of_the_same_stem():
    housing, policing, cafes = make_topic("Housing"), make_topic("Policing"), make_topic("Cafés")
    TopicRule.objects.create(topic=housing, keyword="housing")
    TopicRule.objects.create(topic=policing, keyword="police")
    TopicRule.objects.create(topic=cafes, keyword="café")
    white_house = make_article(headline="Visit to the White House", body_text="The house of the governor.")
    policy = make_article(headline="New policy", body_text="The council set a policy on parking.")
    homes = make_article(headline="Housing plan", body_text="Two housings and the Police were there. Cafes too.")
    result = retag_all()
    # "housing", "house" and "House" all stem to "hous"; "police" and "policy" to "polic".
    assert not white_house.topics.exists() and not policy.topics.exists()
    assert sorted(homes.topics.values_list("name", flat=True)) == ["Cafés", "Housing", "Policing"]
    assert result.added == 3
    assert count_matches(["housing"]) == 1
    assert [t.name for t in topics_for_text("At the White House", "", "A housing plan.")] == ["Housing"]
    assert [t.name for t in topics_for_text("At the White House", "", "The house.")] == []


def test_a_topic_rule_finds_plurals_the_stemmer_keeps_apart_and_folds_accents_like_the_text():
    buses, istanbul, news = make_topic("Buses"), make_topic("Istanbul"), make_topic("News")
    TopicRule.objects.create(topic=buses, keyword="bus")  # stems "bus"; "buses" stems "buse"
    TopicRule.objects.create(topic=istanbul, keyword="İstanbul")  # lower() of İ is i + a combining dot
    TopicRule.objects.create(topic=news, keyword="news")
    fleet = make_article(headline="New buses for the coast road", body_text="Twelve arrive in Istanbul.")
    make_article(headline="A new ferry", body_text="Nothing else.")
    retag_all()
    assert sorted(fleet.topics.values_list("name", flat=True)) == ["Buses", "Istanbul"]
    assert not Article.objects.filter(topics=news).exists()  # "news" is not the plural of "new"
    assert retag_all().added == 0  # twice in one transaction, the same answer


def test_retag_keeps_topics_staff_set_by_hand():
    transport, budget = make_topic("Transport"), make_topic("Budget")
    TopicRule.objects.create(topic=transport, keyword="ferries")
    store(parsed())
    article = Article.objects.get()
    article.topics.add(budget)  # what the admin form does when staff add a topic
    TopicRule.objects.filter(keyword="ferries").delete()
    result = retag_all()
    assert (result.added, result.removed) == (0, 1)
    assert list(article.topics.values_list("name", flat=True)) == ["Budget"]


def test_retag_keeps_topics_the_input_gave_even_where_a_rule_gave_them_too():
    transport, ferries = make_topic("Transport"), make_topic("Ferries")
    TopicRule.objects.create(topic=transport, keyword="ferries")
    TopicRule.objects.create(topic=ferries, keyword="ferry")
    store(parsed(topics=["Harbours", "Transport"]))
    article = Article.objects.get()
    assert sorted(article.topics.values_list("name", flat=True)) == ["Ferries", "Harbours", "Transport"]
    TopicRule.objects.all().delete()
    retag_all()
    # Only "Ferries" came from a rule alone.
    assert sorted(article.topics.values_list("name", flat=True)) == ["Harbours", "Transport"]


def test_an_updated_article_loses_a_rule_topic_its_new_text_no_longer_matches():
    transport, sport = make_topic("Transport"), make_topic("Sport")
    TopicRule.objects.create(topic=transport, keyword="ferries")
    TopicRule.objects.create(topic=sport, keyword="regatta")
    store(parsed())
    article = Article.objects.get()
    article.topics.add(make_topic("Local"))
    result = store(parsed(body_text="The regatta is on.", headline="Regatta day", quotes=[], people=[]))
    assert result.status == "updated"
    assert sorted(article.topics.values_list("name", flat=True)) == ["Local", "Sport"]


def test_a_failed_store_forgets_the_people_it_created_so_the_next_article_stores(monkeypatch):
    context = archive.Context()
    real = archive.tag_articles

    def explode(ids):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(archive, "tag_articles", explode)
    first = parsed(people=["Oskar Lindqvist"], quotes=[], body_text="Oskar Lindqvist opened the quay.")
    with pytest.raises(RuntimeError):
        archive.store_article(parsed=first, context=context)
    monkeypatch.setattr(archive, "tag_articles", real)
    archive.store_article(
        parsed=parsed(
            url="https://courier.example/2",
            **{"people": ["Oskar Lindqvist"], "quotes": [], "body_text": "Oskar Lindqvist closed the quay."},
        ),
        context=context,
    )
    assert Mention.objects.get().person.name == "Oskar Lindqvist"


def test_a_failing_article_is_rejected_and_leaves_nothing_behind(tmp_path, monkeypatch):
    lines = [
        {"headline": "Good", "body": "Fine.", "url": "https://x.example/1"},
        {
            "headline": "Bad",
            "body": "“Also fine.”",
            "url": "https://x.example/2",
            "people": ["Ana Ruiz"],
            "quotes": [{"text": "Also fine.", "speaker": "Ana Ruiz"}],
        },
        {"headline": "Also good", "body": "Fine too.", "url": "https://x.example/3"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"people": [], "quotes": [], **line}) for line in lines))
    real = archive.tag_articles

    def explode(ids):
        # Fails after the article, its mentions and quotes were written: all must roll back.
        if Article.objects.filter(pk__in=ids, headline="Bad").exists():
            raise RuntimeError("disk on fire")
        return real(ids)

    monkeypatch.setattr(archive, "tag_articles", explode)
    report = pipeline.run([str(path)], Options())
    assert (report.read, report.created, len(report.rejected)) == (3, 2, 1)
    assert str(report.rejected[0]) == f"{path}:2: not stored: RuntimeError: disk on fire"
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Also good", "Good"]
    assert not Quote.objects.exists() and not Mention.objects.exists()
    assert not Person.objects.filter(name="Ana Ruiz").exists()


def test_ingest_command_reports_and_exits_non_zero_on_rejections(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text('{"headline": "Good", "body": "Fine.", "people": [], "quotes": []}\n{"headline": \n')
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(path))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert f"rejected {path}:2: broken JSON line" in err
    assert "read 1, stored 1, updated 0, skipped 0, rejected 1" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ingest_command_on_a_terminal_shows_progress_and_still_reports(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"headline": "Good", "body": "Fine.", "people": [], "quotes": []}\n{"headline": \n')
    terminal = _Terminal()
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(path), stderr=terminal)
    assert exit_info.value.code == 1
    err = terminal.getvalue()
    assert " articles" in err  # the bar's unit: the bar was drawn
    assert f"rejected {path}:2: broken JSON line" in err
    assert "read 1, stored 1, updated 0, skipped 0, rejected 1" in err
    assert Article.objects.filter(headline="Good").exists()


def test_ingest_command_succeeds_silently_on_good_input(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text('{"headline": "Good", "body": "Fine.", "people": [], "quotes": []}\n')
    call_command("ingest", str(path))
    assert "read 1, stored 1" in capsys.readouterr().err
    call_command("ingest", str(path))
    assert "stored 0, updated 0, skipped 1" in capsys.readouterr().err


def test_ingest_command_names_each_skipped_and_updated_article_at_verbosity_2(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text('{"headline": "Good", "body": "Fine.", "url": "https://x.example/1"}\n')
    call_command("ingest", str(path))
    capsys.readouterr()
    path.write_text(
        '{"headline": "Good", "body": "Fine.", "url": "https://x.example/1"}\n'
        '{"headline": "Good", "body": "Better.", "url": "https://x.example/1"}\n'
    )
    call_command("ingest", str(path), verbosity=2)
    article = Article.objects.get()
    err = capsys.readouterr().err
    assert f"skipped {path}:1: same text as article {article.pk}" in err
    assert f"updated {path}:2: article {article.pk}" in err


@pytest.mark.parametrize("batch_size", [400, 2])
def test_a_url_or_entry_again_later_in_one_input_is_skipped_wherever_the_batches_split(
    tmp_path, capsys, monkeypatch, batch_size
):
    """Within one input, a second article with the URL (or the feed entry) of an earlier one is skipped, the first
    kept: the same whether both fall in one batch of the store or in two (a later batch found the first stored,
    and replaced its text)."""
    monkeypatch.setattr(pipeline, "BATCH_SIZE", batch_size)
    path = tmp_path / "in.jsonl"
    lines = [
        {"headline": "Harbour toll agreed", "body": "The toll stays at two crowns.", "url": "https://x.example/toll"},
        {"headline": "Ferry timetable", "body": "Boats leave on the hour.", "url": "https://x.example/ferry"},
        {
            "headline": "Harbour toll revised",
            "body": "The toll rises to three crowns.",
            "url": "https://x.example/toll",
        },
        {
            "headline": "Quay lights",
            "body": "The lights are fixed.",
            "feed_url": "https://x.example/feed",
            "entry_id": "quay-1",
        },
        {"headline": "Lamp posts", "body": "Two posts are new.", "url": "https://x.example/lamps"},
        {
            "headline": "Quay lights again",
            "body": "The lights failed again.",
            "feed_url": "https://x.example/feed",
            "entry_id": "quay-1",
        },
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    call_command("ingest", str(path), verbosity=2)
    err = capsys.readouterr().err
    assert Article.objects.get(url="https://x.example/toll").headline == "Harbour toll agreed"
    assert Article.objects.get(entry_id="quay-1").headline == "Quay lights"
    assert f"skipped {path}:3: same URL earlier in this input" in err
    assert f"skipped {path}:6: same entry earlier in this input" in err
    assert Article.objects.count() == 4


def test_dry_run_stores_nothing_and_prints_export_records(tmp_path, capsys):
    make_person("Ana Ruiz")
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            {
                "headline": "Ferry",
                "body": "“Glad,” said Ana Ruíz.",
                "source": "Valley Courier",
                "date": "2025-01-02",
                "people": ["Ana Ruíz"],
                "quotes": [{"text": "Glad,", "speaker": "Ana Ruíz"}],
            }
        )
    )
    call_command("ingest", str(path), dry_run=True, json=True)
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["people"] == ["Ana Ruiz"]  # resolved to the canonical name
    assert record["quotes"] == [
        {"text": "Glad,", "speaker": "Ana Ruiz", "speaker_as_written": "", "speaker_kind": "person", "partial": False}
    ]
    assert record["source"] == "Valley Courier" and record["published"] == "2025-01-02"
    assert Article.objects.count() == 0


def test_dry_run_says_an_organisation_speaks_as_the_export_would(tmp_path, capsys):
    path = tmp_path / "in.json"
    body = "The night ferry to Marrow Bay stays.\n\n“Fares stay the same this winter,” the harbour board said."
    path.write_text(json.dumps({"headline": "Night ferry kept", "body": body, "date": "2025-01-02"}))
    call_command("ingest", str(path), dry_run=True, json=True)
    [line] = capsys.readouterr().out.splitlines()
    [said] = json.loads(line)["quotes"]
    assert (said["speaker"], said["speaker_as_written"], said["speaker_kind"]) == (
        None,
        "the harbour board",
        "organisation",
    )


def test_bad_date_option_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date 'yesterday' is not a date: use YYYY-MM-DD"):
        call_command("ingest", "x.txt", date="yesterday")


def test_batched_store_writes_the_search_text_read_back_from_its_rows(tmp_path):
    lines = [
        {
            "headline": f"Harbour story {n}",
            "body": f"“Quote number {n},” said Zoë Ärnfeldt. “More {n}.”",
            "people": ["Zoë Ärnfeldt", "Ana Ruiz", "anders Berg"],
            "quotes": [
                {"text": f"Quote number {n},", "speaker": "Zoë Ärnfeldt"},
                {"text": f"More {n}.", "speaker": None},
            ],
        }
        for n in range(70)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines))
    report = pipeline.run([str(path)], Options(), workers=2)
    assert (report.created, report.rejected) == (70, [])
    # The text written with the batch is the one computed again from the stored rows (after an edit).
    written = dict(Article.objects.values_list("pk", "search_text"))
    Article.objects.update(search_text="")
    archive.refresh_search_text(written)
    assert dict(Article.objects.values_list("pk", "search_text")) == written
    article = Article.objects.get(headline="Harbour story 7")
    assert article.search_text == "Ana Ruiz Zoë Ärnfeldt anders Berg Quote number 7, More 7."


def test_surname_alone_resolves_by_title_alias_or_as_the_only_person_of_that_surname():
    ruiz = make_person("Ana Ruiz")
    Alias.objects.create(person=ruiz, name="Mayor Ruiz")
    okafor = make_person("Jonas Okafor")
    make_person("Kasimir Lund")
    make_person("Renata Lund")
    index = PersonIndex()
    assert index.resolve("Ruiz", role="Port Elden Mayor").person_id == ruiz.pk
    assert index.resolve("Okafor").person_id == okafor.pk
    # Two people called Lund: a bare "Lund" can't be either of them.
    assert index.resolve("Lund").new


def test_update_by_url_keeps_quotes_staff_corrected_by_hand():
    first = store(parsed())
    staff_choice = make_person("Ana Ruiz-Okafor")
    Quote.objects.filter(article_id=first.article_id).update(person=staff_choice, edited_by_staff=True)
    body = "The ferry is back.\n\n“We are glad to have it,” said Ana Ruiz. “It was a long month.”"
    result = store(
        parsed(
            body_text=body,
            quotes=[
                ParsedQuote(text="We are glad to have it,", speaker="Ana Ruiz"),
                ParsedQuote(text="It was a long month.", speaker="Ana Ruiz"),
            ],
        )
    )
    assert result.status == "updated"
    quotes = {q.text: q.person.name for q in Quote.objects.filter(article_id=first.article_id)}
    assert quotes == {"We are glad to have it,": "Ana Ruiz-Okafor", "It was a long month.": "Ana Ruiz"}
    assert "long month" in Article.objects.get(pk=first.article_id).search_text


def test_batched_store_keeps_every_character_copy_escapes():
    """New articles go in by COPY: backslashes, tabs, carriage returns and a literal \\N survive as written."""
    body = "Line one\\N with a back\\slash,\ta tab\r\nand a carriage return.\n\n“Say \\n,” said Ana Ruiz."
    items = [
        (
            parsed(
                headline=f"Odd characters {n} \\ \t",
                body_text=body + f" {n}",
                url=f"https://courier.example/odd-{n}",
                byline="",
                published=None if n else dt.date(2025, 3, 4),
                quotes=[ParsedQuote(text="Say \\n,", speaker="Ana Ruiz", speaker_as_written="Ana\tRuiz")],
            ),
            None,
        )
        for n in range(3)
    ]
    context = archive.Context()
    results = archive.store_articles([(p, extract_article(p)) for p, _ in items], context=context)
    assert [r.status for r in results] == ["created"] * 3
    for n, result in enumerate(results):
        article = Article.objects.get(pk=result.article_id)
        assert (article.headline, article.body_text) == (f"Odd characters {n} \\ \t", body + f" {n}")
        assert article.published == (None if n else dt.date(2025, 3, 4))
        quote = article.quotes.get()
        assert (quote.text, quote.speaker_as_written, quote.person.name) == ("Say \\n,", "Ana\tRuiz", "Ana Ruiz")
    assert Article.objects.filter(search_vector__isnull=False).count() == 3


def _niceness_after_lowering(_) -> int:
    pipeline._lower_priority()
    return os.nice(0)


def test_extraction_workers_run_at_a_lower_priority_than_the_store():
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        worker = pool.map(_niceness_after_lowering, [0])[0]
    assert worker == min(19, os.nice(0) + pipeline.WORKER_NICENESS)


def reltuples(table: str) -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        return cursor.fetchone()[0]


def test_a_large_ingest_and_retag_leave_fresh_planner_statistics(tmp_path, monkeypatch):
    # Plans made on stale figures cost pages hundreds of milliseconds (issue 15): bulk writers ANALYZE.
    monkeypatch.setattr(pipeline, "ANALYZE_AFTER", 3)
    TopicRule.objects.create(topic=make_topic("Harbour"), keyword="harbour")
    lines = [
        {"headline": f"Harbour note {n}", "body": f"The harbour opened berth {n}.", "people": ["Ana Ruiz"]}
        for n in range(4)
    ]
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))
    assert pipeline.run([str(path)], Options(), workers=1).created == 4
    assert reltuples("articles_article") == Article.objects.count() == 4
    assert reltuples("articles_mention") == Mention.objects.count() == 4
    Article.topics.through.objects.all().delete()
    retag_all()
    assert reltuples("articles_article_topics") == Article.topics.through.objects.count() == 4


def test_an_organisation_quoted_is_stored_as_an_organisation_not_a_person():
    body = (
        "The harbour ministry defended the dredging contract on Monday.\n\n"
        "“The contract is lawful and will stand,” the ministry said in a statement.\n\n"
        "“It was a fair tender,” said Odile Brask, the harbour master.\n\n"
        "“Nobody asked the islanders,” a spokeswoman for the ministry said later."
    )
    store(parsed(body_text=body, quotes=None, people=None))
    rows = [(q.person.name if q.person else None, q.speaker_as_written, q.speaker_kind) for q in Quote.objects.all()]
    assert rows == [
        (None, "the ministry", "organisation"),
        ("Odile Brask", "Odile Brask", "person"),
        (None, "a spokeswoman for the ministry", "person"),
    ]
    assert not Person.objects.filter(name__icontains="ministry").exists()


def test_a_quotation_given_a_person_is_a_persons_whatever_wrote_it():
    speaker = make_person("Odile Brask")
    article = make_article(quotes=[(None, "The contract is lawful")])
    quote = article.quotes.get()
    Quote.objects.filter(pk=quote.pk).update(speaker_kind=Quote.SpeakerKind.ORGANISATION)
    # A later write naming a person (a merge, a fix by hand) leaves no "organisation" behind it.
    Quote.objects.filter(pk=quote.pk).update(person=speaker)
    assert Quote.objects.get(pk=quote.pk).speaker_kind == "person"
    assert make_article(quotes=[(speaker, "It was a fair tender")]).quotes.get().speaker_kind == "person"
