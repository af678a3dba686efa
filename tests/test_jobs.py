"""Jobs (articles/jobs.py): what staff ask for in the admin that is too long for a web request — a pasted URL,
a re-tag after a rule changed, a re-extraction — is queued, and the `collect` worker does it. Pages are served
by a real HTTP server on 127.0.0.1 (the loopback fixture of test_collect.py lets it be fetched).

The outlets, people and events are invented.
"""

import datetime as dt
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import collect, jobs
from articles.ingest import fetch as fetching
from articles.models import Article, ArticleTopic, Feed, Job, NotAPerson, Quote, TopicRule, Worker
from tests.conftest import make_article, make_topic
from tests.test_admin import PASTE, inline, staff
from tests.test_browser import browser, page  # noqa: F401 - fixtures
from tests.test_collect import FERRY, rss, url, workers

HTML = "text/html; charset=utf-8"


def page_bytes(headline: str, speaker: str = "Ada Lorne") -> bytes:
    return f"""<!doctype html><html><head><title>{headline}</title>
<meta property="og:site_name" content="Harbour Gazette"></head><body><article><h1>{headline}</h1>
<p>After forty years the keeper of the north light, {speaker}, handed over the keys on Sunday morning.</p>
<p>"I will miss the storms more than anything," said {speaker}, standing on the gallery of the tower.</p>
<p>The light will be automated next spring, the harbour board said in a statement on Friday.</p>
</article></body></html>""".encode()


class Pages(BaseHTTPRequestHandler):
    """Answers server.routes[path]: a list of (status, content type, body), one an answer, the last repeated."""

    def do_GET(self):
        server = self.server
        with server.lock:
            server.seen.append(self.path)
            answers = server.routes.get(self.path, [(404, HTML, b"")])
            status, content_type, body = answers.pop(0) if len(answers) > 1 else answers[0]
        server.stop.wait(server.delay)  # a slow answer, so two workers would overlap if they could
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    server.routes, server.seen, server.lock, server.stop, server.delay = {}, [], threading.Lock(), threading.Event(), 0
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server
    server.stop.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback(settings, monkeypatch):
    """Loopback may be fetched (as FETCH_ALLOWED_HOSTS allows), and *.example names resolve to it."""
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.FETCH_DEADLINE = 5
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        return real("127.0.0.1" if host.endswith(".example") else host, port, *args, **kwargs)

    monkeypatch.setattr(fetching.socket, "getaddrinfo", resolve)


@pytest.fixture
def editor_client(client):
    client.force_login(staff("Editors"))
    return client


def job_page(job: Job) -> str:
    return reverse("admin:articles_job_change", args=[job.pk])


def due_now(job: Job) -> None:
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now() - dt.timedelta(seconds=1))


# --- A pasted URL ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_url_pasted_in_the_admin_is_fetched_by_the_worker_and_its_page_shows_the_article(
    editor_client, site, loopback
):
    site.routes["/keeper"] = [(200, HTML, page_bytes("Lighthouse keeper retires"))]
    address = url(site, "/keeper", "gazette.example")

    response = editor_client.post(PASTE, {"url": address, "published": "2026-11-02", "preview": "1"})

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job_page(job)
    assert (job.kind, job.state, job.requested_by.username) == ("paste", "queued", "editors")
    assert site.seen == [] and not Article.objects.exists()  # nothing fetched in the web request
    waiting = editor_client.get(job_page(job)).content.decode()
    assert "waiting for a worker" in waiting and 'http-equiv="refresh"' in waiting

    assert collect.run_worker(once=True) == 1

    article = Article.objects.get()
    assert (article.headline, article.url, article.published) == (
        "Lighthouse keeper retires",
        address,
        dt.date(2026, 11, 2),
    )
    assert list(Quote.objects.values_list("text", flat=True)) == ["I will miss the storms more than anything,"]
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error, job.result["article_id"]) == ("done", 1, "", article.pk)
    done = editor_client.get(job_page(job)).content.decode()
    assert (
        f'fetched → <a href="{reverse("admin:articles_article_change", args=[article.pk])}">article #{article.pk}</a>'
        in done
    )
    assert 'http-equiv="refresh"' not in done
    # Who added it, in the article's history and its revisions, as for a paste of text.
    assert LogEntry.objects.get(object_id=str(article.pk)).user.username == "editors"
    assert Version.objects.get_for_object(article).get().revision.user.username == "editors"


