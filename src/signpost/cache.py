"""Content-keyed build cache: an output is reused only when everything it came from is unchanged.

The cache is the previous `build/` plus a manifest of the key each output was
built from. Keys hash content, never modification times: the generated docs
tree and config, the base mkdocs.yml, and the toolchain (this package's own
files, and the MkDocs and Material versions).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path

MANIFEST = Path(".signpost") / "manifest.json"


@cache
def toolchain_fingerprint() -> str:
    """Changes whenever Signpost's code, templates or assets, MkDocs or Material change."""
    digest = hashlib.sha256()
    for name in ("mkdocs", "mkdocs-material", "weasyprint", "markdown", "pymdown-extensions"):
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none;".encode())
    package = Path(str(resources.files("signpost")))
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def files_key(files: dict[str, bytes], *extra: bytes) -> str:
    """A key for a set of files (relative path -> bytes), plus `extra` inputs."""
    digest = hashlib.sha256(toolchain_fingerprint().encode())
    for part in extra:
        digest.update(hashlib.sha256(part).digest())
    for relative in sorted(files):
        digest.update(relative.encode() + b"\0")
        digest.update(hashlib.sha256(files[relative]).digest())
    return digest.hexdigest()


def text_key(*parts: str) -> str:
    digest = hashlib.sha256(toolchain_fingerprint().encode())
    for part in parts:
        digest.update(hashlib.sha256(part.encode("utf-8")).digest())
    return digest.hexdigest()


INPUTS = ("curriculum", "audiences", "mkdocs.yml")


def inputs_key(root: Path, *options: str) -> str:
    """Everything a build reads: every file of the project's inputs, and the build's options."""
    digest = hashlib.sha256(toolchain_fingerprint().encode())
    digest.update("\0".join(options).encode())
    for name in INPUTS:
        top = root / name
        paths = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in paths:
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class Manifest:
    """What each output in a build was made from: output name -> key."""

    keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, build_dir: Path) -> Manifest:
        try:
            data = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
            return cls({str(k): str(v) for k, v in data.get("keys", {}).items()})
        except (OSError, ValueError, AttributeError):
            return cls()

    def fresh(self, name: str, key: str, output: Path) -> bool:
        return self.keys.get(name) == key and output.exists()

    def outputs_present(self, build_dir: Path) -> bool:
        """Every output the manifest lists is still in `build_dir`."""
        for name in self.keys:
            if name.startswith("site/") and name.count("/") == 1:
                site = name.removeprefix("site/")
                needed = [build_dir / name / "index.html",
                          build_dir / "site" / "downloads" / "offline" / f"{site}.zip"]
            elif name.startswith("print/"):  # print/<the PDF's path in build/>
                needed = [build_dir / name.removeprefix("print/")]
            else:
                continue
            if not all(path.exists() for path in needed):
                return False
        return (build_dir / "site" / "index.html").exists()

    def sites(self) -> list[str]:
        return [name.removeprefix("site/") for name in self.keys
                if name.startswith("site/") and name.count("/") == 1]

    def write(self, build_dir: Path) -> None:
        path = build_dir / MANIFEST
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()  # the staging copy may share this file with the previous build
        path.write_text(json.dumps({"keys": self.keys}, indent=1, sort_keys=True), encoding="utf-8")
