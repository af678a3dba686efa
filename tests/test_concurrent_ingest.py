"""Two `ingest` runs of one folder at the same time (issue 11 point 8): each person is created once.

The runs are real processes against this test's database, so the test commits
(transaction=True) and the children connect to the test database by DATABASE_URL. Both load
their index of known people at the same moment (a barrier file). With small batches, or one run
taking the files in reverse order, each stores articles naming people the other has created
since its index was loaded. Before the unique constraint on a person's normalised name (and the
ingest taking the other's row), the reversed runs left 1 to 14 names held by two people, and
two runs of one-article batches in the same order rejected articles on unique violations
(exit status 1). The other tests here make the same race happen in one process, step by step.

Everyone and everything in the articles is invented.
"""

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count
from django.urls import reverse

from articles import archive
from articles.archive import update_article
from articles.ingest import resolve
from articles.ingest.extract import extract_article
from articles.ingest.formats import ParsedArticle, ParsedQuote
from articles.ingest.resolve import PersonIndex
from articles.models import Alias, Article, Mention, NormalizedName, Person, PersonMonth, Quote, fingerprint
from tests.conftest import make_article, make_person, make_source

committing = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent

FIRST = ["Ana", "Bram", "Ines", "Tomas", "Lena", "Oskar", "Mirela", "Jonas", "Petra", "Colm"]
LAST = ["Brannock", "Ostrow", "Varga", "Kelden", "Marrow", "Hollis", "Dunmere", "Saltrick", "Vance", "Orrin"]
# Thirty invented people; article n names people n, n + 1 and n + 2, so neighbouring articles share two.
PEOPLE = [f"{FIRST[i % 10]} {LAST[(i * 3 + i // 10) % 10]}" for i in range(30)]
ARTICLES = 40
TOWNS = ["Port Elden", "Marrowby", "Saltcombe", "Dunholm"]

# A child: Django set up, then wait for the barrier so both runs start (and load their index of
# known people) together; then the ingest command, in batches of `batch` articles.
CHILD = """
import os, sys, time
import django
django.setup()
from django.core.management import call_command
from articles.ingest import pipeline
barrier, batch, inputs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
pipeline.BATCH_SIZE = batch
open(f"{barrier}.{os.getpid()}", "w").close()
deadline = time.monotonic() + 60
while not os.path.exists(barrier) and time.monotonic() < deadline:
    time.sleep(0.002)
call_command("ingest", *inputs)
"""


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for n in range(ARTICLES):
        first, second, third = (PEOPLE[(n + k) % len(PEOPLE)] for k in range(3))
        town = TOWNS[n % len(TOWNS)]
        (folder / f"{n:03d}.txt").write_text(
            f"{town} council meeting number {n} agrees harbour budget\n\n"
            f"The {town} council met on Tuesday for the {n}th time this year to settle the harbour budget.\n\n"
            f"“We listened to the night-shift workers,” said {first}.\n\n"
            f"{second} said the cost of meeting {n} would be covered by the port levy. "
            f"{third}, who leads the harbour workers' union, welcomed the change.\n\n"
            "Source: Valley Courier\n",
            encoding="utf-8",
        )


def database_url() -> str:
    """This test's database, for the child processes (a socket directory goes in the host, quoted)."""
    settings = connection.settings_dict
    user = quote(settings["USER"] or "", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings.get("PASSWORD") else ""
    host = quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{quote(settings['NAME'], safe='')}"


def run_two_ingests(tmp_path: Path, batch: int, order: str) -> list[tuple[int, str]]:
    folder = tmp_path / "articles"
    write_articles(folder)
    files = sorted(str(path) for path in folder.iterdir())
    inputs = [[str(folder)], [str(folder)] if order == "same" else files[::-1]]
    barrier = tmp_path / "go"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
        "PYTHONPATH": str(ROOT),
    }
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(barrier), str(batch), *targets],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for targets in inputs
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("go.*"))) < 2 and time.monotonic() < deadline:
        if any(child.poll() is not None for child in children):
            break  # one failed to start: its output says why
        time.sleep(0.005)
    barrier.touch()
    results = []
    for child in children:
        try:
            _, err = child.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            child.kill()
            _, err = child.communicate()
        results.append((child.returncode, err))
    return results


