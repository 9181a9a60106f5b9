/// Maps identifier bytes to `PyKeyword` without building a `String`
/// (keyword list: https://docs.python.org/3/reference/lexical_analysis.html#keywords).
enum PyKeywordLookup {
    static func classify(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> PyKeyword {
        let n = end - start
        guard n >= 1, n <= 8 else { return .none }
        let c = p[start]
        switch n {
        case 1:
            return c == UInt8(ascii: "_") ? .underscore : .none
        case 2:
            switch c {
            case UInt8(ascii: "a"): return eq(p, start, "as") ? .as_ : .none
            case UInt8(ascii: "i"):
                if eq(p, start, "if") { return .if_ }
                if eq(p, start, "in") { return .in_ }
                return eq(p, start, "is") ? .is_ : .none
            case UInt8(ascii: "o"): return eq(p, start, "or") ? .or : .none
            default: return .none
            }
        case 3:
            switch c {
            case UInt8(ascii: "a"): return eq(p, start, "and") ? .and : .none
            case UInt8(ascii: "d"):
                if eq(p, start, "def") { return .def }
                return eq(p, start, "del") ? .del : .none
            case UInt8(ascii: "f"): return eq(p, start, "for") ? .for_ : .none
            case UInt8(ascii: "n"): return eq(p, start, "not") ? .not : .none
            case UInt8(ascii: "t"): return eq(p, start, "try") ? .try_ : .none
            default: return .none
            }
        case 4:
            switch c {
            case UInt8(ascii: "N"): return eq(p, start, "None") ? .none_ : .none
            case UInt8(ascii: "T"): return eq(p, start, "True") ? .true_ : .none
            case UInt8(ascii: "c"): return eq(p, start, "case") ? .case_ : .none
            case UInt8(ascii: "e"):
                if eq(p, start, "elif") { return .elif }
                return eq(p, start, "else") ? .else_ : .none
            case UInt8(ascii: "f"): return eq(p, start, "from") ? .from : .none
            case UInt8(ascii: "p"): return eq(p, start, "pass") ? .pass : .none
            case UInt8(ascii: "t"): return eq(p, start, "type") ? .type : .none
            case UInt8(ascii: "w"): return eq(p, start, "with") ? .with : .none
            default: return .none
            }
        case 5:
            switch c {
            case UInt8(ascii: "F"): return eq(p, start, "False") ? .false_ : .none
            case UInt8(ascii: "a"):
                if eq(p, start, "async") { return .async }
                return eq(p, start, "await") ? .await : .none
            case UInt8(ascii: "b"): return eq(p, start, "break") ? .break_ : .none
            case UInt8(ascii: "c"): return eq(p, start, "class") ? .class_ : .none
            case UInt8(ascii: "m"): return eq(p, start, "match") ? .match : .none
            case UInt8(ascii: "r"): return eq(p, start, "raise") ? .raise : .none
            case UInt8(ascii: "w"): return eq(p, start, "while") ? .while_ : .none
            case UInt8(ascii: "y"): return eq(p, start, "yield") ? .yield : .none
            default: return .none
            }
        case 6:
            switch c {
            case UInt8(ascii: "a"): return eq(p, start, "assert") ? .assert : .none
            case UInt8(ascii: "e"): return eq(p, start, "except") ? .except : .none
            case UInt8(ascii: "g"): return eq(p, start, "global") ? .global : .none
            case UInt8(ascii: "i"): return eq(p, start, "import") ? .import_ : .none
            case UInt8(ascii: "l"): return eq(p, start, "lambda") ? .lambda : .none
            case UInt8(ascii: "r"): return eq(p, start, "return") ? .return_ : .none
            default: return .none
            }
        case 7:
            return c == UInt8(ascii: "f") && eq(p, start, "finally") ? .finally : .none
        default:
            if c == UInt8(ascii: "c") { return eq(p, start, "continue") ? .continue_ : .none }
            return c == UInt8(ascii: "n") && eq(p, start, "nonlocal") ? .nonlocal : .none
        }
    }

    @inline(__always)
    private static func eq(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for i in 1..<word.utf8CodeUnitCount where p[start + i] != w[i] { return false }
        return true
    }
}
