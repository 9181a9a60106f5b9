name = "world"
width = 10
a = f"hello {name}"
b = f"{name!r:>{width}}"
c = f"{'nested'} {"same quotes 3.12"} {f'{name}'}"
d = f"{{not a field}} import nope"
e = f'''multi
line {name
} import nope '''
f_ = f"{name:{'>'}{width}}"
g = rf"\{name}\d"
h = f"\N{BULLET} {name}"
i = f"{ {'a': 1}['a'] }"
j = f"{name # a comment in a 3.12 field
}"
k = f"{x:=10}" if False else None
l = F"{'{'}" Rf'{"}"}'
m = f"{(lambda: 1)()}"
n = f"{name=}"
o = f"{f"{f"{name}"}"}"
import after_fstrings
p = f'{name["key"] if isinstance(name, dict) else name}'; import after_p