def duplicated_people() -> dict[str, int]:
    """Normalised names held by more than one person, with how many."""
    rows = Person.objects.annotate(key=NormalizedName("name")).values("key").annotate(n=Count("pk")).filter(n__gt=1)
    return {row["key"]: row["n"] for row in rows}


@committing
@pytest.mark.parametrize(("batch", "order"), [(1, "same"), (200, "same"), (1, "reversed"), (3, "reversed")])
def test_two_ingests_of_one_folder_at_once_create_each_person_and_article_once(tmp_path, batch, order):
    results = run_two_ingests(tmp_path, batch, order)

    duplicated = duplicated_people()
    assert not duplicated, f"{len(duplicated)} names held by two or more people: {duplicated}"
    for code, err in results:
        assert code == 0, err
        assert "rejected 0" in err, err
    names = list(Person.objects.values_list("name", flat=True))
    assert sorted(names) == sorted(PEOPLE)  # each invented person once, nobody else
    assert Article.objects.count() == ARTICLES
    assert Article.objects.values("fingerprint").distinct().count() == ARTICLES
    # Between them the two runs stored each article once and skipped the other's.
    stored = sum(int(err.rsplit("stored ", 1)[1].split(",")[0]) for _, err in results)
    skipped = sum(int(err.rsplit("skipped ", 1)[1].split(",")[0]) for _, err in results)
    assert (stored, skipped) == (ARTICLES, ARTICLES)
    # Every article names its three people, each a real row (no id of a person never written).
    assert Mention.objects.count() == 3 * ARTICLES
    assert Quote.objects.filter(person__isnull=False).count() == ARTICLES


# --- The same race in one process: an index loaded before another ingest stored its people ---------


def given(n: int, people: list[str], speaker: str) -> ParsedArticle:
    """An article carrying its people and quotation (no extraction): `speaker` says something."""
    body = f"Meeting {n} of the harbour board.\n\n“We are ready,” said {speaker}."
    return ParsedArticle(
        headline=f"Harbour board meeting {n}",
        body_text=body,
        body_html="",
        origin=f"test {n}",
        source="Valley Courier",
        url=f"https://courier.example/board-{n}",
        published=dt.date(2025, 3, n),
        people=people,
        quotes=[ParsedQuote(text="We are ready,", speaker=speaker, speaker_as_written=speaker)],
    )


def refreshed_search_text(article_id: int) -> str:
    """The article's search_text computed again from its stored rows, as after a staff edit."""
    Article.objects.filter(pk=article_id).update(search_text="")
    archive.refresh_search_text([article_id])
    return Article.objects.get(pk=article_id).search_text


@pytest.mark.django_db
def test_a_person_another_ingest_created_meanwhile_is_used_not_created_again():
    theirs, ours = archive.Context(), archive.Context()  # both loaded before either stored anything
    first = archive.store_article(parsed=given(1, ["Ana Ruíz", "Bram Ostrow"], "Ana Ruíz"), context=theirs)
    ana = Person.objects.get(name="Ana Ruíz")
    # Ours never saw Ana: it gives her a new id, finds at the insert that she exists and uses her row.
    second = archive.store_article(parsed=given(2, ["Ana Ruiz", "Lena Marrow"], "Ana Ruiz"), context=ours)
    assert (first.status, second.status) == ("created", "created")
    assert Person.objects.filter(name__in=["Ana Ruiz", "Ana Ruíz"]).count() == 1
    assert Mention.objects.get(article_id=second.article_id, person=ana).quoted
    assert Quote.objects.get(article_id=second.article_id).person == ana
    # The names in the search document are the stored person's, as they are read back after an edit.
    stored = Article.objects.get(pk=second.article_id).search_text
    assert stored.startswith("Ana Ruíz Lena Marrow") and stored == refreshed_search_text(second.article_id)
    # From now on ours resolves her directly.
    assert ours.people.find("Ana Ruiz").person_id == ana.pk
    archive.store_article(parsed=given(3, ["Ana Ruiz"], "Ana Ruiz"), context=ours)
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Ana Ruíz", "Bram Ostrow", "Lena Marrow"]


