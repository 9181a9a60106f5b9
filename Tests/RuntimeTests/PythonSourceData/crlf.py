import os
from sys import (
    path,
    argv)
if os:
    import crlf_inside
s = """multi
line"""; import after_crlf_triple
x = 1 + \
    2
import last_crlf