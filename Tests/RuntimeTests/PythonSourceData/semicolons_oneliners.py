import os; import sys; x = 1
if os: import one_line_if
elif sys: import one_line_elif
else: import one_line_else
try: import one_line_try
except ImportError: import one_line_except
else: import one_line_try_else
finally: import one_line_finally
while False: import in_while
else: import in_while_else
for _i in (): import in_for
else: import in_for_else
with open(os.devnull) as fh: import in_with
class K: import in_class_oneliner
def f(): import in_def_oneliner
if x:
    if os: import nested_one
    else: import nested_else
import a; from b import c; import d as e;
try:
    pass
except (ValueError, TypeError): import multi_except
except ImportError as err: import named_except
except: import bare_except
