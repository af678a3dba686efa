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
        assert len(values) == wire.BANDS  # the values themselves: test_bands_are_those_stored_before_signature
        assert np.array_equal(shingled, wire.shingles(article.body_text))
        assert shingled.dtype == np.uint64 and (np.diff(shingled.astype(np.float64)) > 0).all()


# Band values as wire.bands() wrote them before wire.signature (fdfdc6d): the stored articles' wire_bands are
# these, so a new article's must be too, or no stored copy is found. (bands() now calls signature(): comparing
# the two could not fail.) The short text has empty bins (32 shingles for 60 bins), which borrow the next one's.
DEPOT = (
    "The Quillon Cross tram depot reopened on Monday after eleven weeks of repairs to its roof, and the first"
    " trams left for the harbour at six, the operator said in a short statement to riders."
)
BANDS_BEFORE = {
    "courier": [
        -4146465347094312777,
        2305985072850443001,
        7162842709487353095,
        3595798144343123444,
        2664359616847953551,
        -6658716148389261973,
        4076054290314703964,
        8736372936905915170,
        3006910314180171047,
        6039631671721555215,
        1297865154150914252,
        5309831694873563978,
        -9210668810524801336,
        7706518601517099610,
        8753468791123564040,
        7538471273551538336,
        -1420138950733852107,
        5330775456311255361,
        5174280103205773480,
        9002297296865704626,
    ],
    "depot": [
        1185966552853573061,
        2431090884120078263,
        -2264858224541201069,
        -6794721206109794408,
        -3380428139530311541,
        4496092079832991272,
        -4173774417820464643,
        -4597069085822130922,
        6060515153386124985,
        2253161913862121498,
        -6009365440155401506,
        3708081208754155899,
        4735766845713537812,
        -2363284892075137308,
        8091159930348451018,
        -5978794159355937112,
        -7754623695891711275,
        -8364667659286417661,
        -4332364198497647081,
        7478904284254899981,
    ],
}


def test_bands_are_those_stored_before_signature():
    for name, text in (("courier", COURIER.body_text), ("depot", DEPOT)):
        assert wire.signature(text)[0] == wire.bands(text) == BANDS_BEFORE[name], name


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
