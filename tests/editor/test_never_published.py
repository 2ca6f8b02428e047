"""Nothing of the editor is published: its files live in tools/editor, which the build never
reads; a copy put into content/ (Decap's usual set-up) is neither read nor copied; and
`make publish` refuses an output folder that holds one."""

from tests.build.test_only_what_is_meant import run_build, small_site


def test_editor_files_put_into_content_never_reach_the_output(tmp_path, caplog):
    images = {"photo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>', "config.yml": "backend:\n  name: proxy\n",
              "admin/config.yml": "backend:\n  name: proxy\n", "admin/decap-cms.js": "/* the editor */",
              "admin/103.decap-cms.js.map": "{}"}
    content = small_site(tmp_path, images=images)
    problems, log = run_build(content, tmp_path / "out", caplog, SEARCH_INDEX=False)
    assert problems == 0, log
    written = sorted(path.relative_to(tmp_path / "out").as_posix() for path in (tmp_path / "out").rglob("*"))
    assert "images/photo.svg" in written
    assert not [path for path in written if "config.y" in path or "decap-cms" in path], written


def test_publish_refuses_an_output_holding_an_editor_file(tmp_path):
    from output_guard.folders import is_editor_file, unpublishable_files

    for name in ("index.html", "images/a.png", "admin/config.yml", "admin/decap-cms.js", "js/103.decap-cms.js",
                 "netlify-cms.js", "about-config/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = unpublishable_files(tmp_path)
    assert found == ["admin/config.yml", "admin/decap-cms.js", "js/103.decap-cms.js", "netlify-cms.js"]
    assert all(is_editor_file(path) for path in found) and not is_editor_file("images/a.png")
