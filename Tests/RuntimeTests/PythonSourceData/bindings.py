import os.path
import xml.etree.ElementTree as ET
from collections import OrderedDict as OD, deque
from os import *
a = b = 1
c, (d, *e) = 1, (2, 3)
[f, g] = 3, 4
h: int = 5
i: int
j = 0
j += 1
k.attr = 1
l[0] = 2
(m) = 6
for n, o in []:
    p = 1
with open(os.devnull) as q, open(os.devnull) as (r, s):
    pass
if (t := 10) > 5:
    u = [w := 1 for _ in range(3)]
v = lambda: (z := 1)
try:
    import maybe
except ImportError as exc:
    maybe = None
def __getattr__(name):
    global g_from_func
    g_from_func = 1
    inner = 2
class Klass:
    class_attr = 1
del a
async def coro():
    pass
__all__ = ["a", "b"]
__all__ += ["c"]
__all__.extend(("d", "e"))
__all__.append("f")
x1, = [1]
*star_a, star_b = [1, 2]