@pytest.mark.django_db
def test_a_url_already_stored_is_not_stored_twice_and_the_job_names_the_article(site, loopback):
    site.routes["/keeper"] = [(200, HTML, page_bytes("Lighthouse keeper retires"))]
    first = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/keeper")})
    collect.run_worker(once=True)
    again = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/keeper")})
    collect.run_worker(once=True)
    first.refresh_from_db(), again.refresh_from_db()
    assert Article.objects.count() == 1
    assert again.state == "done" and again.result["article_id"] == first.result["article_id"]
    assert jobs.outcome(again).startswith(f"already in the archive → article #{first.result['article_id']}")


@pytest.mark.django_db
def test_a_failing_job_records_its_error_and_is_retried_with_backoff_until_it_gives_up(site, loopback):
    site.routes["/keeper"] = [(503, HTML, b"")]
    job = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/keeper")})
    waits = []
    for attempt in range(1, jobs.MAX_ATTEMPTS + 1):
        before = timezone.now()
        collect.run_worker(once=True)  # once: a job waiting to be retried is not due yet
        job.refresh_from_db()
        assert (job.attempts, job.error) == (attempt, "HTTP error 503 Service Unavailable")
        if attempt < jobs.MAX_ATTEMPTS:
            assert job.state == "queued" and job.claimed_by == ""
            assert jobs.outcome(job).startswith(f"attempt {attempt} of {jobs.MAX_ATTEMPTS} failed: HTTP error 503")
            waits.append(round((job.run_after - before) / jobs.RETRY_WAIT))
            due_now(job)
    assert waits == [1, 2, 4]
    assert (job.state, job.finished is not None) == ("failed", True)
    assert jobs.outcome(job) == "failed after 4 attempts: HTTP error 503 Service Unavailable"
    assert len(site.seen) == jobs.MAX_ATTEMPTS and not Article.objects.exists()
    collect.run_worker(once=True)
    assert len(site.seen) == jobs.MAX_ATTEMPTS  # given up: never fetched again


@pytest.mark.django_db
def test_a_job_that_fails_once_succeeds_on_its_next_attempt(site, loopback):
    site.routes["/keeper"] = [(503, HTML, b""), (200, HTML, page_bytes("Lighthouse keeper retires"))]
    job = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/keeper")})
    collect.run_worker(once=True)
    due_now(job)
    collect.run_worker(once=True)
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error) == ("done", 2, "")
    assert Article.objects.get().pk == job.result["article_id"]


@pytest.mark.django_db
def test_a_page_with_no_article_fails_at_once_with_the_reason(site, loopback):
    site.routes["/empty"] = [(200, HTML, b"<!doctype html><html><head><title>x</title></head><body></body></html>")]
    job = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/empty")})
    collect.run_worker(once=True)
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("failed", 1)
    assert job.error.startswith("nothing to store: ")


@pytest.mark.django_db
def test_a_fetch_that_would_fail_the_same_way_again_fails_at_once(site, loopback):
    site.routes["/gone"] = [(404, HTML, b"")]
    job = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/gone")})
    collect.run_worker(once=True)
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error) == ("failed", 1, "HTTP error 404 Not Found")
    assert site.seen == ["/gone"]


# --- Several workers, and workers that die -------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_run_the_same_job(site, loopback):
    site.delay = 0.2
    for n in range(6):
        # One new outlet for all: two workers storing its first articles at once both get it (issue 15).
        site.routes[f"/story-{n}"] = [(200, HTML, page_bytes(f"Keeper number {n} retires"))]
        jobs.enqueue(Job.Kind.PASTE, {"url": url(site, f"/story-{n}", "gazette.example")})

    done = workers(2)

    assert sum(done) == 6
    assert sorted(site.seen) == sorted(f"/story-{n}" for n in range(6))  # each page fetched once
    assert set(Job.objects.values_list("state", "attempts")) == {("done", 1)}
    assert Article.objects.count() == 6


