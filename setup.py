"""Package layout that pyproject.toml cannot express on its own.

The top-level ``resources/`` folder (fonts, icons, translations) is shipped inside the
wheel as the ``kamdesk._resources`` package, so an installed KAMDesk finds its files
without the source tree; :mod:`kamdesk.resources` looks there first.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["kamdesk", "kamdesk.*"]) + ["kamdesk._resources"],
    package_dir={"kamdesk._resources": "resources"},
    package_data={
        "kamdesk": ["store/migrations/*.mako"],
        "kamdesk._resources": ["**/*"],
    },
    include_package_data=False,
)
