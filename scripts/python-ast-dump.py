#!/usr/bin/env python3
"""Oracle dumper for railsim's Swift Python scanner (Sources/Runtime/PythonSource).

Parses each given file with CPython's own `ast` module and prints one JSON object per
line (JSON Lines) describing what the Swift scanner must also find:

  {"path": ..., "ok": true, "encoding": "utf-8",
   "imports": [node, ...],        # every import-related node, in ast walk order
   "bound": [...],                # module-level bound names, sorted
   "all": [...] | null,           # literal __all__ (see below)
   "getattr": bool}               # module-level `def __getattr__`
  {"path": ..., "ok": false, "error": {"msg", "lineno", "offset"}, "encoding": ...}

Import nodes:
  {"kind": "import", "names": [[name, asname, span|null], ...], "span": span, "ctx": [...]}
  {"kind": "from", "module": str|null, "level": int, "names": [...], "span": ..., "ctx": [...]}
  {"kind": "dynamic", "func": "importlib.import_module"|"import_module"|"__import__",
   "module": str, "package": str|null, "span": ..., "ctx": [...]}
  span = [lineno, col_offset, end_lineno, end_col_offset]  (alias spans are null before 3.10)

Context vocabulary (outermost first), shared with the Swift test:
  "def"               body of def / async def / lambda (not executed at import time)
  "class"             class body
  "if:<cond>"         body of an if/elif branch; <cond> is typeChecking, notTypeChecking,
                      mainGuard, version:<op>:<v.v>, platform:<op>:<value>, or unknown
  "else"              else body of an if chain
  "try", "except", "try:else", "finally"
  "loop", "loop:else" for / async for / while and their else
  "with"              with / async with body
  "case"              body of a match case
Header expressions (if/elif/while tests, for iterables, with items, decorators, default
values, annotations, class bases, match subjects and case guards) are evaluated in the
enclosing context; an except clause's type expression belongs to that handler ("except").

Bound names: def/class names, assignment targets (names, tuple/list unpacking, starred),
annotated assignments *with* a value, augmented assignments, import bindings, for/with
targets, walrus targets outside lambdas, match capture names, `type X = ...` aliases; found
in the module body and in nested if/try/for/while/with/match bodies, never inside def or
class bodies. `except E as e` is not counted (CPython deletes `e` at the end of the handler).

__all__: only statements directly in the module body, in order: `__all__ = <list/tuple of
str literals>` (also annotated) sets it, any other value resets it to null; `__all__ +=
<literal>`, `__all__.extend(<literal>)` and `__all__.append(<str>)` extend it when it is not
null (a non-literal argument resets it to null).

Usage: python-ast-dump.py [--files-from LIST] [PATH ...]
"""
import ast
import io
import json
import sys
import tokenize

DYNAMIC_FUNCS = {"import_module", "__import__"}


def span(node):
    if getattr(node, "lineno", None) is None:
        return None
    return [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset]


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def str_const(node):
    if isinstance(node, ast.Constant) and type(node.value) is str:
        return node.value
    return None


def classify(test):
    name = dotted(test)
    if name is not None and name.split(".")[-1] == "TYPE_CHECKING":
        return "typeChecking"
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = dotted(test.operand)
        if inner is not None and inner.split(".")[-1] == "TYPE_CHECKING":
            return "notTypeChecking"
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right, op = test.left, test.comparators[0], test.ops[0]
        sym = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}.get(type(op))
        if isinstance(op, ast.Eq):
            pair = (dotted(left), str_const(right)), (dotted(right), str_const(left))
            if any(n == "__name__" and s == "__main__" for n, s in pair):
                return "mainGuard"
        if sym is not None:
            flipped = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[sym]
            for subject, other, o in ((left, right, sym), (right, left, flipped)):
                if is_version_info(subject):
                    version = int_tuple(other)
                    if version is not None:
                        return "version:%s:%s" % (o, ".".join(map(str, version)))
                name = dotted(subject)
                value = str_const(other)
                if name is not None and name.split(".")[-1] == "platform" and value is not None and o in ("==", "!="):
                    return "platform:%s:%s" % (o, value)
    if isinstance(test, ast.Call) and len(test.args) == 1 and not test.keywords:
        name = dotted(test.func)
        value = str_const(test.args[0])
        if name is not None and value is not None and name.split(".")[-2:] == ["platform", "startswith"]:
            return "platform:startswith:%s" % value
    return "unknown"


def is_version_info(node):
    # sys.version_info, version_info, sys.version_info[:2] / [:3] / [0]
    if isinstance(node, ast.Subscript):
        node = node.value
    name = dotted(node)
    return name is not None and name.split(".")[-1] == "version_info"


def int_tuple(node):
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return [node.value]
    if isinstance(node, ast.Tuple) and node.elts and all(
        isinstance(e, ast.Constant) and type(e.value) is int for e in node.elts
    ):
        return [e.value for e in node.elts]
    return None


def alias_list(names):
    return [[a.name, a.asname, span(a)] for a in names]


