"""Markdown converted in worker processes gives the same site and the same messages as in one.

plugins/markdown_reader/conversions.py converts a large site's files on every CPU. The site an
author gets, and what the build tells them about their mistakes, must not depend on it.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tools.bench.corpus import write_corpus

ARTICLES = 40  # above PARALLEL_MIN_FILES, so the workers run


def make_html(content, output, processes, tmp_path):
    settings = tmp_path / f"settings-{processes}.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n\n"
                        f"BUILD_PROCESSES = {processes}\n")
    result = subprocess.run(["make", "-s", "html", f"INPUTDIR={content}", f"OUTPUTDIR={output}",
                             f"CONFFILE={settings}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def files_of(output):
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*"))
            if path.is_file()}


def messages(output_text):
    """The build's ERROR and WARNING lines, without the timing in Pelican's summary."""
    return sorted(line.strip() for line in output_text.splitlines() if re.match(r"\s*(ERROR|WARNING|CRITICAL)", line))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel")
    ours, _vanilla = write_corpus(root, ARTICLES)
    return ours


def test_workers_build_the_same_site_byte_for_byte(corpus, tmp_path):
    outputs = {}
    for processes in (1, 2):
        outputs[processes] = tmp_path / f"out-{processes}"
        code, text = make_html(corpus, outputs[processes], processes, tmp_path)
        assert code == 0, text
    one, two = files_of(outputs[1]), files_of(outputs[2])
    assert len(one) > ARTICLES * 2  # both languages' pages, feeds, assets
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


WHO_DID_WHAT = """
import logging, sys
from tools.build import build
logging.basicConfig(level=logging.ERROR, format="%(message)s")
for name in ("markdown_reader.conversions", "parallel_writer.plugin"):
    logging.getLogger(name).setLevel(logging.DEBUG)
sys.exit(build("pelicanconf.py", sys.argv[1], sys.argv[2], overrides={"BUILD_PROCESSES": 2}))
"""


def test_the_workers_really_convert_and_render(corpus, tmp_path):
    """So that the byte-for-byte comparison above compares two different ways of building."""
    result = subprocess.run([sys.executable, "-c", WHO_DID_WHAT, str(corpus), str(tmp_path / "out")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    handed = re.search(r"markdown_reader: (\d+) files handed to 2 workers", output)
    converted = re.search(r"markdown_reader: (\d+) of (\d+) files converted by workers", output)
    rendered = re.search(r"parallel_writer: (\d+) pages, (\d+) rendered by 2 workers", output)
    assert handed and int(handed.group(1)) >= ARTICLES, output
    # The workers convert every file (the build only redoes one that raised or logged).
    assert converted and int(converted.group(1)) == int(converted.group(2)) >= ARTICLES, output
    assert rendered and int(rendered.group(1)) > ARTICLES and rendered.group(1) == rendered.group(2), output


def test_mistakes_are_reported_the_same_way_with_workers(corpus, tmp_path):
    """A checklist mistake and a bad date in two of many files: with workers, the same
    file:line messages, counted, and the build still fails."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    articles = sorted((content / "articles").glob("*.md"))
    broken_block, broken_date = articles[5], articles[30]
    text = broken_block.read_text(encoding="utf-8")
    broken_block.write_text(text.replace("/// checklist", "/// checklst", 1), encoding="utf-8")
    text = broken_date.read_text(encoding="utf-8")
    broken_date.write_text(re.sub(r"(?m)^Date: .*$", "Date: 2026-13-45", text, count=1), encoding="utf-8")
    reports = {}
    for processes in (1, 2):
        code, text = make_html(content, tmp_path / f"out-{processes}", processes, tmp_path)
        assert code != 0, text
        assert "Traceback" not in text, text
        reports[processes] = messages(text)
    assert any(f"{broken_block.name}:" in line and "Did you mean `checklist`?" in line for line in reports[2]), reports[2]
    assert any(f"{broken_date.name}:" in line and "Date: 2026-13-45" in line for line in reports[2]), reports[2]
    assert reports[1] == reports[2]


def test_build_processes_must_be_a_whole_number(tmp_path, corpus):
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n\n"
                        'BUILD_PROCESSES = "2"\n')
    result = subprocess.run(["make", "-s", "html", f"INPUTDIR={corpus}", f"OUTPUTDIR={tmp_path / 'out'}",
                             f"CONFFILE={settings}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "`BUILD_PROCESSES` must be a whole number of 1 or more" in output and "it is '2'" in output, output
    assert "Traceback" not in output
