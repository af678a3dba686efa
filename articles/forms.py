"""Admin forms: what staff type, checked with messages they can act on.

The database keeps the invariants (unique URL and fingerprint, non-empty headline); these
forms repeat them only to say, in words, what is wrong and which article is in the way.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, RelatedFieldWidgetWrapper
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.text import capfirst

from articles.ingest.sanitize import MarkupTooLarge, clean_html, html_to_text, strip_control, text_to_html
from articles.models import Article, DatePrecision, Feed, Person, fingerprint


def find_quote(body_text: str, text: str, taken: set[int] = frozenset()) -> int | None:
    """Where `text` stands in the body (the first place not in `taken`), or None.

    Whitespace is compared loosely: the body's paragraphs are single-spaced, a pasted
    quotation may not be.
    """
    wanted = " ".join(text.split())
    if not wanted:
        return None
    at = body_text.find(wanted)
    while at >= 0 and at in taken:
        at = body_text.find(wanted, at + 1)
    return at if at >= 0 else None


def normalize_newlines(text: str) -> str:
    """Browsers send a form's line breaks as CRLF; the stored text (and its fingerprint) uses LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _article_link(article_id: int) -> str:
    return format_html(
        '<a href="{}">article {}</a>', reverse("admin:articles_article_change", args=[article_id]), article_id
    )


def check_published(published: dt.date | None) -> None:
    if published and published > dt.date.today():
        raise forms.ValidationError("The publication date %(date)s is in the future.", params={"date": published})


def check_duplicates(
    *, headline: str, body_text: str, url: str, exclude_pk: int | None, entry_id: str = ""
) -> dict[str, str]:
    """Errors by field name for an article whose URL or text (fingerprint) is already stored. Feed
    entries may share a URL (article_url_unique): a URL is only taken by an article not from a feed,
    and only for another such article."""
    errors = {}
    others = Article.objects.exclude(pk=exclude_pk) if exclude_pk else Article.objects.all()
    if url and not entry_id and (other := others.filter(url=url, entry_id="").values_list("pk", flat=True).first()):
        errors["url"] = format_html("This URL is already stored as {}.", _article_link(other))
    digest = fingerprint(headline, body_text)
    if other := others.filter(fingerprint=digest).values_list("pk", flat=True).first():
        errors["body_html"] = format_html("The same headline and text are already stored as {}.", _article_link(other))
    return errors


class BodyField(forms.CharField):
    """The body as typed, with the line breaks it is stored with (LF). A browser sends a textarea's
    breaks as CRLF, so without this an unchanged body counted as changed: the change message said
    "Changed headline and body" when only the headline had changed, and the text was extracted again."""

    def to_python(self, value):
        return normalize_newlines(super().to_python(value) or "")


def date_hint() -> str:
    """The format the admin's date box and its calendar write dates in (the site language's first
    input format: DD/MM/YYYY in en-gb), for help texts that say the same as the box."""
    written = get_format("DATE_INPUT_FORMATS")[0]
    for code, shown in (("%d", "DD"), ("%m", "MM"), ("%Y", "YYYY"), ("%y", "YY")):
        written = written.replace(code, shown)
    return written


def headline_box() -> forms.Textarea:
    """Two wrapping lines, the admin's wide text box: a long headline is seen whole, not cut off."""
    return forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"})


def one_line(text: str) -> str:
    """A headline typed in a box that wraps: line breaks and runs of spaces are one space."""
    return " ".join(text.split())


