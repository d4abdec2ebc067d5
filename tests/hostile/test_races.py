"""A path confined a moment ago cannot be swapped to lead outside before it is opened.

Between resolving a named file (and checking that it lies in an allowed folder) and opening
it, someone could replace a folder on its path with a symlink to another place. The read
then opens the real path it was given, without resolving it again, and checks that the file
it opened is that very file (on Linux the kernel says where a descriptor points). The swap
is made by hand here, between the two steps, so the test is exact rather than a race.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hostile.makers import png

from pdfbuilder.errors import HandoutError
from pdfbuilder.source import files

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="needs /proc/self/fd to see where a file is"
)


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    work, outside = tmp_path / "work", tmp_path / "outside"
    (work / "pics").mkdir(parents=True)
    outside.mkdir()
    (work / "pics" / "x.png").write_bytes(png(4, 4))
    (outside / "x.png").write_bytes(png(9, 9))
    return work, outside


@linux_only
def test_a_folder_swapped_for_a_symlink_after_confining_is_not_followed(tmp_path: Path) -> None:
    work, outside = _folders(tmp_path)
    real = files.resolve_named("pics/x.png", work, ())
    (work / "pics").rename(work / "old")
    (work / "pics").symlink_to(outside)  # the swap, between confining and opening
    with pytest.raises(HandoutError, match="moved while it was being opened"):
        files.read_confined(real, "image", shown="pics/x.png", resolved=True)


def test_the_confined_file_itself_is_read(tmp_path: Path) -> None:
    work, _ = _folders(tmp_path)
    real = files.resolve_named("pics/x.png", work, ())
    assert files.read_confined(real, "image", resolved=True) == png(4, 4)


def test_a_path_the_user_gives_is_resolved_when_read(tmp_path: Path) -> None:
    work, outside = _folders(tmp_path)
    (work / "link").symlink_to(outside)
    assert files.read_confined(work / "link" / "x.png", "image") == png(9, 9)
