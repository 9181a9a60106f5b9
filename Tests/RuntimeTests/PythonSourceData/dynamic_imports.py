import importlib
from importlib import import_module
mod = importlib.import_module("json")
rel = importlib.import_module(".sub", "pkg")
kw = importlib.import_module(name=".kw", package="pkg2")
kw2 = importlib.import_module(".kw3", package="pkg3")
bare = import_module("xml.dom")
dunder = __import__("os.path", globals(), locals(), ["join"], 0)
concat = __import__("coll" "ections")
importlib.import_module("expr_statement")
not_literal = importlib.import_module(mod.__name__)
not_literal2 = importlib.import_module("a" + "b")
fstring = importlib.import_module(f"x{1}")
self_method = obj.import_module("not_matched")
nested = [importlib.import_module(n) for n in ("a", "b")]
in_list = [__import__("in_list_a"), __import__("in_list_b")]
lazy = lambda: importlib.import_module("lazy_mod")
lazier = lambda: lambda: __import__("lazier_mod")
default = lambda m=__import__("default_now"): m
d = {"k": lambda: __import__("in_dict_lambda"), "v": __import__("in_dict_now")}
call_with_lambda(lambda x: __import__("lam_arg"), __import__("after_lam"))
def func():
    return importlib.import_module("inside_def")
class C:
    handler = importlib.import_module("in_class")
if __import__("in_if_test"):
    pass
elif __import__("in_elif_test"):
    pass
for m in __import__("in_for_iter").x:
    pass
while __import__("in_while_test"):
    break
with __import__("in_with_item"):
    pass
try:
    pass
except __import__("in_except_type").Error:
    pass
x = __import__(("paren_literal"))