class Extractor:
    def __init__(self, source_lines):
        self.nodes = []
        self.lines = source_lines

    # -- statements -------------------------------------------------------------------
    def stmts(self, body, ctx):
        for s in body:
            self.stmt(s, ctx)

    def stmt(self, s, ctx):
        if isinstance(s, ast.Import):
            self.nodes.append({"kind": "import", "names": alias_list(s.names), "span": span(s), "ctx": ctx})
        elif isinstance(s, ast.ImportFrom):
            self.nodes.append({"kind": "from", "module": s.module, "level": s.level or 0,
                               "names": alias_list(s.names), "span": span(s), "ctx": ctx})
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in s.decorator_list:
                self.expr(d, ctx)
            self.arguments(s.args, ctx)
            if s.returns is not None:
                self.expr(s.returns, ctx)
            self.stmts(s.body, ctx + ["def"])
        elif isinstance(s, ast.ClassDef):
            for e in s.decorator_list + s.bases + [k.value for k in s.keywords]:
                self.expr(e, ctx)
            self.stmts(s.body, ctx + ["class"])
        elif isinstance(s, ast.If):
            node = s
            while True:
                self.expr(node.test, ctx)
                self.stmts(node.body, ctx + ["if:" + classify(node.test)])
                if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If) and self.is_elif(node.orelse[0]):
                    node = node.orelse[0]
                    continue
                if node.orelse:
                    self.stmts(node.orelse, ctx + ["else"])
                break
        elif isinstance(s, (ast.For, ast.AsyncFor)):
            self.expr(s.target, ctx)
            self.expr(s.iter, ctx)
            self.stmts(s.body, ctx + ["loop"])
            self.stmts(s.orelse, ctx + ["loop:else"])
        elif isinstance(s, ast.While):
            self.expr(s.test, ctx)
            self.stmts(s.body, ctx + ["loop"])
            self.stmts(s.orelse, ctx + ["loop:else"])
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                self.expr(item.context_expr, ctx)
                if item.optional_vars is not None:
                    self.expr(item.optional_vars, ctx)
            self.stmts(s.body, ctx + ["with"])
        elif isinstance(s, ast.Try) or type(s).__name__ == "TryStar":
            self.stmts(s.body, ctx + ["try"])
            for h in s.handlers:
                if h.type is not None:
                    self.expr(h.type, ctx + ["except"])
                self.stmts(h.body, ctx + ["except"])
            self.stmts(s.orelse, ctx + ["try:else"])
            self.stmts(s.finalbody, ctx + ["finally"])
        elif type(s).__name__ == "Match":
            self.expr(s.subject, ctx)
            for case in s.cases:
                if case.guard is not None:
                    self.expr(case.guard, ctx)
                self.stmts(case.body, ctx + ["case"])
        else:
            for child in ast.iter_child_nodes(s):
                self.expr(child, ctx)

    def is_elif(self, node):
        line = self.lines[node.lineno - 1] if 0 < node.lineno <= len(self.lines) else b""
        return line[node.col_offset:node.col_offset + 4] == b"elif"

    def arguments(self, args, ctx):
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None and a.annotation is not None:
                self.expr(a.annotation, ctx)
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.expr(d, ctx)

    # -- expressions (explicit stack: expression depth is input-controlled) ----------
    def expr(self, root, ctx):
        stack = [(root, ctx)]
        while stack:
            node, c = stack.pop()
            if isinstance(node, ast.Lambda):
                self.arguments(node.args, c)
                stack.append((node.body, c + ["def"]))
                continue
            if isinstance(node, ast.Call):
                self.dynamic(node, c)
            for child in reversed(list(ast.iter_child_nodes(node))):
                stack.append((child, c))

    def dynamic(self, call, ctx):
        func = dotted(call.func)
        if func not in ("importlib.import_module", "import_module", "__import__"):
            return
        if not call.args or isinstance(call.args[0], ast.Starred):
            return
        module = str_const(call.args[0])
        if module is None:
            return
        package = None
        if func != "__import__":
            if len(call.args) > 1:
                package = str_const(call.args[1])
            for k in call.keywords:
                if k.arg == "package":
                    package = str_const(k.value)
        self.nodes.append({"kind": "dynamic", "func": func, "module": module, "package": package,
                           "span": span(call), "ctx": ctx})


# -- module-level facts -------------------------------------------------------------------
def target_names(node, out):
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, (ast.Tuple, ast.List)):
            stack.extend(n.elts)
        elif isinstance(n, ast.Starred):
            stack.append(n.value)


def pattern_names(pattern, out):
    stack = [pattern]
    while stack:
        p = stack.pop()
        kind = type(p).__name__
        if kind == "MatchAs":
            if p.name is not None:
                out.add(p.name)
            if p.pattern is not None:
                stack.append(p.pattern)
        elif kind == "MatchStar":
            if p.name is not None:
                out.add(p.name)
        elif kind == "MatchMapping":
            if p.rest is not None:
                out.add(p.rest)
            stack.extend(p.patterns)
        elif kind == "MatchSequence":
            stack.extend(p.patterns)
        elif kind == "MatchClass":
            stack.extend(p.patterns)
            stack.extend(p.kwd_patterns)
        elif kind == "MatchOr":
            stack.extend(p.patterns)


