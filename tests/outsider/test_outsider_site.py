"""The checklist plugin from outside: installed from its wheel into a fresh venv with only
Pelican, on Pelican's own notmyidea and simple themes, with no template edits.

It must give the whole feature there: a working form without JavaScript, a live count and
reflections with it, answers kept in this browser under the site's own namespace (read from
the checklist's data-* attributes), Clear, "My reflections", and safety routing (a safety
tick opens the help panel, is never stored, and hides the count-based reflections).
"""

import json
import os

from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import expect

PAGE = "/noticing.html"
SAFETY = "I feel afraid of what my partner might do."


def stored(page):
    return page.evaluate("() => ({...sessionStorage, ...localStorage})")


def test_the_pages_link_the_plugins_own_files_on_both_themes(outsider_output, simple_output):
    for output in (outsider_output, simple_output):
        doc = BeautifulSoup((output / "noticing.html").read_text(encoding="utf-8"), "html.parser")
        assert len(doc.select('[data-module="checklist"]')) == 2
        assert [link["href"] for link in doc.select('link[href$="reflection-checklists.css"]')] == \
            ["/theme/reflection-checklists/reflection-checklists.css"]
        assert [script["src"] for script in doc.select("script[src]")] == \
            ["/theme/reflection-checklists/reflection-checklists.js"]
        # The script is an ES module that imports one module per component, written beside it.
        folder = output / "theme" / "reflection-checklists"
        assert (folder / "reflection-checklists.css").stat().st_size > 1000
        assert "import { Checklist } from './checklist.js'" in (folder / "reflection-checklists.js").read_text()
        for name in ("storage.js", "checklist.js", "my-reflections.js"):
            assert "export " in (folder / name).read_text(), name
        assert {section["data-storage-namespace"] for section in doc.select('[data-module="checklist"]')} == {"outsider"}
        # The help link is the site's own help page, resolved by Pelican.
        assert [a["href"] for a in doc.select(".checklist__safety a")] == ["/pages/help.html"]
        # A page without a checklist loads nothing of the plugin.
        help_page = (output / "pages" / "help.html").read_text(encoding="utf-8")
        assert "reflection-checklists" not in help_page


def test_checklists_work_with_javascript_on_notmyidea(page, outsider_url):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests, missing = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page.goto(outsider_url + PAGE)
    talks = page.locator("#checklist-talks")
    expect(talks.locator("[data-count]")).to_have_text("0 of 3 ticked")
    talks.get_by_label("We talked about our day.").check()
    talks.get_by_label("We made up after a quarrel.").check()
    expect(talks.locator("[data-count]")).to_have_text("2 of 3 ticked")
    expect(talks.get_by_text("You ticked at least one. Notice what helped.")).to_be_visible()
    page.locator("#checklist-helps").get_by_label("My private notes (optional)").fill("Talk on Sunday")

    keys = stored(page)
    assert keys and all(key.startswith("outsider:v1:/noticing.html:") for key in keys), keys
    page.reload()
    expect(talks.get_by_label("We talked about our day.")).to_be_checked()
    expect(page.locator("#checklist-helps textarea")).to_have_value("Talk on Sunday")
    expect(page.locator(".my-reflections")).to_be_visible()
    expect(page.locator(".my-reflections")).to_contain_text("We talked about our day.")

    # Safety routing: help opens, the count-based reflection steps back, the tick is never kept.
    talks.get_by_label(SAFETY).check()
    expect(talks.locator(".checklist__safety")).to_be_visible()
    expect(talks.locator(".checklist__safety a")).to_have_text("Find help you can reach now")
    expect(talks.get_by_text("You ticked at least one. Notice what helped.")).to_be_hidden()
    assert SAFETY not in json.dumps(stored(page))
    record = json.loads(stored(page)["outsider:v1:/noticing.html:talks"])
    assert len([key for key, ticked in record["items"].items() if ticked]) == 2
    page.reload()
    expect(talks.get_by_label(SAFETY)).not_to_be_checked()
    expect(talks.locator(".checklist__safety")).to_be_hidden()

    page.get_by_role("button", name="Clear my answers").first.click()
    expect(talks.locator("[data-count]")).to_have_text("0 of 3 ticked")
    assert stored(page) == {}
    assert all(url.startswith(outsider_url + "/") for url in requests), requests
    # The theme's own favicon.ico is not ours to ship; everything the plugin links must load.
    assert [url for url in missing if not url.endswith("/favicon.ico")] == []
    assert [error for error in errors if "404" not in error] == []


