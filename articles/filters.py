"""One FilterSet per list page. Invalid values make the form invalid; views then show the
errors with status 400 instead of silently ignoring a filter (django-filter's default)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, Q
from django.template import loader
from django.urls import reverse_lazy

from articles.ingest.language import language_name
from articles.models import Article, DatePrecision, Person, Quote, Source, Topic, since_day
from articles.page_queries import article_languages
from articles.search import QUOTE_SORTS, SORTS, clean_query


class IntegerFilter(django_filters.NumberFilter):
    # NumberFilter's DecimalField would let "2020.5" through to a year lookup.
    field_class = forms.IntegerField


class OptionsSelect(forms.Select):
    """A <select> written by one template looping over its options, not a template per option.

    The outlet list has an option per outlet: through Django's per-option templates, 300 of
    them were two thirds of /articles/ (~100 ms; cProfile on the bench corpus). Here the
    options are plain (value, label, selected) triples: 308 outlets take ~1.8 ms, against
    ~1.5 ms when they were joined in Python (issue 12.4). The template is in templates/ and
    goes through the site's template engine (Django's form renderer doesn't look there).
    """

    template_name = "includes/select.html"

    def render(self, name, value, attrs=None, renderer=None):
        final = {**self.build_attrs(self.attrs, attrs), "name": name}
        # As Django's flatatt() writes them: valued attributes, then bare ones (True), each sorted.
        pairs = sorted(
            ((key, val) for key, val in final.items() if val is not None and val is not False),
            key=lambda pair: (pair[1] is True, pair[0]),
        )
        chosen = set(self.format_value(value))
        options = [(key, label, str(key) in chosen) for key, label in self.choices]
        return loader.render_to_string(self.template_name, {"attrs": pairs, "options": options})


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """An outlet, person or topic chosen by slug in the URL (?person=ines-varga)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", OptionsSelect)
        super().__init__(*args, **kwargs)


class PersonField(forms.ModelChoiceField):
    """A person by slug (links: ?person=ines-varga) or as a reader types them (?person=Inès Varga,
    or an alias): a name is looked up ignoring case, accents and punctuation."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            text, _ = clean_query(value)
            people = list(Person.objects.named_exactly(text)[:2]) if text else []
            if len(people) == 1:
                return people[0]
            raise forms.ValidationError(
                f"No one in the archive is called “{text}”; the People page finds names spelt differently."
                if not people
                else f"More than one person is called “{text}”; choose one on the People page.",
                code="invalid_choice",
            ) from None


class PersonChoiceFilter(SlugChoiceFilter):
    field_class = PersonField


def language_choices() -> list[tuple[str, str]]:
    """The languages articles are in, by name ("de" -> "German"): a code no article has is no choice (400)."""
    return sorted(((code, language_name(code)) for code in article_languages()), key=lambda choice: choice[1])


def _search(queryset, name, value):
    text, _ = clean_query(value)
    return queryset.search(text) if text else queryset


def name_box(placeholder: str) -> forms.TextInput:
    """A person's name typed, with the as-you-type list of known names (static/js/site.js)."""
    return forms.TextInput(
        attrs={
            "placeholder": placeholder,
            "list": "person-names",
            "autocomplete": "off",
            "data-suggest-names": reverse_lazy("person_suggest"),
        }
    )


# Said under a list's date range: how approximate and unknown dates are treated (models.since_day).
UNDATED_HELP = (
    "An article dated only by its month or year is included when that month or year overlaps the range; "
    "one with no date is left out."
)


class DateRangeMixin:
    """A range that ends before it starts is an error (400, saying so), not an empty page: /articles/, /quotes/,
    their downloads and the API."""

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        data = self.form.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.form.add_error("date_to", "The end of the range is before its start.")
        return not self.form.errors