@committing
def test_an_article_another_ingest_commits_while_we_store_it_is_skipped_not_rejected(monkeypatch):
    make_source("Valley Courier")  # known to both, so neither waits for the other's new outlet
    article = given(1, ["Ana Ruiz"], "Ana Ruiz")
    started, theirs = [], []

    def other_ingest():  # its own connection: it commits while our transaction is open
        try:
            theirs.append(archive.store_article(parsed=article, context=archive.Context()))
        finally:
            connection.close()

    real = archive._resolve_rows

    def other_ingest_first(*args):  # after we looked the article up, before we write it
        if not started:  # once: their own store comes through here too
            started.append(True)
            thread = threading.Thread(target=other_ingest)
            thread.start()
            thread.join()
        return real(*args)

    monkeypatch.setattr(archive, "_resolve_rows", other_ingest_first)
    [ours] = archive.store_articles([(article, extract_article(article))], context=archive.Context())
    # Our write met their committed article (a unique violation): tried again, it is found and skipped.
    assert theirs[0].status == "created"
    assert (ours.status, ours.article_id) == ("skipped", theirs[0].article_id)
    assert Article.objects.count() == 1 and Person.objects.count() == 1


@pytest.mark.django_db
def test_aliases_queued_for_an_id_given_out_go_to_the_person_found_instead():
    index = PersonIndex()
    bram = make_person("Bram Ostrow")  # created after the index was loaded, as by another ingest
    resolved = index.resolve("Bram Ostrow", variants=["Bram K. Ostrow"])
    assert resolved.new and resolved.person_id != bram.pk
    moved = index.flush()
    assert moved == {resolved.person_id: (bram.pk, "Bram Ostrow")}
    assert list(Alias.objects.values_list("person_id", "name")) == [(bram.pk, "Bram K. Ostrow")]
    assert index.find("Bram K. Ostrow").person_id == bram.pk and index.find("Ostrow").person_id == bram.pk
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_two_new_names_that_are_one_person_in_the_database_become_one(monkeypatch):
    # normalize_name() and the database's na_normalize() are meant to agree; were they not to, the
    # constraint still makes one person of two spellings, and both ids given out lead to it.
    monkeypatch.setattr(resolve, "normalize_name", str)  # an index that tells the spellings apart
    index = PersonIndex()
    one, two = index.resolve("Ines Varga"), index.resolve("INES VARGA.")
    assert one.new and two.new and one.person_id != two.person_id
    moved = index.flush()
    [(pk, name)] = Person.objects.values_list("pk", "name")
    [(lost, kept)] = moved.items()  # the first inserted is kept, the other's id leads to it
    assert {pk, lost} == {one.person_id, two.person_id} and kept == (pk, name)
    assert index.find("Ines Varga").person_id == index.find("INES VARGA.").person_id == pk


@pytest.mark.django_db
def test_a_slug_taken_meanwhile_is_chosen_again(monkeypatch):
    make_person("Ana Ruiz Holdings", slug="ana-ruiz")  # another name, the same slug
    real = resolve.unique_slugs
    calls = []

    def stale_first(model, texts, *args):  # the first look-up ran before the other slug was committed
        calls.append(list(texts))
        return ["ana-ruiz"] if len(calls) == 1 else real(model, texts, *args)

    monkeypatch.setattr(resolve, "unique_slugs", stale_first)
    index = PersonIndex()
    resolved = index.resolve("Ana Ruiz")
    assert index.flush() == {}
    assert Person.objects.get(pk=resolved.person_id).slug == "ana-ruiz-2"
    assert len(calls) == 2


@pytest.mark.django_db
def test_admin_re_extraction_uses_a_person_an_ingest_created_meanwhile():
    context = archive.Context()  # loaded before the ingest below stored Ines
    article = make_article(body_text="“The ferry will run,” said Ines Varga.\n\nBram Ostrow agreed.")
    ines = make_person("Ines Varga")
    update_article(article, context=context)
    assert Person.objects.filter(name="Ines Varga").count() == 1
    assert article.quotes.get().person == ines
    assert Mention.objects.get(article=article, person=ines).quoted
    assert set(article.mentions.values_list("person__name", flat=True)) == {"Ines Varga", "Bram Ostrow"}


