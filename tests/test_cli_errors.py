"""Whatever goes wrong, the user gets one line: never a traceback."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import run_signpost
from signpost import cli
from signpost.commands import check as check_command


def test_a_full_disk_is_one_line_and_leaves_build_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_signpost(project, "build", "--no-pdf", "--only", "children-4-7").returncode == 0
    index = project / "build" / "site" / "children-4-7" / "index.html"
    before = index.read_bytes()
    (project / "curriculum" / "privacy" / "safe-and-private-online.md").touch()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(project / "build"))

    monkeypatch.setattr("signpost.output.os.replace", full)
    code = cli.main(["--root", str(project), "build", "--no-pdf", "--only", "children-4-7",
                     "--region", "AU", "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "No space left on device" in err and "Traceback" not in err
    assert index.read_bytes() == before


def test_an_internal_error_is_one_line_with_its_own_exit_code(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(check_command, "load_and_check", broken)
    code = cli.main(["--root", str(project), "check"])
    err = capsys.readouterr().err
    assert code == cli.INTERNAL_ERROR != 1
    assert err.count("\n") == 1 and "bug in Signpost" in err
