"""bench/pagepeople.py: people found in non-English real text, scored against hand labels, on our own fictional
German page and a labels file of our own."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pagepeople  # noqa: E402 (bench/ is not a package)

PAGE = """<html lang="de"><head><title>Neuer Bäcker in Talheim</title></head><body><article>
<h1>Neuer Bäcker in Talheim</h1>
<p>Inhaber Konrad Hollerbach (63) schließt seine Bäckerei nach vierzig Jahren. „Am Ende wollte niemand um drei Uhr
aufstehen“, sagte Hollerbach am Dienstag. Die Handwerkskammer sieht kein Einzelschicksal, erklärte Dietmar
Fallenstein, der Sprecher der Kammer. Die Nachfolge übernimmt die Bäckerin Ilka Brennecke (41) aus Neuburg.</p>
<p>Der Gemeinderat hatte im März über den Laden beraten. Für die Kundschaft ändert sich wenig, sagte Brennecke.</p>
</article></body></html>"""


def test_people_in_other_languages_are_scored_by_their_labels_and_unlabelled_names_are_counted_apart(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "feeds").mkdir()
    (tmp_path / "pages" / "baecker.html").write_text(PAGE, encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("# comment\nKonrad Hollerbach\tP\t\nDietmar Fallenstein\tN\ta test's wrong label\n")
    found = {name for _, lang, name in pagepeople.found_people(tmp_path)}
    assert found == {"Konrad Hollerbach", "Dietmar Fallenstein", "Ilka Brennecke"}
    # one right, one labelled wrong, one without a label: P 1 of 3 found, 1 unlabelled
    assert pagepeople.score(tmp_path, labels) == {"de": (1, 3, 1)}


def test_the_committed_labels_say_p_or_n_for_each_name():
    labels = pagepeople.read_labels()
    assert len(labels) > 700
    assert set(labels.values()) == {"P", "N"}
