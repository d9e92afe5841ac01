"""The optional compiled build (setup.py, DISPLACEMENT_MONITOR_COMPILE=1): what is imported is what was asked for."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import displacement_monitor
from displacement_monitor.extract import figures

PACKAGE_DIR = Path(displacement_monitor.__file__).parent


def _extensions() -> list[Path]:
    return [path for path in PACKAGE_DIR.rglob("*") if path.name.endswith(tuple(EXTENSION_SUFFIXES))]


@pytest.mark.skipif("site-packages" in PACKAGE_DIR.parts, reason="an installed wheel holds no sources to edit")
def test_no_compiled_module_is_older_than_its_source() -> None:
    # An editable compiled install leaves the extensions next to the .py files, and Python imports an
    # extension before a .py of the same name: an edit to the .py does nothing until the next build.
    stale = [path.name for path in _extensions()
             if path.stat().st_mtime < path.with_name(path.name.split(".")[0] + ".py").stat().st_mtime]
    assert not stale, f"rebuild with DISPLACEMENT_MONITOR_COMPILE=1 pip install -e ., or reinstall pure: {stale}"


@pytest.mark.skipif(os.environ.get("DISPLACEMENT_MONITOR_COMPILE") != "1", reason="pure-Python build")
def test_the_compiled_build_is_the_one_imported() -> None:
    assert figures.__file__ is not None
    assert not figures.__file__.endswith(".py"), f"asked for the compiled build, imported {figures.__file__}"
