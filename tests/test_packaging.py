"""What the package index shows and ships: licence, links, Python versions, README links."""

from __future__ import annotations

import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel, built in-process by hatchling's PEP 517 hooks."""
    import os

    from hatchling.build import build_sdist, build_wheel

    out = tmp_path_factory.mktemp("dist")
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        sdist = out / build_sdist(str(out))
        wheel = out / build_wheel(str(out))
    finally:
        os.chdir(here)
    return sdist, wheel


def test_the_licence_ships_in_sdist_and_wheel(built: tuple[Path, Path]) -> None:
    sdist, wheel = built
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert f"{sdist.name.removesuffix('.tar.gz')}/LICENSE" in names
    with zipfile.ZipFile(wheel) as archive:
        licences = [name for name in archive.namelist() if name.endswith("/LICENSE")]
        assert licences == [f"{wheel.name.split('-py3')[0]}.dist-info/licenses/LICENSE"]
        assert archive.read(licences[0]).decode().startswith("MIT License")


def test_the_metadata_names_links_and_python_versions(built: tuple[Path, Path]) -> None:
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        (meta,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(archive.read(meta).decode())
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    classifiers = metadata.get_all("Classifier")
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL"))
    assert urls["Repository"] == "https://github.com/raci-dev/raci"
    assert urls["Issues"] == "https://github.com/raci-dev/raci/issues"
    assert set(urls) == {"Homepage", "Documentation", "Repository", "Issues", "Changelog"}


def _links(tokens: list, found: list[str]) -> list[str]:  # type: ignore[type-arg]
    for token in tokens:
        if token.type in ("link_open", "image"):
            found.append(str(token.attrGet("href") or token.attrGet("src")))
        _links(token.children or [], found)
    return found


def test_readme_links_work_on_the_package_index() -> None:
    """PyPI shows the README without the repository around it: a relative link or an
    in-page anchor there leads nowhere, so every link is absolute."""
    tokens = MarkdownIt("commonmark").parse((ROOT / "README.md").read_text(encoding="utf-8"))
    links = _links(tokens, [])
    assert links, "the README has links"
    relative = [link for link in links if not link.startswith("https://")]
    assert relative == []
