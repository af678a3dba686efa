"""Autovacuum visits the archive's four large tables after 2% of their rows changed or were added, not PostgreSQL's 20%.

The pages read these tables by index-only scans (a person's quotations and their count, their articles, an
outlet's or topic's list), which skip the table only for pages the visibility map marks all-visible. Any write
clears a page's mark, and only VACUUM sets it again; autovacuum comes after 50 + 20% of a table's rows are dead
(or 1,000 + 20% were inserted). At 1M articles (2.5M quotations) that is 500,000 rows: a correction of many
flags, a merge of people or a wire regrouping left the pages reading the table row by row until then. Measured
on the bench's 1M archive: after 125,019 quotations were rewritten (5%, `UPDATE … SET evidence = evidence`),
counting the most quoted person's quotations (the person page's count, capped at 10,001) fetched 9,896-10,388 rows
from the table and took 44-78 ms; PostgreSQL's own threshold never came. With 2% here, autovacuum ran within its
next round (17 s), and the count read no table row again and took 6.8 ms. Inserted rows are the same: an
ingest's new quotations were read from the table until 500,000 more had arrived.

A vacuum then sees only the pages changed since the last (the rest are all-visible), so visiting more often costs
little. Storage parameters of the tables: `ALTER TABLE … RESET (…)` goes back to the server's settings.
"""

from django.db import migrations

TABLES = ("articles_article", "articles_quote", "articles_mention", "articles_article_topics")
SETTINGS = ("autovacuum_vacuum_scale_factor", "autovacuum_vacuum_insert_scale_factor")
SHARE = 0.02

FORWARD = "".join(
    f"ALTER TABLE {table} SET ({', '.join(f'{name} = {SHARE}' for name in SETTINGS)});\n" for table in TABLES
)
BACKWARD = "".join(f"ALTER TABLE {table} RESET ({', '.join(SETTINGS)});\n" for table in TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0045_quote_mention_date_on_every_write"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
