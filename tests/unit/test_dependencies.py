"""The hash-locked dependencies (`make lock`) and the pip-audit step of `make audit`.

Every version pinned in requirements*.txt (and constraints.txt) must be in the matching .lock
file, at the same version, with its hashes: the Makefile installs with `--require-hashes`, so a
pin edited without `make lock` would otherwise be silently ignored.
"""

import json
import os
import re
import stat
import sys
import textwrap
from pathlib import Path

import pytest

from tools import audit

ROOT = Path(__file__).resolve().parents[2]
# The venv the tests run in holds pip-audit's own venv (the Makefile's AUDIT_VENV).
PIP_AUDIT = Path(sys.prefix) / "pip-audit" / "bin" / "pip-audit"


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path):
    """{name: version} for every `name==version` line of a requirements file, `-r` files included."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith(("-r ", "--requirement ")):
            found.update(pins(path.parent / line.split(None, 1)[1]))
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?\s*==\s*([^\s;]+)(\s*;.*)?", line)
        assert match, f"{path.name}: not an exact pin: {line!r}"
        found[normalize(match.group(1))] = match.group(3)
    return found


def locked(path):
    """{name: (version, [hashes])} for every entry of a lock file written by `make lock`."""
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if match:
            entries[normalize(match.group(1))] = (match.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def lock_problems(requirements, lock, constraints=ROOT / "constraints.txt"):
    """What is wrong between a requirements file and its lock (an empty list when nothing is)."""
    problems = []
    entries = locked(lock)
    for name, version in pins(requirements).items():
        if name not in entries:
            problems.append(f"{name}=={version} is pinned in {requirements.name} but missing from {lock.name}")
        elif entries[name][0] != version:
            problems.append(f"{name} is {version} in {requirements.name} but {entries[name][0]} in {lock.name}")
    for name, version in pins(constraints).items():
        if name in entries and entries[name][0] != version:
            problems.append(f"{name} is {version} in {constraints.name} but {entries[name][0]} in {lock.name}")
    for name, (version, hashes) in entries.items():
        if not hashes:
            problems.append(f"{name}=={version} has no --hash= in {lock.name}")
    return problems


REQUIREMENTS = sorted(ROOT.glob("requirements*.txt"))


def test_every_requirements_file_has_a_lock():
    assert {path.name for path in REQUIREMENTS} >= {"requirements.txt", "requirements-test.txt",
                                                     "requirements-audit.txt"}
    for path in REQUIREMENTS:
        assert path.with_suffix(".lock").is_file(), f"{path.name} has no lock: run `make lock`"


@pytest.mark.parametrize("requirements", REQUIREMENTS, ids=lambda path: path.name)
def test_every_pin_is_locked_at_its_version_with_hashes(requirements):
    lock = requirements.with_suffix(".lock")
    assert lock_problems(requirements, lock) == [], "run `make lock` after editing requirements*.txt"
    text = lock.read_text(encoding="utf-8")
    assert "make lock" in text.split("\n\n", 1)[0], "the lock's header says how to update it"
    assert "-e " not in text and "file:" not in text, "hash-checking cannot cover a local path"


def test_the_build_lock_brings_setuptools_for_the_checklist_plugin():
    """The plugin is installed with --no-build-isolation: setuptools must already be there."""
    assert "setuptools" in locked(ROOT / "requirements.lock")


def test_the_test_lock_holds_the_build_lock_at_the_same_versions():
    build, test = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-test.lock")
    assert {name: entry[0] for name, entry in build.items()} == \
        {name: test[name][0] for name in build if name in test}
    assert set(build) <= set(test)


def test_the_check_catches_a_missing_pin_a_changed_version_and_a_missing_hash(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("alpha==1.0\nbeta[extra]==2.0  # a comment\ngamma==3.0\n")
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("delta==4.0\n")
    lock = tmp_path / "requirements.lock"
    lock.write_text(textwrap.dedent("""\
        # header
        alpha==1.0 \\
            --hash=sha256:{a}
            # via -r requirements.txt
        beta==2.1 \\
            --hash=sha256:{a}
        delta==4.1 \\
            --hash=sha256:{a}
        epsilon==5.0
            # via delta
        """).format(a="a" * 64))
    assert lock_problems(requirements, lock, constraints) == [
        "beta is 2.0 in requirements.txt but 2.1 in requirements.lock",
        "gamma==3.0 is pinned in requirements.txt but missing from requirements.lock",
        "delta is 4.0 in constraints.txt but 4.1 in requirements.lock",
        "epsilon==5.0 has no --hash= in requirements.lock",
    ]


# --- make audit: pip-audit --------------------------------------------------------------------

def offline_env(tmp_path):
    """No way out: every request goes to a proxy on a closed port of 127.0.0.1; an empty cache."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        env[name] = "http://127.0.0.1:9"
    for name in ("NO_PROXY", "no_proxy"):
        env.pop(name, None)
    return env