def walrus_names(root, out):
    """NamedExpr targets in a module-scope expression, skipping lambda bodies."""
    stack = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Lambda):
            stack.extend(n.args.defaults)
            stack.extend(d for d in n.args.kw_defaults if d is not None)
            continue
        if isinstance(n, ast.NamedExpr) and isinstance(n.target, ast.Name):
            out.add(n.target.id)
        stack.extend(ast.iter_child_nodes(n))


def bound_names(body, out):
    stack = list(reversed(body))
    while stack:
        s = stack.pop()
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(s.name)
            for child in ast.iter_child_nodes(s):
                if not isinstance(child, ast.stmt):
                    walrus_names(child, out)
            continue
        if isinstance(s, ast.Assign):
            for t in s.targets:
                target_names(t, out)
        elif isinstance(s, ast.AnnAssign):
            if s.value is not None and isinstance(s.target, ast.Name):
                out.add(s.target.id)
        elif isinstance(s, ast.AugAssign):
            if isinstance(s.target, ast.Name):
                out.add(s.target.id)
        elif isinstance(s, ast.Import):
            for a in s.names:
                out.add(a.asname or a.name.split(".")[0])
        elif isinstance(s, ast.ImportFrom):
            for a in s.names:
                if a.name != "*":
                    out.add(a.asname or a.name)
        elif isinstance(s, (ast.For, ast.AsyncFor)):
            target_names(s.target, out)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                if item.optional_vars is not None:
                    target_names(item.optional_vars, out)
        elif type(s).__name__ == "Match":
            for case in s.cases:
                pattern_names(case.pattern, out)
        elif type(s).__name__ == "TypeAlias":
            target_names(s.name, out)
        for child in ast.iter_child_nodes(s):
            if isinstance(child, ast.stmt):
                continue
            if isinstance(child, ast.excepthandler):
                stack.extend(reversed(child.body))
                if child.type is not None:
                    walrus_names(child.type, out)
            elif type(child).__name__ == "match_case":
                stack.extend(reversed(child.body))
                if child.guard is not None:
                    walrus_names(child.guard, out)
            else:
                walrus_names(child, out)
        for field in ("body", "orelse", "finalbody"):
            stack.extend(reversed(getattr(s, field, None) or []))


def literal_strings(node):
    if isinstance(node, (ast.List, ast.Tuple)):
        values = [str_const(e) for e in node.elts]
        if all(v is not None for v in values):
            return values
    return None


def dunder_all(body):
    result = None
    for s in body:
        if isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in s.targets):
            result = literal_strings(s.value)
        elif isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id == "__all__" and s.value is not None:
            result = literal_strings(s.value)
        elif isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name) and s.target.id == "__all__":
            if result is not None:
                extra = literal_strings(s.value)
                result = None if extra is None or not isinstance(s.op, ast.Add) else result + extra
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and result is not None:
            func = dotted(s.value.func)
            args = s.value.args
            if func == "__all__.extend" and len(args) == 1 and not s.value.keywords:
                extra = literal_strings(args[0])
                result = None if extra is None else result + extra
            elif func == "__all__.append" and len(args) == 1 and not s.value.keywords:
                value = str_const(args[0])
                result = None if value is None else result + [value]
    return result


def module_getattr(body):
    stack = list(body)
    while stack:
        s = stack.pop()
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if s.name == "__getattr__":
                return True
            continue
        if isinstance(s, ast.ClassDef):
            continue
        for field in ("body", "orelse", "finalbody"):
            stack.extend(getattr(s, field, None) or [])
        for h in getattr(s, "handlers", None) or []:
            stack.extend(h.body)
        for case in getattr(s, "cases", None) or []:
            stack.extend(case.body)
    return False


def dump(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return {"path": path, "ok": False, "error": {"msg": str(e), "lineno": None, "offset": None}}
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError:
        encoding = None
    try:
        tree = ast.parse(data, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        return {"path": path, "ok": False, "encoding": encoding,
                "error": {"msg": getattr(e, "msg", str(e)), "lineno": getattr(e, "lineno", None),
                          "offset": getattr(e, "offset", None)}}
    text = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    lines = text.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    ex = Extractor(lines)
    ex.stmts(tree.body, [])
    bound = set()
    bound_names(tree.body, bound)
    return {"path": path, "ok": True, "encoding": encoding, "imports": ex.nodes,
            "bound": sorted(bound), "all": dunder_all(tree.body), "getattr": module_getattr(tree.body)}


def main(argv):
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--files-from":
            with open(argv[i + 1], encoding="utf-8") as f:
                paths.extend(line.rstrip("\n") for line in f if line.strip())
            i += 2
        else:
            paths.append(argv[i])
            i += 1
    out = sys.stdout
    for p in paths:
        out.write(json.dumps(dump(p), ensure_ascii=True, separators=(",", ":")))
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    sys.exit(main(sys.argv[1:]))