# --- Admin: a person's name is unique as resolution compares names ----------------------------------


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def person_form(name: str) -> dict:
    return {
        "name": name,
        "description": "",
        "aliases-TOTAL_FORMS": 0,
        "aliases-INITIAL_FORMS": 0,
        "aliases-MIN_NUM_FORMS": 0,
        "aliases-MAX_NUM_FORMS": 1000,
    }


@pytest.mark.django_db
def test_admin_adding_or_renaming_to_a_name_in_use_is_a_form_error(staff_client):
    make_person("Selim Erdoğlu")
    added = staff_client.post(reverse("admin:articles_person_add"), person_form("selim erdoglu"))
    assert added.status_code == 200
    assert "There is already a person of this name" in added.content.decode()
    assert Person.objects.count() == 1
    other = make_person("Ines Varga")
    renamed = staff_client.post(reverse("admin:articles_person_change", args=[other.pk]), person_form("Selim Erdoglu"))
    assert renamed.status_code == 200
    assert "There is already a person of this name" in renamed.content.decode()
    assert Person.objects.get(pk=other.pk).name == "Ines Varga"
    kept = staff_client.post(reverse("admin:articles_person_change", args=[other.pk]), person_form("Inés Varga"))
    assert kept.status_code == 302  # a person's own name, respelled, is no clash
    assert Person.objects.get(pk=other.pk).name == "Inés Varga"


@pytest.mark.django_db
def test_the_database_refuses_a_second_person_of_one_normalised_name():
    make_person("Ana Ruiz")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="ANA RUÍZ", slug="ana-ruiz-2")


# --- Migration 0011: people already stored twice are merged ----------------------------------------


@committing
def test_migration_merges_people_stored_twice_into_the_oldest_then_adds_the_constraint():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    before = [("articles", "0010_topic_links_by_rule")]
    executor.migrate(before)
    # Articles, mentions and quotations as the tables were then (a column added since would be unknown to it).
    then = executor.loader.project_state(before).apps
    old_article = then.get_model("articles", "Article")
    old_mention, old_quote = then.get_model("articles", "Mention"), then.get_model("articles", "Quote")

    def article_then(published: dt.date) -> Article:
        headline, body = f"Harbour notes of {published:%B}", "The harbour was busy."
        row = old_article.objects.create(
            headline=headline,
            slug="harbour-notes",
            body_html=f"<p>{body}</p>",
            body_text=body,
            published=published,
            fingerprint=fingerprint(headline, body),
        )
        return Article(pk=row.pk)

    try:
        keep = make_person("Ana Ruiz")
        twice = make_person("ana ruiz", description="Mayor of Port Elden")
        thrice = make_person("Ana Ruíz")
        bram = make_person("Bram Ostrow")
        Alias.objects.create(person=twice, name="Mayor Ana Ruiz")
        march, april, may = (article_then(dt.date(2025, month, 2)) for month in (3, 4, 5))
        old_mention.objects.create(article_id=march.pk, person_id=keep.pk, count=2)
        old_mention.objects.create(article_id=march.pk, person_id=twice.pk, count=3, quoted=True)
        old_mention.objects.create(article_id=april.pk, person_id=twice.pk, count=1)
        old_mention.objects.create(article_id=april.pk, person_id=thrice.pk, count=4, edited_by_staff=True)
        old_mention.objects.create(article_id=may.pk, person_id=thrice.pk, count=1)
        old_mention.objects.create(article_id=may.pk, person_id=bram.pk, count=1)
        old_quote.objects.create(article_id=may.pk, person_id=thrice.pk, text="We are ready", position=0)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)

    assert sorted(Person.objects.values_list("pk", flat=True)) == [keep.pk, bram.pk]
    keep.refresh_from_db()
    assert keep.description == "Mayor of Port Elden"
    mentions = {(m.article_id, m.person_id): (m.count, m.quoted, m.edited_by_staff) for m in Mention.objects.all()}
    assert mentions == {
        (march.pk, keep.pk): (5, True, False),
        (april.pk, keep.pk): (5, False, True),
        (may.pk, keep.pk): (1, False, False),
        (may.pk, bram.pk): (1, False, False),
    }
    assert Quote.objects.get().person_id == keep.pk
    assert list(Alias.objects.values_list("person_id", "name")) == [(keep.pk, "Mayor Ana Ruiz")]
    months = set(PersonMonth.objects.values_list("person_id", "month", "articles"))
    assert months == {
        (keep.pk, dt.date(2025, 3, 1), 1),
        (keep.pk, dt.date(2025, 4, 1), 1),
        (keep.pk, dt.date(2025, 5, 1), 1),
        (bram.pk, dt.date(2025, 5, 1), 1),
    }
    assert Article.objects.get(pk=may.pk).search_text == "Ana Ruiz Bram Ostrow We are ready"
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="ANA RUIZ", slug="ana-ruiz-9")