def fake_pip_audit(tmp_path, stdout="", stderr="", code=0):
    script = tmp_path / "pip-audit"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.stdout.write({stdout!r})\n"
                      f"sys.stderr.write({stderr!r})\nsys.exit({code})\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_pip_audit_is_installed_for_make_audit():
    assert PIP_AUDIT.is_file(), f"{PIP_AUDIT} missing: the Makefile's $(AUDIT_STAMP) installs it"


def test_without_a_network_pip_audit_says_so_plainly(tmp_path):
    """The real pip-audit, with every connection refused: one plain line, no traceback."""
    lines, vulnerable = audit.run_pip_audit(PIP_AUDIT, env=offline_env(tmp_path), timeout=120)
    assert lines == ["pip-audit could not reach the vulnerability database (no network?): "
                     "dependencies were not audited"]
    assert vulnerable is False


def test_the_audit_goes_on_after_pip_audit_could_not_run(tmp_path, capsys, monkeypatch):
    """pip-audit comes first; without a network the rest of the audit still runs."""
    for name, value in offline_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    missing = tmp_path / "no-lighthouse"
    code = audit.main(["--pip-audit", str(PIP_AUDIT), "--lighthouse", str(missing)])
    out, err = capsys.readouterr()
    assert out.startswith("Dependencies (pip-audit)\npip-audit could not reach the vulnerability database")
    assert "Traceback" not in out + err
    # ...and the next step ran (and stopped on its own missing tool, as before).
    assert f"audit: {missing} not found" in err
    assert code == 1


def test_a_vulnerable_pin_is_reported_with_its_fix(tmp_path):
    report = {"dependencies": [
        {"name": "requests", "version": "2.5.0", "vulns": [
            {"id": "PYSEC-2018-28", "fix_versions": ["2.20.0"], "aliases": ["CVE-2018-18074"], "description": "..."}]},
        {"name": "jinja2", "version": "3.1.6", "vulns": []},
        {"name": "private-thing", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ], "fixes": []}
    lines, vulnerable = audit.run_pip_audit(fake_pip_audit(tmp_path, json.dumps(report), code=1))
    assert vulnerable is True
    assert lines[0].startswith("pip-audit: 1 known vulnerability in 1 of 2 audited packages")
    assert lines[1] == "  requests 2.5.0: PYSEC-2018-28 (CVE-2018-18074); fixed in 2.20.0"
    assert "make lock" in lines[2]
    assert lines[3].startswith("  not audited (1): Dependency not found on PyPI")


def test_a_clean_audit_and_a_database_that_knows_no_pin(tmp_path):
    clean = {"dependencies": [{"name": "jinja2", "version": "3.1.6", "vulns": []}], "fixes": []}
    assert audit.run_pip_audit(fake_pip_audit(tmp_path, json.dumps(clean)))[0][0].startswith(
        "pip-audit: no known vulnerabilities in 1 locked packages")
    unknown = {"dependencies": [{"name": "jinja2", "skip_reason": "Dependency not found on PyPI and could not "
                                 "be audited: jinja2 (3.1.6)"}], "fixes": []}
    lines, vulnerable = audit.run_pip_audit(fake_pip_audit(tmp_path, json.dumps(unknown)))
    assert lines[0].startswith("pip-audit could not look up any of the 1 locked packages")
    assert lines[0].endswith("dependencies were not audited") and vulnerable is False


def test_a_crash_comes_back_as_one_line(tmp_path):
    traceback = "Traceback (most recent call last):\n  File \"x\", line 1\nValueError: something odd\n"
    lines, vulnerable = audit.run_pip_audit(fake_pip_audit(tmp_path, stderr=traceback, code=2))
    assert lines == ["pip-audit failed: ValueError: something odd: dependencies were not audited"]
    lines, _ = audit.run_pip_audit(tmp_path / "absent")
    assert lines[0].endswith("not found (`make audit` installs it): dependencies were not audited")
