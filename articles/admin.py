"""The admin: the newsroom's tool for entering, pasting and correcting articles.

Every write goes through articles.archive (the archive's one write path); the plain functions at
the top (parse_pasted, store_pasted, merge_summary) can be tested without HTTP, and the admin
classes below only call them. Revisions (django-reversion) record every change made here.
"""

from __future__ import annotations

from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, models
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Now
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles import archive, collect, jobs
from articles.forms import (
    ArticleForm,
    FeedForm,
    MergeForm,
    OpmlImportForm,
    PasteForm,
    QuoteFormSet,
    ReviewForm,
    StaffEditedFormSet,
    StaffTopicFormSet,
    TableFormSet,
    normalize_newlines,
)
from articles.ingest import formats, pipeline
from articles.ingest.extract import Extracted, extract_article
from articles.ingest.fetch import InputError
from articles.ingest.formats import Options, ParsedArticle, Rejection
from articles.ingest.language import language_name
from articles.ingest.topics import count_matches
from articles.models import (
    Alias,
    Article,
    ArticleTopic,
    Feed,
    Job,
    Mention,
    NotAPerson,
    Person,
    Quote,
    Source,
    Topic,
    TopicRule,
    dated,
    unique_slug,
)
from articles.page_queries import article_languages
from articles.search.time_limit import statement_cancelled, time_limit

# --- Writes, usable without HTTP -------------------------------------------------------------


@dataclass
class MergeSummary:
    person: Person
    quotes: int
    mentions: int
    aliases: int


def merge_summary(people) -> list[MergeSummary]:
    """What each person would bring to a merge: counts of quotations, mentions and aliases."""
    rows = people.annotate(n_quotes=_count(Quote), n_mentions=_count(Mention), n_aliases=_count(Alias))
    return [MergeSummary(p, p.n_quotes, p.n_mentions, p.n_aliases) for p in rows]


def _count(model, rows: QuerySet | None = None) -> Coalesce:
    """Each person's rows of `model` (or of `rows`, a queryset of it), as a subquery."""
    rows = model.objects.all() if rows is None else rows
    rows = rows.filter(person=OuterRef("pk")).order_by().values("person").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def parse_pasted(
    *, text: str = "", url: str = "", upload=None, options: Options | None = None
) -> ParsedArticle | Rejection:
    """The first article in pasted text, at a URL (through formats.fetch) or in an uploaded file."""
    options = options or Options()
    if text:
        items = formats.parse_text(text, "pasted text", options)
    elif url:
        items = formats.read_input(url, options)
    else:
        data = upload.read(formats.MAX_INPUT_BYTES + 1)
        if len(data) > formats.MAX_INPUT_BYTES:
            return Rejection(upload.name, f"larger than {formats.MAX_INPUT_BYTES // (1024 * 1024)} MB")
        fmt = formats.detect_format(upload.name, formats.head_text(data))
        if fmt not in ("text", "html"):
            return Rejection(upload.name, "upload an HTML page or a text file")
        if fmt == "html":  # bytes: the page's own charset decides, as for ingest
            items = formats.parse_html(data, upload.name, options, content_type=upload.content_type or "")
        else:
            try:
                items = formats.parse_text(formats.decode(data), upload.name, options)
            except formats.InputError as exc:
                return Rejection(upload.name, str(exc))
    return next(iter(items), Rejection(url or "input", "no article found"))


def store_pasted(
    *,
    parsed: ParsedArticle,
    corrections: dict[str, str | None],
    context: archive.Context,
    extracted: Extracted | None = None,
) -> archive.StoreResult:
    """Store a pasted article as `ingest` would, with the speakers staff corrected.

    `corrections` maps a quotation's text to the speaker staff chose (None: unresolved);
    those quotations are marked edited_by_staff. `extracted`: what the preview found, if at hand.
    """
    extracted = extracted or extract_article(parsed)
    for quote, _position in extracted.quotes:
        if quote.text in corrections:
            quote.speaker = corrections[quote.text]
    result = archive.store_article(parsed=parsed, context=context, extracted=extracted)
    if result.status == "created" and corrections:
        Quote.objects.filter(article_id=result.article_id, text__in=corrections).update(edited_by_staff=True)
    return result


# --- Revisions: browse and compare ------------------------------------------------------------


