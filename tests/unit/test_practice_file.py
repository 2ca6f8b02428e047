"""practice.toml: a therapist edits one small file; every mistake names its line in plain words.

The mistakes are made in a copy of the example practice's file kept with the test site
(tests/site/practice.toml), so a practice's own practice.toml changes nothing here."""

import subprocess

import pytest

from practice_file import PracticeFileError, clinician_details, read
from tests.conftest import ROOT, TEST_PRACTICE, site_make_env

EXAMPLE = TEST_PRACTICE.read_text(encoding="utf-8")


def practice(tmp_path, text):
    path = tmp_path / "practice.toml"
    path.write_text(text, encoding="utf-8")
    return path


def line_number(text, start):
    return next(number for number, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


def test_the_example_reads():
    data = read(TEST_PRACTICE)
    assert data["practice"]["languages"] == ["en", "fr"]
    assert clinician_details(data)["credentials"] == "Registered Psychotherapist"
    assert clinician_details(data, "fr")["credentials"] == "Psychothérapeute autorisée"
    assert "name" not in clinician_details(data) and "photo" not in clinician_details(data)  # "" leaves it out


@pytest.mark.parametrize("change, line_start, words", [
    (('phone = "+1 555 0142 0199"', 'phone = "+1 555 0142 0199'), "phone =", "this line cannot be read"),
    (('phone = "', 'phon = "'), "phon =", "[practice] has no `phon`; did you mean `phone`?"),
    (("[booking]", "[bookings]"), "[bookings]", "there is no [bookings] section; did you mean [booking]?"),
    (('couples = "https://booking.example.org/kestrel-fern/free-consultation"', 'couples = ""'), "[booking]",
     "[booking] needs its `couples`"),
    (('languages = ["en", "fr"]', 'languages = ["fr"]'), "languages =", 'write ["en"] for English only'),
])
def test_a_mistake_names_the_file_the_line_and_what_to_write(tmp_path, change, line_start, words):
    text = EXAMPLE.replace(*change, 1)
    with pytest.raises(PracticeFileError) as refused:
        read(practice(tmp_path, text))
    assert str(refused.value).startswith(f"practice.toml:{line_number(text, line_start)}: "), str(refused.value)
    assert words in str(refused.value)


def test_english_only_builds_no_french_site(tmp_path):
    path = practice(tmp_path, EXAMPLE.replace('languages = ["en", "fr"]', 'languages = ["en"]'))
    output = tmp_path / "out"
    result = subprocess.run(["make", "-s", "html", f"OUTPUTDIR={output}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300, env=site_make_env(PRACTICE_FILE=str(path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (output / "fr").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' not in home and "Français" not in home


def test_a_broken_practice_file_stops_make_html_plainly(tmp_path):
    path = practice(tmp_path, EXAMPLE.replace('name = "Kestrel & Fern Couples Therapy"', 'name = Kestrel', 1))
    result = subprocess.run(["make", "-s", "html", f"OUTPUTDIR={tmp_path / 'out'}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env=site_make_env(PRACTICE_FILE=str(path)))
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in said
    assert f"practice.toml:{line_number(EXAMPLE, 'name = ')}: this line cannot be read" in said
