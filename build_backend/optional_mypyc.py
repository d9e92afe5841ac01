"""setuptools' build backend, with mypy added to the build requirements when DISPLACEMENT_MONITOR_COMPILE=1.

pip installs [build-system] requires for every build. mypy is only needed by the optional compiled build
(see setup.py), so it is asked for through the PEP 517 get_requires hooks, and only then.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401  (the hooks this backend does not change)
    build_editable,
    build_sdist,
    build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

# The mypy whose mypyc output was checked against the pure build (identical extract() output on 916
# texts); check again before moving it.
MYPYC_REQUIRES = ["mypy==2.4.1"]


def _compile_requested() -> bool:
    return os.environ.get("DISPLACEMENT_MONITOR_COMPILE") == "1"


# setuptools' own get_requires hooks run setup.py to collect its setup_requires, which this project does not
# use; with the compiled build asked for, setup.py imports mypyc, which is not installed until these hooks
# have asked for it. So a compiled build skips them and asks for mypy alone.


def get_requires_for_build_wheel(config_settings: dict | None = None) -> list[str]:
    """mypy for a compiled build, else setuptools' requirements."""
    if _compile_requested():
        return list(MYPYC_REQUIRES)
    return _setuptools.get_requires_for_build_wheel(config_settings)


def get_requires_for_build_editable(config_settings: dict | None = None) -> list[str]:
    """mypy for a compiled build, else setuptools' requirements."""
    if _compile_requested():
        return list(MYPYC_REQUIRES)
    return _setuptools.get_requires_for_build_editable(config_settings)


def get_requires_for_build_sdist(config_settings: dict | None = None) -> list[str]:
    """mypy for a compiled build (setup.py runs for an sdist too), else setuptools' requirements."""
    if _compile_requested():
        return list(MYPYC_REQUIRES)
    return _setuptools.get_requires_for_build_sdist(config_settings)