# --- Two ingests storing copies of one wire story at once (Quote.repeated, Mention.repeated) ----------

STORY = [
    "The tram line between Kessly Quay and the old mill district will close for a month from Monday, the city "
    "transport office said on Friday, after engineers found a sagging beam under the bridge at Tolle Street.",
    "About six thousand people ride the line on a weekday, most of them shift workers at the bottling plant "
    "and students of the technical college. Buses will run every ten minutes while the beam is replaced.",
    "“No tram will cross a bridge we are not sure of,” said Ilse Carrow, who runs the transport office. "
    "“The new beam is cut and waiting, and the crane arrives on Tuesday.”",
    "Traders on Tolle Street said the closure came a week before the winter fair, when visitors usually "
    "arrive by tram from the station.",
]
# A paragraph both later copies add and the first article lacks: the quotation in it is the earlier copy's
# own, and a repeat in the later one.
ADDED = "“Every bus will wait for the last train from the coast,” Carrow told the Kessly Herald."


def wire_copy(n: int, source: str, month: int, paragraphs: list[str]) -> ParsedArticle:
    body = "\n\n".join(paragraphs)
    return ParsedArticle(
        headline=f"Tram bridge closes for repairs ({n})",
        body_text=body,
        body_html="",
        origin=f"test {n}",
        source=source,
        url=f"https://tram.example/{n}",
        published=dt.date(2026, month, n),
    )


@committing
def test_two_ingests_storing_copies_of_one_story_at_once_flag_the_later_copys_repeat(monkeypatch):
    """The earlier copy (smaller id) is stored by one transaction, the later by another, started while the first
    has written its rows and not committed. Without a lock each refreshed the group's flags seeing only its own
    new copy, and the later copy's quotation and mention of the added paragraph stayed unflagged (counted twice).
    Now the second writer waits for the first's commit before it writes anything (archive._one_writer) and then
    sees both copies."""
    make_source("Kessly Herald"), make_source("Quay Post")
    first_article = wire_copy(1, "Kessly Herald", 10, STORY)
    archive.store_articles([(first_article, extract_article(first_article))], context=archive.Context())
    earlier = wire_copy(2, "Kessly Herald", 11, [*STORY, ADDED])
    later = wire_copy(3, "Quay Post", 12, [*STORY, ADDED])
    steps = {name: threading.Event() for name in ("written", "go")}
    backend, errors = {}, []
    real = archive._refresh_repeated

    def paused_refresh(written, regrouped):
        if threading.current_thread().name == "earlier":  # written, not refreshed nor committed
            steps["written"].set()
            steps["go"].wait(60)
        real(written, regrouped)

    monkeypatch.setattr(archive, "_refresh_repeated", paused_refresh)
    first = threading.Thread(target=_store, args=(earlier, backend, errors), name="earlier")
    first.start()
    assert steps["written"].wait(60)  # its id taken: the smaller
    second = threading.Thread(target=_store, args=(later, backend, errors), name="later")
    second.start()
    assert _waits_for_a_lock(backend, "later"), "the second writer went on while the first had not committed"
    steps["go"].set()
    first.join(60), second.join(60)
    assert not errors
    added = Quote.objects.filter(text__startswith="Every bus").select_related("article")
    assert sorted((q.article.url[-1], q.repeated) for q in added) == [("2", False), ("3", True)]
    # Named in all three: repeated in both copies, so the story names her once.
    mentions = Mention.objects.filter(person__name="Ilse Carrow").select_related("article")
    assert sorted((m.article.url[-1], m.repeated) for m in mentions) == [("1", False), ("2", True), ("3", True)]


