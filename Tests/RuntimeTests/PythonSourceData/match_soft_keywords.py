match = 1
case = 2
type = 3
_ = 4
match(match)
print(match, case, type)
match.bit_length() if hasattr(match, "bit_length") else None
command = ["go", "north"]
match command:
    case ["go", direction]:
        import m_go
    case ["drop", *objects]:
        from m_drop import drop
    case {"key": value, **rest}:
        pass
    case Point(x=0, y=py) | Point(x=px, y=0) if px > 0:
        import m_point
    case str() as text:
        pass
    case _:
        import m_default
match (command):
    case [a, b]: import m_pair
    case a.b.c: pass
match -1:
    case -1:
        import m_neg
match ...:
    case _: pass
type Alias = list[int]
type Generic[T] = dict[str, T]
def match_fn(match, case=None):
    return match
