"""Where the search document is stored: in the article's row, so searching reads no TOAST (issue 15.5)."""

import pytest
from django.db import connection

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_the_search_document_stays_in_the_articles_row():
    # STORAGE MAIN: a common word's search tests ~3,800 documents walking by date and ranks 1,001; kept in
    # TOAST (EXTENDED, the default a column re-created by a field change would get back) each cost ~5
    # buffers instead of part of one heap page, and search p50 doubled at 1M articles.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attname = 'search_vector'",
            [Article._meta.db_table],
        )
        assert cursor.fetchone() == ("m",)