def version_changes(old: Version, new: Version, names: list[str]) -> list[tuple[str, object, object]]:
    """(label, before, after) for each of the fields `names` (those staff edit in the form) that differs
    between two versions of one object, labelled as the form labels it. What the archive derives from
    them (the search document, the plain text, the fingerprint, the time saved) would only repeat them."""
    before, after = old.field_dict, new.field_dict
    changes = []
    for field in (new._model._meta.get_field(name) for name in names):
        was, now = before.get(field.attname), after.get(field.attname)  # source_id for source
        if was != now:
            if field.many_to_one:  # the outlet's name, not its id
                shown = dict(field.related_model._default_manager.filter(pk__in=[was, now]).values_list("pk", "name"))
                was, now = shown.get(was, was), shown.get(now, now)
            changes.append((capfirst(field.verbose_name), was, now))
    return changes


def revision_quotes(version: Version) -> set[str]:
    """The quotations saved in the same revision as this article version, as 'text — speaker'."""
    people = {}
    rows = []
    for other in version.revision.version_set.filter(content_type__model="quote"):
        data = other.field_dict
        rows.append(data)
        if data.get("person"):
            people[data["person"]] = None
    names = dict(Person.objects.filter(pk__in=people).values_list("pk", "name"))
    return {
        f"“{d['text']}” — {names.get(d.get('person')) or d.get('speaker_as_written') or 'unattributed'}" for d in rows
    }


class CompareHistoryMixin:
    """History with who and when (django-reversion), plus a page comparing two versions."""

    object_history_template = "admin/articles/object_history.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{info[0]}_{info[1]}_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        versions = (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )
        return super().history_view(request, object_id, {**(extra_context or {}), "versions": versions})

    def compared_fields(self) -> list[str]:
        """The model fields staff edit in the change form (its own, not those derived from them)."""
        names = flatten_fieldsets(self.fieldsets) if self.fieldsets else self.fields
        model_fields = {f.name for f in self.model._meta.concrete_fields}
        return [name for name in names if name in model_fields]

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        wanted = [request.GET.get(name, "") for name in ("old", "new")]
        if not all(value.isdigit() for value in wanted):
            return redirect(f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_history", obj.pk)
        old, new = (get_object_or_404(versions, pk=int(value)) for value in wanted)
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"Compare versions of {obj}",
            "old": old,
            "new": new,
            "changes": version_changes(old, new, self.compared_fields()),
        }
        if self.model is Article:
            before, after = revision_quotes(old), revision_quotes(new)
            context["quotes_removed"], context["quotes_added"] = sorted(before - after), sorted(after - before)
        return TemplateResponse(request, "admin/articles/compare.html", context)


# --- Searching a changelist within a time limit ------------------------------------------------

SEARCH_TOO_LONG = 'The search took too long and was stopped: narrow it (more words, a "phrase", or a filter).'


class ValidInitialMixin:
    """An add form takes initial values from its URL (?source=3), and Django's autocomplete widget looks them up
    as given: ?source=abc was a 500 (the id lookup's ValueError while rendering). A value that is no id of the
    related model is left out, as if not given; one that is an id of no row shows an empty box, as before."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name in self.autocomplete_fields:
            if name in initial:
                try:
                    self.model._meta.get_field(name).target_field.get_prep_value(initial[name])
                except (TypeError, ValueError):
                    del initial[name]
        return initial


class TimeLimitedSearchMixin:
    """A changelist with a search term runs within ADMIN_SEARCH_TIMEOUT_MS, as the public search runs
    within its own limit (articles.search, SET LOCAL statement_timeout): a search the database gives
    up on shows SEARCH_TOO_LONG and no rows, instead of holding a worker until gunicorn's timeout
    ends it with an error (or the database's own error becoming a 500).

    The page is rendered inside the limited transaction because the changelist's queries (count,
    rows, date drill-down) run while its template renders."""

    def changelist_view(self, request, extra_context=None):
        if request.method not in ("GET", "HEAD") or not request.GET.get(SEARCH_VAR, "").strip():
            return super().changelist_view(request, extra_context)
        try:
            with time_limit(settings.ADMIN_SEARCH_TIMEOUT_MS):
                response = super().changelist_view(request, extra_context)
                if hasattr(response, "render"):
                    response.render()
                return response
        except OperationalError as exc:
            if not statement_cancelled(exc):
                raise
        request.search_timed_out = True  # get_queryset: no rows this time
        self.message_user(request, SEARCH_TOO_LONG, messages.WARNING)
        return super().changelist_view(request, extra_context)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.none() if getattr(request, "search_timed_out", False) else queryset


def form_page(model_admin: admin.ModelAdmin, request: HttpRequest, form, fieldsets, /, **context) -> dict:
    """The context of a page of our own with a form, laid out as the admin lays out a change form
    (admin/articles/form_page.html, admin/includes/fieldset.html), its widgets' scripts included."""
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "adminform": admin.helpers.AdminForm(form, fieldsets, {}, model_admin=model_admin),
        "media": model_admin.media + form.media,
        **context,
    }


