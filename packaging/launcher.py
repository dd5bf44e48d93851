"""The frozen app's entry point: the same ``kamdesk.__main__.main`` the pip launcher runs.

PyInstaller needs a script, not a ``module:function`` entry point; this is that script
and nothing else, so frozen and unfrozen start through the same code.
"""

import sys

from kamdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
