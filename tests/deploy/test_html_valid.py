"""Every published page passes the Nu Html Checker (npm vnu-jar, a current vnu.jar)."""

import json
import shutil
import subprocess

from .conftest import VNU_JAR


def test_every_page_is_valid_html(hosted_subpath):
    java = shutil.which("java")
    assert java, "Java is missing: run `make test` (it installs default-jre-headless) or install Java 11+"
    assert VNU_JAR.is_file(), "vnu.jar is missing: run `make test` (it runs npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(hosted_subpath.site)],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [
        f'{message.get("url", "").replace("file:" + str(hosted_subpath.site), "")}:{message.get("lastLine", "?")}: '
        f'{message["message"]} {message.get("extract", "")!r}'
        for message in report["messages"] if message.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr[-2000:]
