"""Build hook: with DISPLACEMENT_MONITOR_COMPILE=1, compile the extractor's hot modules with mypyc.

Without it (the default) the package is pure Python. build_backend/ adds mypy (which ships mypyc) to the
build's requirements only when the variable is set.
"""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import setup

# The modules extract() spends its time in, and the gazetteer's matcher (its cache key hashes gazetteer.py, which
# ships beside the compiled module). models.py compiled cannot unpickle its frozen dataclasses: it stays interpreted.
COMPILED = [
    f"src/displacement_monitor/extract/{name}.py"
    for name in ("figures", "places", "localities", "linking", "numbers", "sentences", "sources", "lexicon",
                 "tables")
] + ["src/displacement_monitor/gazetteer.py"]
GROUP = "displacement_monitor"  # names mypyc's shared runtime library: displacement_monitor__mypyc.*.so


def compile_requested() -> bool:
    """The same test build_backend/ makes: the variable set to 1."""
    return os.environ.get("DISPLACEMENT_MONITOR_COMPILE") == "1"


def remove_compiled() -> None:
    """Delete what an earlier compiled editable install left next to the sources.

    An editable install builds the extensions in src/, and Python imports an extension before a .py of the
    same name, so without this a later pure install would keep running the old compiled code."""
    for source in map(Path, COMPILED):
        for suffix in EXTENSION_SUFFIXES:
            source.with_suffix(suffix).unlink(missing_ok=True)
    for suffix in EXTENSION_SUFFIXES:
        Path("src", f"{GROUP}__mypyc{suffix}").unlink(missing_ok=True)


def ext_modules() -> list:
    if not compile_requested():
        remove_compiled()
        return []
    from mypyc.build import mypycify  # only the compiled build has mypy among its build requirements

    return mypycify(COMPILED, opt_level="3", group_name=GROUP)


setup(ext_modules=ext_modules())
