import sys
import typing
import typing as t
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import tc_plain
if typing.TYPE_CHECKING:
    import tc_typing
if t.TYPE_CHECKING:
    import tc_alias
if not TYPE_CHECKING:
    import not_tc
if (TYPE_CHECKING):
    import tc_parens
if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib
if sys.version_info < (3, 8):
    import importlib_metadata
if (3, 9) <= sys.version_info:
    import reversed_order
if sys.version_info[:2] == (3, 12):
    import sliced
if sys.version_info[0] >= 3:
    import major_only
if sys.platform == "win32":
    import winreg
elif sys.platform.startswith('linux'):
    import linux_only
elif "darwin" != sys.platform:
    import not_darwin
if __name__ == "__main__":
    import main_guard
if '__main__' == __name__:
    import main_guard_reversed
if sys.version_info >= (3, 8) and sys.platform == "linux":
    import compound_unknown
if (sys.version_info >= (3, 8)):
    import paren_version
