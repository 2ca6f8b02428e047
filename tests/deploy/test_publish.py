"""`make publish` and `make github`: refuse bad settings, fail on any warning, swap in atomically."""

import hashlib
import importlib
import logging
import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from tools.publish import publish

from .conftest import make_env, publish_site, site_url_env, world_readable_dir

SITE_URL = "https://example.org/practice-site"
# Pelican warns about an image with an empty alt text and names the file.
WARNING_ARTICLE = """\
Title: An article with a warning
Date: 2026-09-01
Modified: 2026-11-02
Category: Understanding trust
Tags: trust
Slug: an-article-with-a-warning
Step: 98
Summary: Pelican warns about the picture below.

<img alt="" src="picture.png">
"""


def snapshot(folder):
    """Every file's path and content hash: equal snapshots mean an untouched folder."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = world_readable_dir("publish-")
    yield publish_site(base / "output", SITE_URL)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def warning_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / "98-an-article-with-a-warning.md").write_text(WARNING_ARTICLE)
    return content


def test_publish_writes_the_feed_and_headers_and_absolute_urls(published):
    assert (published / "feeds" / "all.atom.xml").is_file()
    assert not (published / "feeds" / "understanding-trust.atom.xml").exists()
    assert list(published.glob("feeds/*")) == [published / "feeds" / "all.atom.xml"]
    assert (published / "_headers").read_text() == (ROOT / "deploy" / "_headers").read_text()
    assert f'href="{SITE_URL}/what-trust-is/"' in (published / "index.html").read_text()
    assert published.stat().st_mode & 0o005 == 0o005, "the web server (user nobody) must be able to read it"


def test_a_failed_publish_leaves_the_previous_output_untouched(published, warning_content):
    before = snapshot(published)
    result = subprocess.run(
        ["make", "--no-print-directory", "publish", f"INPUTDIR={warning_content}", f"OUTPUTDIR={published}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=make_env(SITEURL=SITE_URL),
    )
    assert result.returncode != 0
    assert "WARNING" in result.stderr and "98-an-article-with-a-warning.md" in result.stderr, result.stderr
    assert "Nothing was published" in result.stderr
    assert snapshot(published) == before
    assert sorted(path.name for path in published.parent.iterdir()) == ["output"], "a temporary folder was left"


def test_a_clean_publish_replaces_the_output(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("from an old build")
    publish_site(output, SITE_URL)
    assert not (output / "stale.html").exists()
    assert (output / "index.html").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["output"]


@pytest.mark.parametrize("site_url, message", [
    (None, "SITEURL is not set"),
    ("", "SITEURL is not set"),
    ("example.org/practice-site", "must be a full http(s) address"),
    ("ftp://example.org", "must be a full http(s) address"),
])
def test_publish_refuses_a_missing_or_wrong_siteurl(tmp_path, caplog, monkeypatch, site_url, message):
    if site_url is None:
        monkeypatch.delenv("SITEURL", raising=False)
    else:
        monkeypatch.setenv("SITEURL", site_url)
    with caplog.at_level(logging.ERROR):
        problems = publish(str(ROOT / "publishconf.py"), output=str(tmp_path / "output"))
    assert problems == 1
    assert any(message in record.getMessage() and "publishconf.py" in record.getMessage() for record in caplog.records)
    assert not (tmp_path / "output").exists()


def test_publish_refuses_an_empty_consultation_url(tmp_path, caplog, monkeypatch):
    # Pelican re-imports pelicanconf.py into sys.modules on every build: patch the current one.
    monkeypatch.setattr(importlib.import_module("pelicanconf"), "CONSULTATION_URL", "")
    with site_url_env(SITE_URL), caplog.at_level(logging.ERROR):
        problems = publish(str(ROOT / "publishconf.py"), output=str(tmp_path / "output"))
    assert problems == 1
    assert any("CONSULTATION_URL is empty" in record.getMessage() for record in caplog.records)


def git(*args, cwd=None, env=None):
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def test_make_github_publishes_to_a_gh_pages_branch(tmp_path):
    remote = tmp_path / "remote.git"
    clone = tmp_path / "clone"
    git("init", "--quiet", "--bare", str(remote))
    git("clone", "--quiet", str(remote), str(clone))
    # No git identity anywhere: the Makefile must still give the commit an author.
    env = make_env(SITEURL="https://example.github.io/practice-site", GIT_DIR=str(clone / ".git"),
                   GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        env.pop(name, None)
    result = subprocess.run(
        ["make", "--no-print-directory", "github", f"OUTPUTDIR={tmp_path / 'output'}", f"GITHUB_PAGES_REMOTE={remote}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert {"index.html", ".nojekyll", "_headers", "feeds/all.atom.xml", "what-trust-is/index.html"} <= set(files)
    author = git("log", "-1", "--format=%an <%ae>", "gh-pages", cwd=remote).strip()
    assert author and not author.startswith("<"), author
    page = git("show", "gh-pages:index.html", cwd=remote)
    assert 'href="https://example.github.io/practice-site/' in page


def test_the_pages_workflow_builds_with_make_publish_and_the_official_actions():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step["uses"].partition("@")[0] for step in steps if "uses" in step}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    build = next(step["run"] for step in steps if "make publish" in step.get("run", ""))
    assert "SITEURL=" in build and "steps.pages.outputs.base_url" in build
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
