import os, \
    sys
from collections import (
    OrderedDict,   # comment inside
    defaultdict as dd,
)
from . \
    import sibling
import xml.\
etree.ElementTree as ET
value = (1 +
         2)
if (value and
        os):
    import inside_multiline_if
x = [
    "import nope",
]; import after_bracket
from .. import (parent_a,
                parent_b)
from ...pkg.sub import deep
from .... import four_dots
