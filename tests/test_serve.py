"""`signpost serve`: a real MkDocs live-reload server that rebuilds when a module changes."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PAGE = "trusted-adults/secrets-and-surprises.html"
MODULE = "curriculum/trusted-adults/secrets-and-surprises.md"
WAIT_SECONDS = 120  # an upper bound on a rebuild, not a timing assertion


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition: Callable[[], bool], server: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        assert server.poll() is None, f"server exited while waiting for {what}"
        time.sleep(0.5)
    pytest.fail(f"gave up waiting for {what}")


class Preview:
    """The real CLI in a subprocess; its terminal output goes to files the test can poll."""

    def __init__(self, root: Path, site: str, logs: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.out = logs / "serve.out"
        self.err = logs / "serve.err"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "signpost.cli", "--root", str(root), "serve", site,
                 "--port", str(self.port)],
                stdout=out, stderr=err, text=True,
            )

    def page(self, path: str) -> tuple[int, str]:
        return fetch(self.url + path)

    def terminal(self) -> str:
        return self.out.read_text() + self.err.read_text()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[Preview]:
    server = Preview(project, "children-4-7", tmp_path)
    try:
        wait_for(lambda: server.page(PAGE)[0] == 200, server.process, "the first build")
        yield server
    finally:
        server.stop()


def test_serve_shows_the_site_and_rebuilds_when_a_module_changes(
    project: Path, preview: Preview
) -> None:
    status, html = preview.page(PAGE)
    assert status == 200
    assert "Secrets and surprises" in html
    assert "livereload" in html  # MkDocs injects its reload script into served pages
    assert "Print one set of the four cards" not in html  # facilitator block gated out

    module = project / MODULE
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "Pip and Dot are best friends.", "Pip and Dot are best friends with Tig."
        ),
        encoding="utf-8",
    )
    wait_for(lambda: "best friends with Tig" in preview.page(PAGE)[1], preview.process,
             "the edited module")

    assert preview.page("no-such-page.html")[0] == 404


def test_serve_reports_check_problems_and_keeps_serving(project: Path, preview: Preview) -> None:
    module = project / MODULE
    good = module.read_text(encoding="utf-8")
    broken_line = good[: good.index("::: family")].count("\n") + 1
    module.write_text(good.replace("::: family\n", "::: famly\n"), encoding="utf-8")
    problem = f"{MODULE}:{broken_line}: SP103 unknown block kind 'famly'"
    wait_for(lambda: problem in preview.terminal(), preview.process, "the check problem")
    wait_for(lambda: "showing the last good build" in preview.terminal(), preview.process,
             "the failed rebuild to finish")
    status, html = preview.page(PAGE)
    assert status == 200 and "Meet Pip and Dot" in html  # the last good build

    module.write_text(good.replace("Meet Pip and Dot", "Meet Pip, Dot and Kit"), encoding="utf-8")
    wait_for(lambda: "Meet Pip, Dot and Kit" in preview.page(PAGE)[1], preview.process,
             "the fixed module")
    assert preview.stop() == 0
    terminal = preview.terminal()
    assert "previewing children-4-7 at http://127.0.0.1:" in terminal
    assert "signpost serve: stopped" in terminal
    assert "Traceback" not in terminal


def test_serve_rebuilds_when_an_audience_file_changes(project: Path, preview: Preview) -> None:
    audience = project / "audiences/children-4-7.yml"
    audience.write_text(
        audience.read_text(encoding="utf-8").replace(
            "title: Staying safe, ages 4 to 7", "title: Staying safe with Pip, ages 4 to 7"
        ),
        encoding="utf-8",
    )
    wait_for(lambda: "Staying safe with Pip" in preview.page("index.html")[1], preview.process,
             "the renamed site")


def test_serve_refuses_an_unknown_site(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "signpost.cli", "--root", str(project), "serve", "nope",
         "--port", str(free_port())],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("signpost serve: unknown site 'nope'; known: children-11-13")


def test_serve_started_with_errors_shows_the_problems_instead_of_a_404(
    project: Path, tmp_path: Path
) -> None:
    module = project / MODULE
    module.write_text(module.read_text(encoding="utf-8").replace("::: family\n", "::: famly\n"),
                      encoding="utf-8")
    server = Preview(project, "children-4-7", tmp_path)
    try:
        wait_for(lambda: "the preview lists the problems" in server.terminal(), server.process,
                 "the failed first build")
        status, html = server.page("index.html")
        assert status == 200
        assert "SP103" in html and "famly" in html
        assert "last good build" not in server.terminal()
    finally:
        server.stop()
