try:
    import grp_mod
except* ImportError:
    import star_handler
except* (ValueError, TypeError) as eg:
    pass
global_var = [x for x in range(3) if x]
dict_display = {k: v for k, v in {}.items()}
set_display = {1, 2}
gen = (i for i in range(3))
cond = 1 if True else 2
nested = {"a": [1, {"b": (2,)}]}
slice_ = [1, 2, 3][1:2]
ellipsis = ...
star_args = print(*[], **{})
chained = 1 < 2 < 3
assert True, "import nope"
del nested
raise_later = None
def gen_fn():
    yield from range(3)
    x = yield
    import in_generator
print("done"); import final_import