class ArticleForm(forms.ModelForm):
    """The article's own fields; body_text and the fingerprint follow from body_html."""

    url = forms.URLField(max_length=1000, required=False, assume_scheme="https", label="URL")

    class Meta:
        model = Article
        # topics: an inline
        fields = [
            "headline",
            "source",
            "via",
            "published",
            "published_precision",
            "published_at",
            "url",
            "byline",
            "body_html",
            "copy_of",
        ]
        field_classes = {"body_html": BodyField}
        widgets = {"headline": headline_box(), "body_html": forms.Textarea(attrs={"rows": 16, "cols": 90})}
        error_messages = {"headline": {"required": "Every article needs a headline."}}
        help_texts = {
            "body_html": "HTML or plain paragraphs. Only p, br, a, em, strong, blockquote, lists and "
            "h2–h4 are kept; anything else is removed on save."
        }

    def clean_headline(self):
        return one_line(self.cleaned_data["headline"])

    def clean_published(self):
        published = self.cleaned_data.get("published")
        check_published(published)
        return published

    def clean_copy_of(self):
        """Staff confirm, split or make a wire-copy group (issue 14.3) by naming the group's first article.
        A group has one level: a copy of a copy would hide from lists the story its group shows."""
        first = self.cleaned_data.get("copy_of")
        if first is None:
            return None
        if first.pk == self.instance.pk:
            raise forms.ValidationError("An article is not a copy of itself.")
        if first.copy_of_id is not None:
            raise forms.ValidationError(
                f"“{first.headline}” is itself a copy: choose the article it copies, “{first.copy_of.headline}”."
            )
        if self.instance.pk and Article.objects.filter(copy_of=self.instance).exists():
            raise forms.ValidationError(
                "Other articles are copies of this one: make them copies of the other article first, or "
                "make that one a copy of this."
            )
        return first

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "published_at" in self.fields:
            name_date_and_time(self.fields["published_at"])
        name = self.add_prefix("published_precision")
        if self.is_bound and "published_precision" in self.fields and name not in self.data:
            # A form sent without it (a script, a page from before it) means a day, as before: not a change.
            self.data = self.data.copy()
            self.data[name] = DatePrecision.DAY

    def clean_published_precision(self):
        """A month or a year alone is stored as its first day (Article's article_published_precision): any day
        of it will do, so "the month only" with 17 April 2017 is April 2017."""
        precision = self.cleaned_data.get("published_precision")
        published = self.cleaned_data.get("published")
        if "published" not in self.cleaned_data:  # the date's own error is shown
            return precision
        if precision != DatePrecision.DAY and published is None:
            raise forms.ValidationError("Give a date in that month or year, or leave the date empty if it is unknown.")
        if precision == DatePrecision.MONTH:
            self.cleaned_data["published"] = published.replace(day=1)
        elif precision == DatePrecision.YEAR:
            self.cleaned_data["published"] = published.replace(month=1, day=1)
        return precision

    def clean(self):
        cleaned = super().clean()
        raw = cleaned.get("body_html", "")
        # Plain paragraphs typed without markup become <p>s before sanitising.
        if raw and "<" not in raw:
            raw = text_to_html(raw)
        try:
            body_html = clean_html(raw)
        except MarkupTooLarge as exc:
            self.add_error("body_html", f"This body can't be stored: {exc}.")
            return cleaned
        body_text = html_to_text(body_html)
        for name in ("headline", "byline"):  # control characters: see sanitize.strip_control
            if cleaned.get(name):
                cleaned[name] = strip_control(cleaned[name])
        if "body_html" in cleaned and not body_text:
            self.add_error("body_html", "The article has no text.")
        cleaned["body_html"] = body_html
        # Set here, before the inline formsets validate quotations against it.
        self.instance.body_text = body_text
        if cleaned.get("headline") and body_text:
            errors = check_duplicates(
                headline=cleaned["headline"],
                body_text=body_text,
                url=cleaned.get("url", ""),
                exclude_pk=self.instance.pk,
                entry_id=self.instance.entry_id,
            )
            for name, message in errors.items():
                if name not in self.errors:
                    self.add_error(name, message)
        return cleaned


def name_date_and_time(field: forms.Field) -> None:
    """The admin's date-and-time field is two boxes after the words "Date:" and "Time:", which are no
    <label>: each box is named (aria-label) "<field>: date" and "<field>: time" (axe-core's "label" rule)."""
    widgets = getattr(field.widget, "widgets", ())
    for part, widget in zip(("date", "time"), widgets, strict=False):
        widget.attrs.setdefault("aria-label", f"{capfirst(field.label)}: {part}")


class TableFormSet(BaseInlineFormSet):
    """The rows of an inline shown as a table (admin.TabularInline): its boxes stand under their
    column's heading with no <label> of their own, so each is named by its column (aria-label), as a
    screen reader needs (axe-core's "label" and "select-name" rules). The delete box is "Delete"; an
    autocomplete box passes its name on to the box select2 draws (static/js/admin.js)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            widget = field.widget
            if isinstance(widget, RelatedFieldWidgetWrapper):  # its attrs are its first copy's: name the box itself
                widget = widget.widget
            if not widget.is_hidden:
                widget.attrs.setdefault("aria-label", capfirst(field.label or ""))


class StaffEditedFormSet(TableFormSet):
    """Rows staff add or change are marked, so re-extraction never replaces them."""

    def save_new(self, form, commit=True):
        form.instance.edited_by_staff = True
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        obj.edited_by_staff = True
        return super().save_existing(form, obj, commit)


class StaffTopicFormSet(TableFormSet):
    """Topic links staff add or change are theirs, not a rule's (by_rule false): re-applying the
    rules never removes them."""

    def save_new(self, form, commit=True):
        form.instance.by_rule = False
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        obj.by_rule = False
        return super().save_existing(form, obj, commit)


class QuoteFormSet(StaffEditedFormSet):
    """Each quotation staff add or change must stand in the article's text; its position follows."""

    def _kept_forms(self):
        return [f for f in self.forms if f.has_changed() and f.cleaned_data and not self._should_delete_form(f)]

    def clean(self):
        super().clean()
        body = self.instance.body_text or ""
        taken: set[int] = set()
        for form in self.forms:
            if not form.cleaned_data or self._should_delete_form(form) or not form.cleaned_data.get("text"):
                continue
            # Extracted rows nobody touched are re-extracted from the new text; the others must fit it.
            if not (form.has_changed() or form.instance.edited_by_staff):
                continue
            text = " ".join(form.cleaned_data["text"].split())
            position = find_quote(body, text, taken)
            if position is None:
                form.add_error("text", "This quotation is not in the article's text. Copy it exactly as printed.")
                continue
            if position in taken:
                form.add_error("text", "This quotation is listed twice.")
                continue
            taken.add(position)
            form.instance.text = text
            form.instance.position = position

    def save(self, commit=True):
        # A row staff write supersedes an extracted row at the same place in the text.
        mine = [f.instance for f in self._kept_forms()]
        self.instance.quotes.filter(edited_by_staff=False, position__in=[q.position for q in mine]).exclude(
            pk__in=[q.pk for q in mine if q.pk]
        ).delete()
        return super().save(commit)