@pytest.mark.django_db
def test_a_job_whose_worker_died_is_taken_over_when_its_lease_passes(site, loopback):
    site.routes["/keeper"] = [(200, HTML, page_bytes("Lighthouse keeper retires"))]
    job = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/keeper")})
    assert jobs.claim("a worker that dies").pk == job.pk  # and never runs it

    assert collect.run_worker(once=True, name="alive") == 0  # its lease still holds
    Job.objects.filter(pk=job.pk).update(claimed_until=timezone.now() - dt.timedelta(seconds=1))
    assert collect.run_worker(once=True, name="alive") == 1

    job.refresh_from_db()
    assert (job.state, job.attempts, job.claimed_by) == ("done", 2, "")
    assert Article.objects.get().pk == job.result["article_id"] and site.seen == ["/keeper"]


@pytest.mark.django_db
def test_a_job_whose_workers_keep_dying_fails_after_its_last_attempt(site, loopback):
    job = jobs.enqueue(Job.Kind.PASTE, {"url": url(site, "/keeper")})
    for _ in range(jobs.MAX_ATTEMPTS):
        assert jobs.claim("a worker that dies").pk == job.pk
        Job.objects.filter(pk=job.pk).update(claimed_until=timezone.now() - dt.timedelta(seconds=1))
    assert jobs.claim("alive") is None
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("failed", jobs.MAX_ATTEMPTS)
    assert "its worker stopped before finishing" in jobs.outcome(job) and site.seen == []


QUOTED = '"The tide tables are wrong again," said Brannoc Vell, the harbour master, on Tuesday.'


@pytest.mark.django_db
def test_a_reextraction_taken_over_carries_on_after_the_last_article_its_worker_finished():
    first, second, third = (make_article(body_text=QUOTED) for _ in range(3))
    job = jobs.enqueue(Job.Kind.REEXTRACT, {"article_ids": [first.pk, second.pk, third.pk]})
    jobs.claim("a worker that dies")
    Job.objects.filter(pk=job.pk).update(
        claimed_until=timezone.now() - dt.timedelta(seconds=1), result={"total": 3, "done": 1, "last_id": first.pk}
    )

    collect.run_worker(once=True)

    assert set(Quote.objects.values_list("article_id", flat=True)) == {second.pk, third.pk}
    job.refresh_from_db()
    assert (job.state, job.result["done"], job.result["total"]) == ("done", 3, 3)
    assert jobs.outcome(job) == "re-extracted 3 articles"


@pytest.mark.django_db
def test_a_worker_asked_to_stop_leaves_a_reextraction_where_it_got_to_for_the_next_one(monkeypatch):
    monkeypatch.setattr(jobs, "BATCH", 1)
    first, second, third = (make_article(body_text=QUOTED) for _ in range(3))
    job = jobs.enqueue(Job.Kind.REEXTRACT, {"article_ids": [first.pk, second.pk, third.pk]})
    stop = threading.Event()
    stop.set()  # SIGTERM arrived: the job stops after the batch under way

    assert jobs.run(jobs.claim("stopping"), "stopping", stop) == "queued"

    job.refresh_from_db()
    assert (job.state, job.attempts, job.result["done"], job.result["last_id"]) == ("queued", 0, 1, first.pk)
    assert list(Quote.objects.values_list("article_id", flat=True)) == [first.pk]
    collect.run_worker(once=True)  # the next worker carries on
    job.refresh_from_db()
    assert (job.state, job.attempts, job.result["done"]) == ("done", 1, 3)
    assert Quote.objects.count() == 3


@pytest.mark.django_db
def test_a_worker_busy_with_a_long_reextraction_still_beats_for_the_health_endpoint(monkeypatch):
    monkeypatch.setattr(jobs, "BATCH", 1)
    articles = [make_article(body_text=QUOTED).pk for _ in range(2)]
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    Worker.objects.create(name="busy", beat=an_hour_ago)
    jobs.enqueue(Job.Kind.REEXTRACT, {"article_ids": articles})
    jobs.run(jobs.claim("busy"), "busy")
    assert Worker.objects.get(name="busy").beat > an_hour_ago