# --- Articles ---------------------------------------------------------------------------------


class QuoteInline(admin.TabularInline):
    model = Quote
    formset = QuoteFormSet
    fields = ["text", "person", "speaker_as_written", "speaker_kind", "partial", "evidence", "edited_by_staff"]
    readonly_fields = ["evidence", "edited_by_staff"]
    autocomplete_fields = ["person"]
    extra = 1
    verbose_name = "quotation"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "text":
            field.widget.attrs.update(rows=3, cols=60)
        if db_field.name == "speaker_as_written":
            field.help_text = "As printed; enough on its own when the speaker is not in the archive."
        if db_field.name == "speaker_kind":
            # left out: unknown, or a person's when a speaker is chosen (Quote.clean)
            field.required, field.empty_value = False, Quote.SpeakerKind.UNKNOWN
        return field


class MentionInline(admin.TabularInline):
    model = Mention
    formset = StaffEditedFormSet
    fields = ["person", "count", "quoted", "evidence", "edited_by_staff"]
    readonly_fields = ["evidence", "edited_by_staff"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = "person named"
    verbose_name_plural = "people named"


class ArticleTopicInline(admin.TabularInline):
    """The article's topics, with whether a rule gave each: a row staff add or change is theirs
    (by_rule false), so re-applying the rules never takes it away."""

    model = ArticleTopic
    formset = StaffTopicFormSet
    fields = ["topic", "by_rule"]
    readonly_fields = ["by_rule"]
    autocomplete_fields = ["topic"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic")  # each row is labelled with its topic

    # A topic link is part of its article, as with the plain many-to-many field before: whoever may
    # change the article may add, change and remove its topics, and whoever may view it sees them.
    def _may(self, request, action: str) -> bool:
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")

    def has_add_permission(self, request, obj=None):
        return self._may(request, "change")

    def has_change_permission(self, request, obj=None):
        return self._may(request, "change")

    def has_delete_permission(self, request, obj=None):
        return self._may(request, "change")

    def has_view_permission(self, request, obj=None):
        return self._may(request, "view") or self._may(request, "change")


class HasQuotesFilter(admin.SimpleListFilter):
    title = "quotations"
    parameter_name = "quotes"

    def lookups(self, request, model_admin):
        return [("yes", "With quotations"), ("no", "Without quotations")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.with_quotes()
        if self.value() == "no":
            return queryset.without_quotes()
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    """The languages articles are in (page_queries.article_languages: an index probe per language, where
    Django's own filter on the field would read every article for its distinct values)."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, language_name(code)) for code in article_languages()] + [("none", "Unknown")]

    def queryset(self, request, queryset):
        value = self.value()
        if value:
            return queryset.filter(language="" if value == "none" else value)
        return queryset


class UnresolvedSpeakerFilter(admin.SimpleListFilter):
    title = "speakers"
    parameter_name = "unresolved"

    def lookups(self, request, model_admin):
        return [("yes", "With an unresolved speaker")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(Exists(Quote.objects.filter(article=OuterRef("pk"), person__isnull=True)))
        return queryset


@admin.register(Article)
class ArticleAdmin(ValidInitialMixin, TimeLimitedSearchMixin, CompareHistoryMixin, VersionAdmin):
    form = ArticleForm
    inlines = [ArticleTopicInline, QuoteInline, MentionInline]
    list_display = ["headline", "source", "published_known", "quote_count", "updated"]
    list_filter = [HasQuotesFilter, UnresolvedSpeakerFilter, LanguageFilter, "published", "source", "topics"]
    list_select_related = ["source"]
    date_hierarchy = "published"
    search_fields = ["headline"]  # shows the box; the search itself is full-text (get_search_results)
    search_help_text = 'Words in the headline, text, quotations or names; "a phrase", or, -word.'
    autocomplete_fields = ["source", "via", "copy_of"]
    show_full_result_count = False  # a count over the whole archive on every page is too slow
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["headline", "body_html"]}),
        (
            "Where and when",
            {"fields": [("source", "via"), ("published", "published_precision"), "published_at", "url", "byline"]},
        ),
        ("Detected in the text", {"fields": ["language"]}),  # again when the text changes (archive.update_article)
        ("Wire copy", {"fields": ["copy_of"]}),  # found when stored (articles/wire.py); staff split or join
    ]
    readonly_fields = ["feed_url", "entry_id", "language", "body"]
    actions = ["reextract"]

    @admin.action(description="Re-extract quotations and people (a worker does it)", permissions=["change"])
    def reextract(self, request: HttpRequest, queryset) -> None:
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        job = jobs.enqueue(Job.Kind.REEXTRACT, {"article_ids": ids}, user=request.user)
        message_job(self, request, job, f"{len(ids):,} articles queued for re-extraction: the rows staff set stay.")

    def get_fieldsets(self, request, obj=None):
        fieldsets = self.fieldsets
        if obj is not None and not self.has_change_permission(request, obj):  # a viewer reads the body
            fieldsets = [(None, {"fields": ["headline", "body"]}), *fieldsets[1:]]
        if obj is not None and obj.entry_id:  # its identity in the feed it came from (archive._new_or_changed)
            return [*fieldsets, ("Feed entry", {"fields": ["feed_url", "entry_id"]})]
        return fieldsets

    @admin.display(description="body")
    def body(self, article: Article) -> str:
        """The body as the public article page shows it, for those who may only view it (the form's
        read-only field would show the markup). body_html is sanitised whenever it is written
        (clean_html in ArticleForm.clean, and in formats.finish for every input), so it is shown as stored."""
        return format_html('<div class="article-body">{}</div>', mark_safe(article.body_html))  # noqa: S308

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "articles_article_changelist":
            quotes = (
                Quote.objects.filter(article=OuterRef("pk"))
                .order_by()
                .values("article")
                .annotate(n=Count("pk"))
                .values("n")
            )
            queryset = queryset.defer("body_html", "body_text", "search_text", "search_vector").annotate(
                n_quotes=Coalesce(Subquery(quotes, output_field=IntegerField()), 0)
            )
        return queryset

    @admin.display(description="published", ordering="published")
    def published_known(self, article: Article) -> str:
        """As far as it is known ("Apr 2017", "2017"), not as the first day it is stored as (models.dated)."""
        return dated(article.published, article.published_precision, short=True)[1]

    @admin.display(description="quotations", ordering="n_quotes")
    def quote_count(self, article: Article) -> int:
        return article.n_quotes

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def save_model(self, request, obj, form, change):
        # body_html was sanitised and body_text derived in ArticleForm.clean; extraction follows the text.
        form.text_changed = not change or bool({"headline", "body_html"} & set(form.changed_data))
        was_copy_of = form.initial.get("copy_of")
        super().save_model(request, obj, form, change)
        if "copy_of" in form.changed_data:  # both groups' "also published by N outlets"
            archive.refresh_copy_outlets([pk for pk in (was_copy_of, obj.copy_of_id) if pk])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.text_changed:
            archive.update_article(form.instance)
        else:  # quotations or mentions changed by hand, perhaps: the search text follows them
            archive.refresh_search_text([form.instance.pk])
        if reversion.is_active():
            reversion.add_to_revision(form.instance)  # again: the revision holds the quotations as stored

    def get_urls(self):
        return [
            path("paste/", self.admin_site.admin_view(self.paste_view), name="articles_article_paste"),
            *super().get_urls(),
        ]

    def paste_view(self, request: HttpRequest) -> HttpResponse:
        """Paste text, give a URL or upload a file; preview what the pipeline found; correct; save."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {"title": "Paste an article"}
        if request.method == "POST" and "save" in request.POST:
            return self._paste_save(request, context)
        form = PasteForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid() and form.cleaned_data["url"]:
            # Fetching may take FETCH_DEADLINE: a worker does it, and the job's page shows the outcome.
            published = form.cleaned_data["published"]
            job = jobs.enqueue(
                Job.Kind.PASTE,
                {"url": form.cleaned_data["url"], "published": published.isoformat() if published else None},
                user=request.user,
            )
            self.message_user(request, "A worker fetches the page and stores its article; this page shows when.")
            return redirect("admin:articles_job_change", job.pk)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            parsed = parse_pasted(
                text=data["text"], url=data["url"], upload=data["file"], options=Options(date=data["published"])
            )
            if isinstance(parsed, Rejection):
                form.add_error(None, f"Nothing to store: {parsed.reason}.")
            else:
                record = pipeline.preview_record(parsed, archive.Context())
                review = ReviewForm(
                    quotes=record["quotes"],
                    initial={
                        "headline": parsed.headline,
                        "source": parsed.source,
                        "via": parsed.via,
                        "published": parsed.published,
                        "url": parsed.url,
                        "byline": parsed.byline,
                        "body_text": parsed.body_text,
                    },
                )
                return self._render_review(request, context, review, record)
        fieldsets = [(None, {"fields": list(form.fields)})]
        return TemplateResponse(
            request,
            "admin/articles/article/paste.html",
            form_page(self, request, form, fieldsets, form=form, **context),
        )

    def _paste_save(self, request: HttpRequest, context: dict) -> HttpResponse:
        pipeline_context = archive.Context()
        parsed = _parsed_from_review(request.POST)
        extracted = extract_article(parsed) if isinstance(parsed, ParsedArticle) else None
        record = pipeline.preview_record(parsed, pipeline_context, extracted) if extracted else {}
        review = ReviewForm(request.POST, quotes=record.get("quotes", []))
        if isinstance(parsed, Rejection):
            review.add_error(None, parsed.reason)
        if not review.is_valid():
            return self._render_review(request, context, review, record)
        with reversion.create_revision():
            result = store_pasted(
                parsed=parsed, corrections=review.speaker_corrections(), context=pipeline_context, extracted=extracted
            )
            if result.status == "created":
                reversion.set_user(request.user)
                reversion.set_comment("Pasted.")
                reversion.add_to_revision(Article.objects.get(pk=result.article_id))
        if result.status != "created":
            review.add_error(None, f"Not stored: {result.detail or result.status}.")
            return self._render_review(request, context, review, record)
        article = Article.objects.get(pk=result.article_id)
        self.log_addition(request, article, [{"added": {}}])
        self.message_user(request, f"Stored “{article.headline}”. Check the quotations below.", messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)

    def _render_review(self, request, context, review: ReviewForm, record: dict) -> HttpResponse:
        quotes = [(q, review[f"speaker_{i}"], review[f"quote_{i}"]) for i, q in enumerate(review.quotes)]
        fieldsets = [("Article", {"fields": ["headline", "source", "via", "published", "url", "byline"]})]
        return TemplateResponse(
            request,
            "admin/articles/article/paste_review.html",
            form_page(self, request, review, fieldsets, review=review, record=record, quotes=quotes, **context),
        )


def _parsed_from_review(data) -> ParsedArticle | Rejection:
    """The article as corrected on the preview page, checked as `ingest` checks (formats.finish). The
    date is read as the form reads it: the admin's date box writes the admin's format (DD/MM/YYYY)."""
    try:
        published = ReviewForm.base_fields["published"].clean(data.get("published"))
    except ValidationError:
        published = None  # the form reports the bad date
    return formats.finish(
        ParsedArticle(
            headline=data.get("headline", ""),
            body_text=normalize_newlines(data.get("body_text", "")),
            body_html="",
            origin="pasted",
            source=data.get("source", ""),
            via=data.get("via", ""),
            published=published,
            url=data.get("url", ""),
            byline=data.get("byline", ""),
        )
    )


# --- People -----------------------------------------------------------------------------------


class AliasInline(admin.TabularInline):
    model = Alias
    formset = TableFormSet
    fields = ["name"]
    extra = 1


@admin.register(Person)
class PersonAdmin(TimeLimitedSearchMixin, CompareHistoryMixin, VersionAdmin):
    list_display = ["name", "description", "quote_count"]
    search_fields = ["name", "aliases__name"]
    inlines = [AliasInline]
    actions = ["merge", "not_people"]
    readonly_fields = ["slug"]
    fields = ["name", "slug", "description"]

    def get_queryset(self, request):
        # A wire story's quotations once (issue 14.3), as the person's page counts them: not again for each
        # outlet that ran the copy (Quote.repeated). The merge page counts every row: a merge moves them all.
        return super().get_queryset(request).annotate(n_quotes=_count(Quote, Quote.objects.one_per_story()))

    @admin.display(description="quotations", ordering="n_quotes")
    def quote_count(self, person: Person) -> int:
        return person.n_quotes

    def save_model(self, request, obj, form, change):
        archive.rename_person(obj)

    def delete_model(self, request, obj):
        archive.delete_people([obj])

    def delete_queryset(self, request, queryset):
        archive.delete_people(queryset)

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm("articles.merge_person")

    @admin.action(description="Merge selected people into one…", permissions=["merge"])
    def merge(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "confirm" in request.POST else None, people=queryset)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = [p for p in queryset if p.pk != keep.pk]
            names = ", ".join(p.name for p in others)
            with reversion.create_revision():
                archive.merge_people(keep=keep, others=others)
                reversion.set_user(request.user)
                reversion.set_comment(f"Merged {names} into {keep.name}.")
                reversion.add_to_revision(keep)
            self.log_change(request, keep, f"Merged {names}.")
            self.message_user(request, f"Merged {names} into {keep.name}.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_person_change", args=[keep.pk]))
        return TemplateResponse(
            request,
            "admin/articles/person/merge_confirm.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Merge people",
                "form": form,
                "summary": merge_summary(queryset),
                "selected": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def has_not_people_permission(self, request) -> bool:
        return request.user.has_perm("articles.add_notaperson")

    @admin.action(description="Not people: remember the names and delete them…", permissions=["not_people"])
    def not_people(self, request, queryset):
        if "confirm" in request.POST:
            names = archive.not_people(queryset)
            self.message_user(
                request,
                f"Remembered as not people, and deleted: {', '.join(names)}. Their quotations stay, unattributed.",
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/articles/person/not_people_confirm.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Not people",
                "summary": merge_summary(queryset),
                "selected": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(NotAPerson)
class NotAPersonAdmin(admin.ModelAdmin):
    """Names extraction must never make a person of; deleting one has a worker re-extract the articles whose
    quotations it was credited with, unattributed, so the person is found again."""

    list_display = ["name", "created"]
    search_fields = ["name"]
    fields = ["name"]

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        requeue_speakers(self, request, [obj.name], f"Articles quoting {obj.name}")

    def delete_queryset(self, request, queryset):
        names = list(queryset.values_list("name", flat=True))
        super().delete_queryset(request, queryset)
        requeue_speakers(self, request, names, f"Articles quoting {', '.join(names)}")


def requeue_speakers(model_admin: admin.ModelAdmin, request: HttpRequest, names: list[str], what: str) -> None:
    """Names extraction reads changed: a worker re-extracts the articles whose unattributed quotations give
    one of them as written (jobs.quoting_unattributed, when it starts: finding them may take a while)."""
    job = jobs.enqueue(Job.Kind.REEXTRACT, {"speaker_names": names}, user=request.user)
    message_job(model_admin, request, job, f"{what} are re-extracted by a worker.")


# --- Topics, outlets ---------------------------------------------------------------------------


class TopicRuleInline(admin.TabularInline):
    model = TopicRule
    formset = TableFormSet
    fields = ["keyword", "matching_articles"]
    readonly_fields = ["matching_articles"]
    extra = 1
    verbose_name = "keyword rule"

    @admin.display(description="articles it matches")
    def matching_articles(self, rule: TopicRule) -> str:
        return f"{count_matches([rule.keyword]):,}" if rule.pk else "—"


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "rule_count"]
    search_fields = ["name"]
    inlines = [TopicRuleInline]
    fields = ["name", "slug", "description", "matching_articles"]
    readonly_fields = ["slug", "matching_articles"]
    change_list_template = "admin/articles/topic/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_rules=Count("rules"))

    @admin.display(description="keyword rules", ordering="n_rules")
    def rule_count(self, topic: Topic) -> int:
        return topic.n_rules

    @admin.display(description="articles its rules match")
    def matching_articles(self, topic: Topic) -> str:
        if not topic.pk:
            return "—"
        return f"{count_matches(list(topic.rules.values_list('keyword', flat=True))):,}"

    def save_model(self, request, obj, form, change):
        if not obj.slug:
            obj.slug = unique_slug(Topic, obj.name)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):  # a rule added, changed or removed
            job = jobs.enqueue(Job.Kind.RETAG, user=request.user)
            message_job(self, request, job, "The rules changed: every article is re-tagged by a worker.")

    def get_urls(self):
        return [
            path("retag/", self.admin_site.admin_view(self.retag_view), name="articles_topic_retag"),
            *super().get_urls(),
        ]

    def retag_view(self, request: HttpRequest) -> HttpResponse:
        """Have a worker re-apply every keyword rule to every article; its job's page reports what each
        topic gained and lost."""
        if request.method != "POST" or not self.has_change_permission(request):
            raise PermissionDenied
        job = jobs.enqueue(Job.Kind.RETAG, user=request.user)
        self.message_user(request, "A worker re-tags every article; this page shows what changed.")
        return redirect("admin:articles_job_change", job.pk)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "homepage"]
    search_fields = ["name"]
    fields = ["name", "slug", "homepage"]
    prepopulated_fields = {"slug": ["name"]}
    # A homepage typed without a scheme is https (Django 6's default; 5.2 warns and guesses http).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


# --- Feeds the collector polls ---------------------------------------------------------------


class FailingFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("failing", "Failing"), ("ok", "Working"), ("never", "Never fetched")]

    def queryset(self, request, queryset):
        if self.value() == "failing":
            return queryset.filter(consecutive_errors__gt=0)
        if self.value() == "ok":
            return queryset.filter(consecutive_errors=0, last_fetched__isnull=False)
        if self.value() == "never":
            return queryset.filter(last_fetched__isnull=True)
        return queryset


