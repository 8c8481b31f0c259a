"""The command line: one exit-code convention, names in any case, --root anywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_signpost


def signpost(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "signpost.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("command", [["build", "--no-pdf"], ["serve", "children-4-7"]])
def test_an_unknown_region_is_a_usage_error_for_every_command(project: Path, command) -> None:
    result = run_signpost(project, *command, "--region", "XX")
    assert result.returncode == 2
    assert "unknown region 'XX'; known: AU, CA, GB" in result.stderr


def test_an_unknown_site_is_a_usage_error(project: Path) -> None:
    result = run_signpost(project, "build", "--only", "nope")
    assert result.returncode == 2 and "unknown site 'nope'" in result.stderr


def test_region_and_site_names_match_in_any_case(project: Path) -> None:
    result = run_signpost(project, "build", "--region", "gb", "--no-pdf", "--only",
                          "Children-4-7")
    assert result.returncode == 0, result.stderr
    assert "region GB" in result.stdout
    assert (project / "build" / "site" / "children-4-7" / "index.html").is_file()


def test_root_works_after_the_command_and_is_in_help(project: Path, tmp_path: Path) -> None:
    result = signpost(tmp_path, "check", "--root", str(project))
    assert result.returncode == 0 and result.stdout == ""
    assert "--root" in signpost(tmp_path, "check", "--help").stdout
    assert "--root" in signpost(tmp_path, "--help").stdout
    assert "exit codes" in signpost(tmp_path, "--help").stdout


def test_a_root_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    result = signpost(tmp_path, "--root", str(tmp_path / "nope"), "check")
    assert result.returncode == 2
    assert result.stderr.strip() == f"signpost check: no such folder: {tmp_path / 'nope'}"


def test_commands_find_the_project_from_a_subfolder(project: Path) -> None:
    folder = project / "curriculum" / "privacy"
    result = signpost(folder, "new", "my-new-lesson", "--audience", "children", "--topic",
                      "privacy", "--age-band", "8-10")
    assert result.returncode == 0, result.stderr
    assert (project / "curriculum" / "privacy" / "my-new-lesson.md").is_file()
    assert signpost(folder, "check").returncode in (0, 1)
    assert "SP300" not in signpost(folder, "check").stdout


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_one_or_more(project: Path, jobs: str) -> None:
    result = run_signpost(project, "build", "--jobs", jobs)
    assert result.returncode == 2 and "--jobs" in result.stderr