class PasteForm(forms.Form):
    """Step one of the paste page: one of pasted text, a URL or an HTML/text file."""

    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 90}),
        help_text="Headline on the first line, then the paragraphs; optionally the lines "
        "“The post … appeared first on Outlet.” and “Source: …” at the end.",
    )
    url = forms.URLField(
        required=False,
        assume_scheme="https",
        label="or a URL",
        help_text="A worker fetches the page and stores its article; you then check its quotations.",
    )
    file = forms.FileField(required=False, label="or an HTML or text file")
    # The admin's date box and calendar, as on the article form; the help says its format (__init__).
    published = forms.DateField(required=False, widget=AdminDateWidget, validators=[check_published])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published"].help_text = f"When the text does not say. {date_hint()}; YYYY-MM-DD also works."

    def clean(self):
        cleaned = super().clean()
        given = [name for name in ("text", "url", "file") if cleaned.get(name)]
        if len(given) != 1:
            raise forms.ValidationError("Paste the text, or give a URL, or choose a file: exactly one of them.")
        return cleaned


class ReviewForm(forms.Form):
    """Step two: what the pipeline found, for staff to correct before it is stored."""

    headline = forms.CharField(
        max_length=500, error_messages={"required": "Every article needs a headline."}, widget=headline_box()
    )
    source = forms.CharField(
        max_length=200, required=False, label="Outlet", help_text="A name not yet in the archive adds the outlet."
    )
    via = forms.CharField(max_length=200, required=False, label="Aggregator")
    # Not <input type="date">: chromium showed that as mm/dd/yyyy under a help text saying YYYY-MM-DD.
    # The admin's date box writes the admin's format, which the help says (__init__).
    published = forms.DateField(required=False, widget=AdminDateWidget, validators=[check_published])
    url = forms.URLField(
        max_length=1000,
        required=False,
        assume_scheme="https",
        label="URL",
        widget=forms.URLInput(attrs={"class": "vURLField"}),
    )
    byline = forms.CharField(max_length=300, required=False)
    body_text = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, quotes: list[dict] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.quotes = list(quotes)
        self.fields["published"].help_text = f"{date_hint()}; YYYY-MM-DD also works."
        for i, quote in enumerate(self.quotes):
            self.fields[f"quote_{i}"] = forms.CharField(widget=forms.HiddenInput, initial=quote["text"])
            self.fields[f"speaker_{i}"] = forms.CharField(
                max_length=200,
                required=False,
                initial=quote.get("speaker") or "",
                widget=forms.TextInput(attrs={"class": "vTextField"}),
                label="Speaker",
                help_text="Empty: the speaker stays unresolved, as written.",
            )

    def clean_headline(self):
        return one_line(self.cleaned_data["headline"])

    def clean_body_text(self):
        return normalize_newlines(self.cleaned_data["body_text"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("headline") and cleaned.get("body_text"):
            for name, message in check_duplicates(
                headline=" ".join(cleaned["headline"].split()),
                body_text=cleaned["body_text"].strip(),
                url=cleaned.get("url", ""),
                exclude_pk=None,
            ).items():
                self.add_error("url" if name == "url" else None, message)
        return cleaned

    def speaker_corrections(self) -> dict[str, str | None]:
        """Quotation text -> the speaker staff chose (None: unresolved), for the quotations they changed."""
        corrections = {}
        for i, quote in enumerate(self.quotes):
            chosen = " ".join(self.cleaned_data.get(f"speaker_{i}", "").split())
            if chosen != (quote.get("speaker") or ""):
                corrections[self.cleaned_data[f"quote_{i}"]] = chosen or None
        return corrections


class MergeForm(forms.Form):
    """Which of the selected people is kept; the others are merged into them."""

    keep = forms.ModelChoiceField(
        queryset=Person.objects.none(), widget=forms.RadioSelect, empty_label=None, label="Keep"
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = people


class FeedForm(forms.ModelForm):
    """A feed as staff add or change it; only http(s) addresses, as the database requires (feed_url_http)."""

    url = forms.URLField(
        max_length=1000, assume_scheme="https", label="URL", help_text="The feed's address (RSS, Atom or JSON Feed)."
    )

    class Meta:
        model = Feed
        fields = ["url", "title", "source", "active", "fetch_pages"]

    def clean_url(self) -> str:
        from articles.collect import feed_url_problem

        address = self.cleaned_data["url"].strip()
        if problem := feed_url_problem(address):
            raise forms.ValidationError(f"This address can't be polled: {problem}.")
        return address


class OpmlImportForm(forms.Form):
    file = forms.FileField(label="OPML file", help_text="A subscription list exported by a feed reader (.opml).")

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB: no subscription list is that long.")
        return upload