def _store(article: ParsedArticle, backend: dict, errors: list) -> None:
    """Store one article on this thread's own connection, noting its server process (backend[thread's name]) and
    any error (errors), for a test to watch and check."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend[threading.current_thread().name] = cursor.fetchone()[0]
        archive.store_articles([(article, extract_article(article))], context=archive.Context())
    except Exception as exc:  # noqa: BLE001 - reported by the test's assertion
        errors.append(exc)
    finally:
        connection.close()


def _waits_for_a_lock(backend: dict, name: str) -> bool:
    """True once the thread's connection waits for a lock (polled: up to 60 s)."""
    with connection.cursor() as cursor:
        for _ in range(6000):
            if name in backend:
                cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [backend[name]])
                if cursor.fetchone() == ("Lock",):
                    return True
            time.sleep(0.01)
    return False


@committing
def test_an_earlier_copy_taking_over_a_story_while_another_ingest_writes_its_person_does_not_deadlock(monkeypatch):
    """Ingest B stores an article naming Idris Calloway in November and has not committed; ingest A stores an
    earlier copy of a November story naming him too, which takes the story over. When the writers' lock was taken
    only at the flags' refresh, after the rows, A waited for it holding rows B then went on to write: the
    database broke the deadlock by failing one, and its batch was stored again. Taken before any row, A waits
    holding nothing."""
    from tests.test_wire_copies import parsed, story
    from tests.test_wire_takeover import LIBRARY

    for name in ("Northfield Ledger", "Strait Courier", "Quay Post"):
        make_source(name)
    head = parsed("Marrowby library shuts its upper floor", story(*LIBRARY), "Northfield Ledger", dt.date(2026, 11, 3))
    archive.store_articles([(head, extract_article(head))], context=archive.Context())
    first = parsed("Damp closes half of Marrowby library", story(*LIBRARY), "Strait Courier", dt.date(2026, 10, 31))
    other = parsed(
        "Librarian retires",
        "Idris Calloway, the district librarian, will retire in the spring after thirty years, the council said on "
        "Thursday.\n\n“I have catalogued enough damp for one lifetime,” Calloway said.",
        "Quay Post",
        dt.date(2026, 11, 5),
    )
    steps = {name: threading.Event() for name in ("written", "go")}
    backend, failed, errors = {}, [], []
    real_refresh, real_store = archive._refresh_repeated, archive._store_in_transaction

    def paused_refresh(written, regrouped):
        if threading.current_thread().name == "b" and not steps["written"].is_set():
            steps["written"].set()
            steps["go"].wait(60)
        real_refresh(written, regrouped)

    def counting_store(parsed_, extracted, context):
        try:
            return real_store(parsed_, extracted, context)
        except Exception as exc:
            failed.append(archive._pgcode(exc))
            raise

    monkeypatch.setattr(archive, "_refresh_repeated", paused_refresh)
    monkeypatch.setattr(archive, "_store_in_transaction", counting_store)
    b = threading.Thread(target=_store, args=(other, backend, errors), name="b")
    b.start()
    assert steps["written"].wait(60)
    a = threading.Thread(target=_store, args=(first, backend, errors), name="a")
    a.start()
    assert _waits_for_a_lock(backend, "a")
    steps["go"].set()
    a.join(60), b.join(60)
    assert (failed, errors) == ([], [])
    assert Article.objects.get(headline="Damp closes half of Marrowby library").copy_of_id is None  # took over
    assert Mention.objects.filter(person__name="Idris Calloway").count() == 3