class ArticleFilter(DateRangeMixin, django_filters.FilterSet):
    """/articles/: every article, narrowed by outlet, person, topic, dates and quotations."""

    q = django_filters.CharFilter(label="Words", method=_search)
    source = SlugChoiceFilter(label="Outlet", queryset=Source.objects.all(), empty_label="Any outlet")
    person = PersonChoiceFilter(
        label="Person",
        queryset=Person.objects.all(),
        method="filter_person",
        widget=name_box("a name, e.g. Ana Ruiz"),
    )
    topic = SlugChoiceFilter(label="Topic", queryset=Topic.objects.all(), field_name="topics", empty_label="Any topic")
    language = django_filters.ChoiceFilter(label="Language", choices=language_choices, empty_label="Any language")
    date_from = django_filters.DateFilter(
        label="From", method="filter_from", widget=forms.DateInput(attrs={"type": "date"})
    )
    # An approximate date is stored as its first day: up to the end, it is in the range when its period begins.
    date_to = django_filters.DateFilter(
        label="To",
        field_name="published",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=UNDATED_HELP,
    )
    year = IntegerFilter(label="Year", field_name="published__year", min_value=1, max_value=9999)
    month = IntegerFilter(label="Month", method="filter_month", min_value=1, max_value=12)
    quotes = django_filters.ChoiceFilter(
        label="Quotations",
        choices=[("yes", "With quotations"), ("no", "Without quotations")],
        empty_label="Any",
        method="filter_quotes",
    )
    sort = django_filters.ChoiceFilter(
        label="Order",
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
        empty_label=None,
        method="filter_sort",
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_person(self, queryset, name, value):
        # Ordered by the mention's copy of the date (Mention.published, the same value): each page
        # of a person's articles is then read from mention_person_published_idx, where ordering by
        # the article's own date sorted all of them (160 ms for page 3 of a mid-ranked person at 1M).
        return queryset.mentioning(value).order_by(*_BY_MENTION["newest"])

    def filter_from(self, queryset, name, value):
        return queryset.filter(since_day(value))

    def filter_month(self, queryset, name, value):
        # A year alone overlaps each of its months.
        return queryset.filter(Q(published__month=value) | Q(published_precision=DatePrecision.YEAR))

    def filter_quotes(self, queryset, name, value):
        return queryset.with_quotes() if value == "yes" else queryset.without_quotes()

    def filter_sort(self, queryset, name, value):
        if self.form.cleaned_data.get("person"):
            return queryset.order_by(*_BY_MENTION[value])
        return queryset.oldest_first() if value == "oldest" else queryset.newest_first()


_BY_MENTION = {
    "newest": (F("mentions__published").desc(nulls_last=True), F("id").desc()),
    "oldest": (F("mentions__published").asc(nulls_first=True), F("id").asc()),
}


class SearchFilter(django_filters.FilterSet):
    """/search/: the words, and the facets beside the results (outlet, person, topic, year)."""

    q = django_filters.CharFilter(label="Search the archive", method=_search)
    source = SlugChoiceFilter(queryset=Source.objects.all())
    person = PersonChoiceFilter(queryset=Person.objects.all(), method="filter_person")
    topic = SlugChoiceFilter(queryset=Topic.objects.all(), field_name="topics")
    year = IntegerFilter(field_name="published__year", min_value=1, max_value=9999)
    language = django_filters.ChoiceFilter(choices=language_choices)
    # Ordering is applied by articles.search.search(), which ranks only a bounded set; the view
    # builds its SearchRequest from these cleaned values and never filters with this FilterSet
    # (the search feed does: newest matches, unranked).
    sort = django_filters.ChoiceFilter(choices=list(SORTS.items()), method=lambda qs, name, value: qs)

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_person(self, queryset, name, value):
        return queryset.mentioning(value)


class QuoteFilter(DateRangeMixin, django_filters.FilterSet):
    """/quotes/: the words, and speaker, mentioning, outlet, topic, dates and language. The view builds a
    QuoteSearchRequest from the cleaned values (articles.search.search_quotes() does the filtering)."""

    q = django_filters.CharFilter(label="Words said")
    speaker = PersonChoiceFilter(
        label="Said by",
        queryset=Person.objects.all(),
        widget=name_box("a name, e.g. Ana Ruiz"),
    )
    mentioning = PersonChoiceFilter(
        label="Mentioning",
        queryset=Person.objects.all(),
        widget=name_box("someone named in the quotation or its article"),
    )
    source = SlugChoiceFilter(label="Outlet", queryset=Source.objects.all(), empty_label="Any outlet")
    topic = SlugChoiceFilter(label="Topic", queryset=Topic.objects.all(), empty_label="Any topic")
    date_from = django_filters.DateFilter(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = django_filters.DateFilter(
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=UNDATED_HELP.replace("An article", "A quotation whose article is"),
    )
    language = django_filters.ChoiceFilter(label="Language", choices=language_choices, empty_label="Any language")
    sort = django_filters.ChoiceFilter(label="Order", choices=list(QUOTE_SORTS.items()), empty_label=None)

    class Meta:
        model = Quote
        fields: list[str] = []


def as_listed(filterset: ArticleFilter | SearchFilter):
    """The filtered articles as their lists show them, so a page, its feed, its downloads and the API agree: a wire
    story once, under its first-published article (narrowed to a person, the first of its articles naming them);
    narrowed to an outlet, that outlet's own copy, which is what is asked for."""
    return filterset.qs if filterset.form.cleaned_data.get("source") else filterset.qs.one_per_story()


class PersonFilter(django_filters.FilterSet):
    """/people/: the A–Z index, or a search by name that forgives typos and finds aliases."""

    q = django_filters.CharFilter(label="Find a person", method="filter_name")
    letter = django_filters.ChoiceFilter(choices=[(c, c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"], method="filter_letter")

    class Meta:
        model = Person
        fields: list[str] = []

    def filter_name(self, queryset, name, value):
        text, _ = clean_query(value)
        return queryset.matching_name(text) if text else queryset

    def filter_letter(self, queryset, name, value):
        return queryset.filter(name__istartswith=value)