@admin.register(Feed)
class FeedAdmin(ValidInitialMixin, admin.ModelAdmin):
    """Subscriptions: the collector (`manage.py collect`) polls each active feed when it is due."""

    form = FeedForm
    list_display = [
        "__str__",
        "source",
        "active",
        "status",
        "last_fetched",
        "next_due",
        "consecutive_errors",
        "error",
        "articles_found",
        "articles_per_day",
    ]
    list_filter = [FailingFilter, "active", "source"]
    list_select_related = ["source"]
    search_fields = ["url", "title"]
    autocomplete_fields = ["source"]
    actions = ["fetch_now", "pause", "resume", "export_selected"]
    change_list_template = "admin/articles/feed/change_list.html"
    fieldsets = [
        (None, {"fields": ["url", "title", "source", "active", "fetch_pages"]}),
        (
            "Polling",
            {
                "fields": [
                    "status",
                    ("last_fetched", "last_status"),
                    ("next_due", "interval"),
                    ("consecutive_errors", "last_error"),
                    ("articles_found", "articles_per_day"),
                    ("etag", "last_modified"),
                    ("claimed_by", "claimed_until"),
                ]
            },
        ),
    ]
    readonly_fields = [
        "status",
        "last_fetched",
        "last_status",
        "next_due",
        "interval",
        "consecutive_errors",
        "last_error",
        "articles_found",
        "articles_per_day",
        "etag",
        "last_modified",
        "claimed_by",
        "claimed_until",
    ]

    @admin.display(description="status")
    def status(self, feed: Feed) -> str:
        if feed.claimed_until and feed.claimed_until > timezone.now():
            return "fetching"
        if not feed.active:
            return "paused"
        if feed.consecutive_errors:
            return f"failing ({feed.consecutive_errors} in a row)"
        if feed.last_fetched is None:
            return "waiting for its first fetch"
        return "not modified" if feed.last_status == 304 else "ok"

    @admin.display(description="last error")
    def error(self, feed: Feed) -> str:
        return feed.last_error if len(feed.last_error) <= 120 else feed.last_error[:119] + "…"

    @admin.display(description="articles/day", ordering="per_day")
    def articles_per_day(self, feed: Feed) -> str:
        return "—" if feed.per_day is None else f"{feed.per_day:.1f}"

    @admin.action(description="Fetch now (queue for the worker)")
    def fetch_now(self, request: HttpRequest, queryset) -> None:
        queued = queryset.filter(active=True).update(next_due=Now())
        paused = queryset.filter(active=False).count()
        note = f" {paused} paused: resume them to fetch them." if paused else ""
        self.message_user(request, f"{queued} queued: a worker (manage.py collect) fetches them next.{note}")

    @admin.action(description="Pause (stop polling)")
    def pause(self, request: HttpRequest, queryset) -> None:
        self.message_user(request, f"{queryset.update(active=False)} paused.")

    @admin.action(description="Resume polling")
    def resume(self, request: HttpRequest, queryset) -> None:
        self.message_user(request, f"{queryset.update(active=True)} resumed.")

    @admin.action(description="Export as OPML")
    def export_selected(self, request: HttpRequest, queryset) -> HttpResponse:
        return _opml_response(queryset.select_related("source"))

    def get_urls(self):
        return [
            path("import-opml/", self.admin_site.admin_view(self.import_view), name="articles_feed_import"),
            path("export-opml/", self.admin_site.admin_view(self.export_view), name="articles_feed_export"),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload an OPML subscription list: every feed in it is subscribed to (those already are kept)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = OpmlImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = collect.import_opml(form.cleaned_data["file"].read())
            except InputError as exc:
                form.add_error("file", f"Nothing imported: {exc}.")
            else:
                already = f", {len(result.already)} already subscribed" if result.already else ""
                self.message_user(request, f"Imported {len(result.added)} feeds{already}.", messages.SUCCESS)
                for refusal in result.refused:
                    self.message_user(request, f"Not imported: {refusal}", messages.WARNING)
                return redirect("admin:articles_feed_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import feeds from OPML",
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/feed/import_opml.html", context)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return _opml_response(Feed.objects.select_related("source").order_by("url"))


def _opml_response(feeds) -> HttpResponse:
    response = HttpResponse(collect.export_opml(feeds), content_type="text/x-opml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="newsarchive-feeds.opml"'
    return response


# --- Jobs ---------------------------------------------------------------------------------------


def message_job(model_admin: admin.ModelAdmin, request: HttpRequest, job: Job, text: str) -> None:
    link = reverse("admin:articles_job_change", args=[job.pk])
    model_admin.message_user(request, format_html('{} <a href="{}">Job {}</a> shows how it goes.', text, link, job.pk))


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """What the worker did with the work staff asked for (articles/jobs.py): read only. Its page reloads
    itself until the job is done (templates/admin/articles/job/change_form.html)."""

    list_display = ["__str__", "state", "outcome", "requested_by", "created"]
    list_filter = ["state", "kind"]
    list_select_related = ["requested_by"]
    fields = ["kind", "asked_for", "state", "outcome", "requested_by", "created", "started", "finished", "attempts"]
    readonly_fields = fields
    change_form_template = "admin/articles/job/change_form.html"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # Whoever asked for a job sees it, with or without the permission to see everyone's.
        mine = request.user.is_staff and (obj is None or obj.requested_by_id == request.user.pk)
        return super().has_view_permission(request, obj) or mine

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not super().has_view_permission(request):
            queryset = queryset.filter(requested_by=request.user)
        return queryset

    @admin.display(description="asked for")
    def asked_for(self, job: Job) -> str:
        if job.kind == Job.Kind.PASTE:
            return format_html("fetch <code>{}</code> and store its article", job.arguments.get("url", ""))
        ids = job.arguments.get("article_ids")
        if job.kind == Job.Kind.REEXTRACT and ids is not None:
            return f"re-extract {len(ids):,} articles"
        if job.kind == Job.Kind.REEXTRACT and "speaker_names" in job.arguments:
            names = ", ".join(job.arguments["speaker_names"])
            return f"re-extract the articles whose quotations no person was found for give {names} as written"
        return job.get_kind_display()

    @admin.display(description="outcome")
    def outcome(self, job: Job) -> str:
        text = jobs.outcome(job)
        article_id = (job.result or {}).get("article_id") if job.state == Job.State.DONE else None
        if article_id is None:
            return text
        before, after = text.split(f"article #{article_id}", 1)
        link = reverse("admin:articles_article_change", args=[article_id])
        return format_html('{}<a href="{}">article #{}</a>{}', before, link, article_id, after)
