"""The editor's rules for requests and paths (tools/editor/guard.py), without a server: only
the editor's own page may save, and only inside content/ or practice.toml. The same rules
against the running editor are in test_local_backend.py."""

import os

import pytest

from tools.editor import guard


@pytest.fixture
def site(tmp_path):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "articles" / "a.md").write_text("Title: A\n\nText.\n")
    (tmp_path / "practice.toml").write_text('[practice]\nname = "P"\n')
    (tmp_path / "Makefile").write_text("all:\n")
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    outside.mkdir()
    os.symlink(outside, tmp_path / "content" / "linked")
    os.symlink(tmp_path / "Makefile", tmp_path / "content" / "articles" / "makefile.md")
    return tmp_path


@pytest.mark.parametrize("path", [
    "content/articles/a.md", "content/articles/new.md", "content/fr/articles/new/deeper.md", "content/images",
    "practice.toml", "content/../practice.toml", "./content/articles/a.md",
])
def test_content_and_the_practice_file_may_be_read_and_written(site, path):
    assert guard.path_refusal(str(site), path) is None


@pytest.mark.parametrize("path", [
    "Makefile", "pelicanconf.py", "content/../Makefile", "content/articles/../../Makefile", "../x.md",
    "content/linked/x.md",              # a symbolic link in content/ to a folder elsewhere
    "content/articles/makefile.md",     # a symbolic link in content/ to a file elsewhere
    "/etc/passwd", "", "content/a\0.md", ".git/config", "content/../.git/hooks/pre-commit",
])
def test_a_path_that_leads_outside_content_is_refused(site, path):
    refusal = guard.path_refusal(str(site), path)
    assert refusal and ("outside content/" in refusal or "not a path" in refusal)


def test_every_path_of_a_request_is_checked_at_any_depth(site):
    entry = {"slug": "a", "path": "content/articles/a.md", "raw": "x"}
    good = {"action": "persistEntry", "params": {"entry": entry, "assets": [], "options": {}}}
    assert guard.request_refusal(str(site), good) is None
    for params in ({"entry": {**entry, "newPath": "../../etc/x"}, "assets": []},
                   {"entry": entry, "assets": [{"path": "theme/x.js", "content": "", "encoding": "base64"}]},
                   {"dataFiles": [entry, {**entry, "path": "Makefile"}], "assets": []}):
        assert "outside content/" in guard.request_refusal(str(site), {"action": "persistEntry", "params": params})
    assert "outside content/" in guard.request_refusal(str(site), {"action": "deleteFiles", "params": {
        "paths": ["content/articles/a.md", "pelicanconf.py"]}})
    assert guard.request_refusal(str(site), {"action": "publishUnpublishedEntry", "params": {}})
    assert guard.saved_paths(good) == ["content/articles/a.md"]


@pytest.mark.parametrize("headers, allowed", [
    ({"Origin": "http://127.0.0.1:8001", "Sec-Fetch-Site": "same-origin"}, True),
    ({"Origin": "http://127.0.0.1:8001"}, True),
    ({"Origin": "http://127.0.0.1:8000"}, False),   # the live preview, or any other local page
    ({"Origin": "https://example.org"}, False),
    ({"Origin": "null"}, False),
    ({}, False),
    ({"Origin": "http://127.0.0.1:8001", "Sec-Fetch-Site": "cross-site"}, False),
])
def test_only_the_editors_own_page_may_change_anything(headers, allowed):
    assert (guard.origin_refusal(headers, "127.0.0.1:8001") is None) == allowed


def test_only_the_editors_own_address_is_answered():
    assert guard.host_refusal("127.0.0.1:8001", 8001) is None
    assert guard.host_refusal("localhost:8001", 8001) is None
    for host in ("attacker.example:8001", "127.0.0.1:8002", "", None, "127.0.0.1"):
        assert guard.host_refusal(host, 8001)
