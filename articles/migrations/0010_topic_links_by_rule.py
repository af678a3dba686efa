"""Mark which article-topic links the keyword rules made, so retag removes only those and keeps
the topics staff set by hand or an input file gave. Existing links are marked rule-made only where
today's rules match them exactly as tag_articles() matches (word forms, not only stems); the
others stay hand-set, since they may have been chosen by someone.

The matching is written out here as articles/ingest/topics.py had it when this migration was made
(the rules' word forms and the SQL that tests them), so the migration imports nothing from the
application and means the same thing whatever topics.py becomes."""

import re
import unicodedata

from django.db import migrations, models

ADD = "ALTER TABLE articles_article_topics ADD COLUMN by_rule boolean NOT NULL DEFAULT false;"
DROP = "ALTER TABLE articles_article_topics DROP COLUMN by_rule;"


# From articles.models.fold(): lower case, accents folded as PostgreSQL's unaccent folds them.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})


def _fold(text):
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower().translate(_FOLD)


# From articles/ingest/topics.py: the article's text, and the rules as rows (topic_id, phrase, pattern).
_TEXT = "lower(unaccent('unaccent'::regdictionary, a.headline || ' ' || a.body_text))"
_RULES = (
    "(SELECT topic_id, keyword, pattern FROM unnest(%(topic_ids)s::bigint[], %(keywords)s::text[],"
    " %(patterns)s::text[]) AS r (topic_id, keyword, pattern)"
    " WHERE phraseto_tsquery('newsarchive', keyword)::text <> '')"
)


def _keyword_words(keyword):
    return re.findall(r"\w+", _fold(keyword))


def _forms(word):
    """The word and its singular when it looks like a plural, else its plural (regular English)."""
    if word.endswith("ies") and len(word) > 4:
        return {word, word[:-3] + "y"}
    if word.endswith(("sses", "xes", "ches", "shes")) and len(word) > 4:
        return {word, word[:-2]}
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return {word, word[:-1]}
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return {word, word[:-1] + "ies"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    return {word, word + "s"}


def _keyword_pattern(keyword):
    words = _keyword_words(keyword)
    return r"\m" + r"\W+".join("(" + "|".join(sorted(_forms(w))) + ")" for w in words) + r"\M"


def _keyword_variants(keyword):
    words = _keyword_words(keyword)
    variants = {" ".join(words)}
    for at, word in enumerate(words):
        for form in _forms(word):
            variants.add(" ".join([*words[:at], form, *words[at + 1 :]]))
    return sorted(variants)


def _rule_params(rules):
    rows = [
        (topic_id, variant, _keyword_pattern(keyword))
        for topic_id, keyword in rules
        for variant in _keyword_variants(keyword)
    ]
    return {
        "topic_ids": [topic_id for topic_id, _, _ in rows],
        "keywords": [variant for _, variant, _ in rows],
        "patterns": [pattern for _, _, pattern in rows],
    }


def mark_rule_links(apps, schema_editor):
    rules = list(apps.get_model("articles", "TopicRule").objects.values_list("topic_id", "keyword"))
    if not rules:
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"""UPDATE articles_article_topics t SET by_rule = true FROM articles_article a
                WHERE a.id = t.article_id AND EXISTS (
                    SELECT 1 FROM {_RULES} r WHERE r.topic_id = t.topic_id
                       AND a.search_vector @@ phraseto_tsquery('newsarchive', r.keyword)
                       AND {_TEXT} ~ r.pattern)""",
            _rule_params(rules),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_quote_published_speaker_idx"),
    ]

    operations = [
        migrations.RunSQL(ADD, DROP),
        migrations.RunPython(mark_rule_links, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="topics",
            field=models.ManyToManyField(
                blank=True,
                help_text="Topics added here stay when the rules are re-applied; a topic a rule gives comes "
                "back on re-tagging unless the rule changes.",
                related_name="articles",
                to="articles.topic",
            ),
        ),
    ]