@pytest.mark.django_db
def test_a_worker_takes_jobs_and_feeds_in_turn(site, loopback):
    site.routes["/news.xml"] = [(200, "application/rss+xml", rss("Harbour Gazette", [FERRY]))]
    Feed.objects.create(url=url(site, "/news.xml"))
    for n in range(2):
        site.routes[f"/story-{n}"] = [(200, HTML, page_bytes(f"Keeper number {n} retires"))]
        jobs.enqueue(Job.Kind.PASTE, {"url": url(site, f"/story-{n}")})

    assert collect.run_worker(once=True) == 3

    assert site.seen == ["/story-0", "/news.xml", "/story-1"]  # a queue of jobs does not hold up the feeds


# --- What the admin queues ------------------------------------------------------------------------


def topic_data(topic, rules: list[dict], initial: int = 0) -> dict:
    return {"name": topic.name, "description": "", **inline("rules", rules, initial)}


@pytest.mark.django_db
def test_editing_a_topics_rules_queues_one_retag_that_the_worker_runs(editor_client):
    ferries = make_topic("Ferries")
    ferry_story = make_article(body_text="The ferry to Saltcombe was late again.")
    change = reverse("admin:articles_topic_change", args=[ferries.pk])

    response = editor_client.post(change, topic_data(ferries, [{"keyword": "ferry", "topic": ferries.pk}]), follow=True)
    rule = TopicRule.objects.get()
    editor_client.post(change, topic_data(ferries, [{"id": rule.pk, "keyword": "ferries", "topic": ferries.pk}], 1))

    job = Job.objects.get()  # two edits, one re-tag waiting: it reads the rules when it starts
    assert any(f'<a href="{job_page(job)}">Job {job.pk}</a>' in str(m) for m in response.context["messages"])
    assert not ArticleTopic.objects.exists()
    collect.run_worker(once=True)
    job.refresh_from_db()
    assert list(ArticleTopic.objects.values_list("article", "topic", "by_rule")) == [(ferry_story.pk, ferries.pk, True)]
    assert jobs.outcome(job) == "re-tagged all articles: 1 changed. Ferries: 1 gained, 0 lost"
    editor_client.post(change, topic_data(ferries, [{"id": rule.pk, "keyword": "ferries", "topic": ferries.pk}], 1))
    assert Job.objects.count() == 1  # saved unchanged: nothing to re-tag


@pytest.mark.django_db
def test_reextract_action_queues_the_selected_articles_and_keeps_what_staff_set(editor_client):
    article = make_article(body_text=f"{QUOTED}\n\nThe ferry will not sail on Sunday, the office said.")
    untouched = make_article(body_text=QUOTED)
    by_hand = "The ferry will not sail on Sunday"  # staff took it for a quotation: re-extraction keeps it
    Quote.objects.create(article=article, text=by_hand, position=article.body_text.index(by_hand), edited_by_staff=True)

    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "reextract", "_selected_action": [article.pk]},
        follow=True,
    )

    job = Job.objects.get()
    assert job.arguments == {"article_ids": [article.pk]}
    assert "1 articles queued for re-extraction" in [str(m) for m in response.context["messages"]][0]
    collect.run_worker(once=True)
    assert set(Quote.objects.filter(article=article).values_list("text", flat=True)) == {
        by_hand,
        "The tide tables are wrong again,",
    }
    assert not Quote.objects.filter(article=untouched).exists()


@pytest.mark.django_db
def test_retag_button_queues_a_retag_and_shows_its_job(editor_client):
    response = editor_client.post(reverse("admin:articles_topic_retag"))
    job = Job.objects.get()
    assert (job.kind, response.url) == ("retag", job_page(job))


