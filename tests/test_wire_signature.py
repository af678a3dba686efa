"""Wire copies (issue 14.3): an article's bands and shingles are computed once, beside its extraction.

The process storing a batch compares each new article with its candidates by their shingles; those of the new
articles come with the extraction (pipeline: wire.signature in the worker), so storing does not shingle them
again. The story and outlets are test_wire_copies' fiction."""

import numpy as np
import pytest

from articles import archive, wire
from articles.models import Article
from tests.test_wire_copies import BEACON, COURIER, LEDGER, store


def test_signature_is_the_bands_and_the_shingles_of_the_text():
    for article in (COURIER, LEDGER, BEACON):
        values, shingled = wire.signature(article.body_text)
        assert values == wire.bands(article.body_text) and len(values) == wire.BANDS
        assert np.array_equal(shingled, wire.shingles(article.body_text))
        assert shingled.dtype == np.uint64 and (np.diff(shingled.astype(np.float64)) > 0).all()


def test_a_text_too_short_to_compare_has_no_bands_and_no_shingles():
    assert wire.signature("Ferry stops for three weeks, the board said.") == ([], None)


@pytest.mark.django_db
def test_storing_compares_new_articles_without_shingling_them_again(monkeypatch):
    archive._shingles_of.clear()  # nothing remembered from another test
    shingled = []
    real = wire.shingles
    monkeypatch.setattr(wire, "shingles", lambda text: shingled.append(text) or real(text))
    store(COURIER, LEDGER, BEACON)
    head = Article.objects.get(headline=COURIER.headline)
    assert sorted(Article.objects.filter(copy_of=head).values_list("headline", flat=True)) == sorted(
        [LEDGER.headline, BEACON.headline]
    )  # compared, and found the same story
    assert shingled == []  # each new article's shingles came with its extraction