def test_checklists_work_without_javascript_on_notmyidea(browser, outsider_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(outsider_url + PAGE)
    talks = page.locator("#checklist-talks")
    expect(talks.get_by_label("We talked about our day.")).to_be_visible()
    expect(talks.locator(".checklist__safety")).to_be_hidden()
    talks.get_by_label(SAFETY).check()
    # The plugin's stylesheet opens the help panel on a safety tick, without any script.
    expect(talks.locator(".checklist__safety")).to_be_visible()
    context.close()


def test_the_checklists_pass_axe_on_notmyidea(page, outsider_url):
    page.goto(outsider_url + PAGE)
    page.locator("#checklist-talks").get_by_label(SAFETY).check()
    results = Axe().run(page, context={"include": [[".checklist"], [".my-reflections"]]})
    assert results.violations_count == 0, results.generate_report()


def test_a_safety_item_without_a_help_page_fails_the_outsiders_build(tmp_path, outsider_venv):
    import subprocess

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "a.md").write_text(
        "Title: A\nDate: 2026-11-02\n\n/// checklist | Q\n    id: q\n\n- [ ] One.\n- [ ] Afraid. {.safety}\n///\n",
        encoding="utf-8")
    (site / "pelicanconf.py").write_text('PATH = "content"\nPLUGINS = ["reflection_checklists"]\nTIMEZONE = "UTC"\n',
                                         encoding="utf-8")
    result = subprocess.run([str(outsider_venv / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "out"],
                            cwd=site, capture_output=True, text=True, env={**os.environ, "COLUMNS": "400"})
    log = result.stdout + result.stderr
    assert "CHECKLIST_HELP_URL" in log and "a.md" in log, log
    assert not (site / "out" / "a.html").exists() or "checklist__safety" not in (site / "out" / "a.html").read_text()
    # Pelican alone exits 0 when a file cannot be read; the plugin fails the build itself.
    assert result.returncode != 0 and "1 checklist problem(s) named above" in log, log


def test_a_help_url_to_a_missing_page_fails_the_outsiders_build(tmp_path, outsider_venv):
    import subprocess

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "a.md").write_text(
        "Title: A\nDate: 2026-11-02\n\n/// checklist | Q\n    id: q\n\n- [ ] One.\n- [ ] Afraid. {.safety}\n///\n",
        encoding="utf-8")
    (site / "pelicanconf.py").write_text('PATH = "content"\nPLUGINS = ["reflection_checklists"]\nTIMEZONE = "UTC"\n'
                                         'CHECKLIST_HELP_URL = "{filename}/pages/help.md"\n', encoding="utf-8")
    result = subprocess.run([str(outsider_venv / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "out"],
                            cwd=site, capture_output=True, text=True, env={**os.environ, "COLUMNS": "400"})
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "CHECKLIST_HELP_URL is '{filename}/pages/help.md', but content/pages/help.md does not exist" in log, log


def test_the_plugins_script_adds_nothing_to_window_on_a_plain_theme(context, outsider_url):
    from tests.browser.test_globals import new_globals

    def tick(page):
        page.locator("#checklist-talks").get_by_label("We talked about our day.").check()
        expect(page.locator(".my-reflections")).to_be_visible()

    assert new_globals(context, outsider_url, PAGE, tick) == set()


def test_the_plugins_script_runs_beside_a_themes_own_globals(context, outsider_url):
    # A theme whose own classic script, loaded first, happens to use the plugin's names.
    theme_script = "var Checklist = 'theme'; function answerStore () { return 'theme'; } let MyReflections = 'theme';"
    context.route(outsider_url + "/theme-own.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=theme_script))

    def with_theme_script(route):
        html = route.fetch().text()
        route.fulfill(status=200, content_type="text/html",
                      body=html.replace("</head>", '<script src="/theme-own.js"></script></head>', 1))

    context.route(outsider_url + PAGE, with_theme_script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(outsider_url + PAGE)
    talks = page.locator("#checklist-talks")
    talks.get_by_label("We talked about our day.").check()
    expect(talks.locator("[data-count]")).to_have_text("1 of 3 ticked")
    talks.get_by_label(SAFETY).check()
    expect(talks.locator(".checklist__safety")).to_be_visible()
    assert page.evaluate("() => [Checklist, answerStore(), MyReflections]") == ["theme", "theme", "theme"]
    assert errors == []
