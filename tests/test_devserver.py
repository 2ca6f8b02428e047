"""`make devserver`: the saved page comes back first, and after every kind of edit the served
site equals what a clean `make html` writes, file for file, sitemap and search index included.

The devserver runs as `make devserver` runs it (its own process, file watcher and
HTTP server) on a private copy of the settings, theme, plugins and content, so the
edits below can touch any of them. No timings are judged here; `make bench`
measures them.
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITED = "03-quiet-ruptures.md"
EDITED_PAGE = "quiet-ruptures/index.html"
SEED = 20261201


def wait_for(condition, timeout=120, message="the devserver"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}")


def private_site(base):
    """A copy of everything a build reads, so edits never touch the repository."""
    site = base / "site"
    site.mkdir()
    for name in ("theme", "plugins", "content", "locale"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pelicanconf.py", site / "pelicanconf.py")
    return site


def every_file(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def clean_build(site, output):
    result = subprocess.run([sys.executable, "-m", "tools.build", "--settings", str(site / "pelicanconf.py"),
                             "--content", str(site / "content"), "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return every_file(output)


class Devserver:
    def __init__(self, site, base):
        self.site, self.output, self.log = site, base / "output", base / "devserver.log"
        with open(self.log, "w", encoding="utf-8") as handle:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tools.devserver", "--content", str(site / "content"),
                 "--output", str(self.output), "--settings", str(site / "pelicanconf.py"), "--port", "0",
                 "--bind", "127.0.0.1", "--cache", str(base / "cache")],
                cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
            )
        found = wait_for(lambda: re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", self.text())
                         or self.process.poll() is not None, message="the first build")
        assert self.process.poll() is None, self.text()
        self.url = found.group(1)
        wait_for(lambda: self.checks(), message="the first full check")
        time.sleep(1.0)  # let the watcher start

    def text(self):
        return self.log.read_text(encoding="utf-8")

    def rebuilds(self):
        return re.findall(r"Rebuilt in [\d.]+ s \((.*?)\): wrote (\d+) page", self.text())

    def checks(self):
        return re.findall(r"Checked against a full build.*|The full build found a problem.*", self.text())

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


@pytest.fixture
def devserver(tmp_path):
    server = Devserver(private_site(tmp_path), tmp_path)
    try:
        yield server
    finally:
        server.stop()


def test_a_saved_article_comes_back_first_then_the_lists_follow(devserver):
    article = devserver.site / "content" / "articles" / EDITED
    rebuilt, checked = len(devserver.rebuilds()), len(devserver.checks())
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Title: Renamed: ", 1)
                       + "\nA sentence added while the devserver runs.\n", encoding="utf-8")
    page = devserver.output / EDITED_PAGE
    wait_for(lambda: "A sentence added while the devserver runs." in page.read_text(encoding="utf-8"),
             message="the edited article's page")
    wait_for(lambda: len(devserver.rebuilds()) > rebuilt, message="the fast path")
    # The fast path writes the saved article's own page and nothing else...
    assert devserver.rebuilds()[-1] == ("content changed", "1")
    # ...and the full check then brings every list that shows the title in line.
    wait_for(lambda: len(devserver.checks()) > checked, message="the full check")
    assert "Renamed: " in (devserver.output / "index.html").read_text(encoding="utf-8")
    served = urllib.request.urlopen(devserver.url + "quiet-ruptures/", timeout=10).read().decode("utf-8")
    assert "A sentence added while the devserver runs." in served
    assert '<script src="/livereload.js"></script></head>' in served


# --- every kind of edit an author makes ------------------------------------------------------

def articles(site):
    return sorted((site / "content" / "articles").glob("*.md"))


def replace_line(path, key, value):
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1), encoding="utf-8")


def unlinked_articles(site):
    """Articles no other file links to, which can be deleted without breaking a link."""
    everything = "".join(path.read_text(encoding="utf-8") for path in (site / "content").rglob("*.md"))
    return [path for path in articles(site)
            if f"{{filename}}/articles/{path.name}" not in everything
            and "Safety: yes" not in path.read_text(encoding="utf-8")]


def edit_body(site, rng):
    path = rng.choice(articles(site))
    path.write_text(path.read_text(encoding="utf-8") + f"\nA new closing sentence, number {rng.randint(1, 999)}.\n",
                    encoding="utf-8")


def edit_title(site, rng):
    replace_line(rng.choice(articles(site)), "Title", f"A new title {rng.randint(1, 999)}")


def edit_summary(site, rng):
    replace_line(rng.choice(articles(site)), "Summary", f"A new summary, {rng.randint(1, 999)}.")


def edit_tags(site, rng):
    replace_line(rng.choice(articles(site)), "Tags", f"trust, new-tag-{rng.randint(1, 99)}")


def edit_category(site, rng):
    path = rng.choice(articles(site))
    current = re.search(r"(?m)^Category: (.*)$", path.read_text(encoding="utf-8")).group(1)
    others = [name for name in ("Understanding trust", "The impact", "Repair and rebuilding") if name != current]
    replace_line(path, "Category", rng.choice(others))


def edit_step(site, rng):
    replace_line(rng.choice(articles(site)), "Step", str(rng.randint(40, 60)))


def add_article(site, rng):
    source = rng.choice(articles(site)).read_text(encoding="utf-8")
    number = rng.randint(100, 999)
    text = re.sub(r"(?m)^Slug: .*$", f"Slug: added-{number}", source, count=1)
    text = re.sub(r"(?m)^Title: .*$", f"Title: An added article {number}", text, count=1)
    text = re.sub(r"(?m)^Step: .*$", f"Step: {number}", text, count=1)
    (site / "content" / "articles" / f"{number}-added.md").write_text(text, encoding="utf-8")


def delete_article(site, rng):
    rng.choice(unlinked_articles(site)).unlink()


def edit_page(site, rng):
    path = site / "content" / "pages" / "about.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\nOne more line about us, {rng.randint(1, 99)}.\n",
                    encoding="utf-8")


def edit_template(site, rng):
    # The case a hand-kept dependency list got wrong: related links start showing summaries.
    path = site / "theme" / "templates" / "partials" / "related.html"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{{ other.title }}</a>", "{{ other.title }}</a> {{ other.summary|striptags }}"), encoding="utf-8")


def edit_css(site, rng):
    path = site / "theme" / "assets" / "css" / "base.css"
    path.write_text(path.read_text(encoding="utf-8") + f"\n.devserver-edit-{rng.randint(1, 99)} {{ margin: 0; }}\n",
                    encoding="utf-8")


def edit_js(site, rng):
    path = site / "theme" / "assets" / "js" / "init.js"
    path.write_text(path.read_text(encoding="utf-8") + f"\ndocument.documentElement.dataset.edit = '{rng.randint(1, 99)}';\n",
                    encoding="utf-8")


def edit_settings(site, rng):
    path = site / "pelicanconf.py"
    path.write_text(path.read_text(encoding="utf-8") + f'\nSITE_DESCRIPTION = "A new description {rng.randint(1, 99)}."\n',
                    encoding="utf-8")


def edit_plugin(site, rng):
    # One of this site's own plugins (the checklist plugin is an installed package).
    path = site / "plugins" / "consultation" / "markup.py"
    path.write_text(path.read_text(encoding="utf-8").replace("More ways to get help now",
                                                             "More ways to find help now"), encoding="utf-8")


EDITS = [edit_body, edit_title, edit_summary, edit_tags, edit_category, edit_step, add_article,
         delete_article, edit_page, edit_template, edit_css, edit_js, edit_settings, edit_plugin]


def test_after_every_kind_of_edit_the_site_equals_a_clean_build(tmp_path):
    """A seeded series of mixed edits; after each, every output file is compared with a clean build."""
    site = private_site(tmp_path)
    rng = random.Random(SEED)
    series = EDITS[:]
    rng.shuffle(series)
    series += [rng.choice(EDITS[:9]) for _ in range(4)]  # and a few more content edits on top
    server = Devserver(site, tmp_path)
    try:
        for number, edit in enumerate(series):
            checked = len(server.checks())
            edit(site, rng)
            wait_for(lambda: len(server.checks()) > checked, message=f"the full check after {edit.__name__}")
            assert server.checks()[-1].startswith("Checked"), server.text()
            served, clean = every_file(server.output), clean_build(site, tmp_path / f"clean-{number}")
            missing = sorted(set(clean) - set(served))
            extra = sorted(set(served) - set(clean))
            different = sorted(name for name in set(clean) & set(served) if clean[name] != served[name])
            assert (missing, extra, different) == ([], [], []), f"after {edit.__name__} (edit {number + 1})"
    finally:
        server.stop()


def test_two_clean_builds_of_the_same_content_are_identical(tmp_path):
    """What the full check relies on to copy only what changed (the sitemap used to carry the build time)."""
    site = private_site(tmp_path)
    assert clean_build(site, tmp_path / "one") == clean_build(site, tmp_path / "two")
