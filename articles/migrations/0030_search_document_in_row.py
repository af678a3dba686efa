"""The search document kept in the article's row (issue 15.5): search_vector's storage MAIN, not EXTENDED.

With EXTENDED (the default) PostgreSQL moved the document, the largest value of a row (~1.6 KB at
~450 words), out to TOAST, so testing it (`search_vector @@ query`) or ranking it (ts_rank) cost a
TOAST index descent and its chunks: ~5 buffers a row. Searching a common word tests ~3,800 rows
walking article_published_idx and ranks 1,001 of them; at 1M articles, load ~7, a walk for
"government" took 68-80 ms against 25-27 ms with the document in the row (EXPLAIN ANALYZE on 100,000
copied rows, 20,132 buffers against 1,566). MAIN keeps it in the row (compressed only when the row
still exceeds ~2 KB once the body and HTML have gone to TOAST, moved out only past ~8 KB); the body
and HTML, read for one article at a time, go to TOAST instead.

Rows written from now on are stored so; rows already there move when next written, or all at once
with `VACUUM FULL articles_article` (an exclusive lock for the time of a rewrite: ~9 min at 1M
articles on the 2-core machine), which this migration does not run.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0029_wire_copies")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE MAIN",
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE EXTENDED",
        )
    ]