@pytest.mark.django_db
def test_staff_see_their_own_jobs_and_only_those_unless_they_may_see_all(client, editor_client):
    mine = jobs.enqueue(Job.Kind.RETAG, user=User.objects.get(username="editors"))
    other = User.objects.create_user("archivist", password="pw", is_staff=True)
    client.force_login(other)
    assert client.get(job_page(mine)).status_code == 302  # no permission: back to the admin's index
    theirs = jobs.enqueue(Job.Kind.REEXTRACT, {"article_ids": [1]}, user=other)
    assert client.get(job_page(theirs)).status_code == 200
    assert editor_client.get(job_page(theirs)).status_code == 200  # editors see everyone's (view_job)
    assert [j.pk for j in client.get(reverse("admin:articles_job_changelist")).context["cl"].result_list] == [theirs.pk]
    viewer = staff("Viewers")
    client.force_login(viewer)
    assert client.post(reverse("admin:articles_topic_retag")).status_code == 403  # viewers queue nothing


# --- Operators' commands, synchronous --------------------------------------------------------------


@pytest.mark.django_db
def test_reextract_command_runs_at_once_without_a_worker(capsys):
    article = make_article(body_text=QUOTED)
    call_command("reextract", str(article.pk))
    assert Quote.objects.filter(article=article).exists() and not Job.objects.exists()
    assert "1 articles re-extracted, 0 failed." in capsys.readouterr().out


# --- Names extraction reads, changed by staff ------------------------------------------------------


@pytest.mark.django_db
def test_a_name_no_longer_barred_from_being_a_person_has_its_articles_re_extracted(editor_client):
    barred = NotAPerson.objects.create(name="Brannoc Vell")
    quoting = make_article(body_text=QUOTED)
    other = make_article(body_text='"We sail at dawn," said Ysolde Marr, a ferry captain, on Monday.')
    jobs.reextract([quoting.pk, other.pk])
    assert Quote.objects.get(article=quoting).person is None  # staff had said: not a person

    editor_client.post(reverse("admin:articles_notaperson_delete", args=[barred.pk]), {"post": "yes"})
    job = Job.objects.get()
    assert job.arguments == {"speaker_names": ["Brannoc Vell"]}
    collect.run_worker(once=True)

    assert Quote.objects.get(article=quoting).person.name == "Brannoc Vell"
    job.refresh_from_db()
    assert (job.state, job.result["article_ids"], job.result["done"]) == ("done", [quoting.pk], 1)


# --- In a browser: the job's page follows the worker by itself --------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_pastes_a_url_and_the_job_page_turns_into_a_link_to_the_article(
    page,  # noqa: F811 - the browser fixtures of test_browser.py
    live_server,
    site,
    loopback,
    monkeypatch,
):
    site.routes["/keeper"] = [(200, HTML, page_bytes("Lighthouse keeper retires"))]
    staff("Editors", "mara", password="harbour-desk-7")
    monkeypatch.setattr(collect, "IDLE_SECONDS", 0.2)  # the worker looks for work often, so the test is short
    stop = threading.Event()

    def work():
        try:
            collect.run_worker(stop=stop, name="beside the browser")
        finally:
            connection.close()

    worker = threading.Thread(target=work)
    try:
        page.goto(live_server.url + PASTE)
        page.fill("#id_username", "mara")
        page.fill("#id_password", "harbour-desk-7")
        page.click("input[type=submit]")
        page.fill("#id_url", url(site, "/keeper", "gazette.example"))
        page.click("input[name=preview]")
        page.wait_for_url("**/admin/articles/job/*/change/")
        assert "waiting for a worker" in page.locator(".field-outcome").inner_text()
        worker.start()  # only now: the page above was seen before the worker took the job

        link = page.locator(".field-outcome a", has_text="article #")
        link.wait_for(timeout=30_000)  # the page reloads itself until the job is done; nobody reloads it
        article = Article.objects.get()
        assert (
            f"fetched → article #{article.pk} “Lighthouse keeper retires”"
            in page.locator(".field-outcome").inner_text()
        )
        link.click()
        page.wait_for_url(f"**/admin/articles/article/{article.pk}/change/")
        assert page.locator("#id_headline").input_value() == "Lighthouse keeper retires"
    finally:
        stop.set()
        if worker.is_alive():
            worker.join(30)
