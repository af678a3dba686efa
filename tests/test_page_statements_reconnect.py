"""The article page's prepared statements (page_queries._execute, 5466a2b) after the connection is closed and
opened again: a new server session holds none of them, so they are prepared again there, not EXECUTEd as if
they were still held (which would fail and make the process stop preparing).

Review of issue 15.5. The article is invented."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import page_queries
from tests.conftest import make_article


@pytest.mark.django_db(transaction=True)  # the connection can only be closed outside the test's transaction
def test_a_reopened_connection_prepares_the_statements_again(client, monkeypatch, caplog):
    monkeypatch.setattr(page_queries, "_prepare", True)
    article = make_article(headline="Lantern fair returns to Ostby quay", body_text="The fair is back.")
    assert client.get(article.get_absolute_url()).status_code == 200
    connection.close()  # as CONN_MAX_AGE or a failed health check does between requests
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Lantern fair returns to Ostby quay" in response.content.decode()
    assert [query["sql"].split()[0] for query in queries] == ["PREPARE"]  # one statement, related articles in it
    assert page_queries._prepare and "no longer prepared" not in caplog.text
