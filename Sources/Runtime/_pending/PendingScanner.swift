// TEMPORARY: replaced by the real PythonSource scanner.
public struct PythonSyntaxError: Error, Sendable, Equatable { public var line: Int; public var column: Int; public var message: String }
public struct SourceSpan: Sendable, Equatable { public var startLine, startColumn, endLine, endColumn: Int }
public struct ImportedModule: Sendable, Equatable { public var name: String; public var asName: String?; public var span: SourceSpan }
public struct ImportedName: Sendable, Equatable { public var name: String; public var asName: String?; public var span: SourceSpan }
public struct DynamicImport: Sendable, Equatable { public var module: String; public var package: String?; public var api: String }
public struct PythonModuleScan: Sendable, Equatable { public var body: [PyStatement]; public var boundNames: Set<String>; public var definesModuleGetattr: Bool; public var dunderAll: [String]? }
public struct PyStatement: Sendable, Equatable { public var kind: PyStatementKind; public var span: SourceSpan }
public indirect enum PyStatementKind: Sendable, Equatable {
    case importModules([ImportedModule]); case importFrom(module: String?, level: Int, names: [ImportedName]); case dynamicImport(DynamicImport)
    case assignment(targets: [String], value: PyExpression); case call(PyCall)
    case functionDef(name: String, decorators: [PyExpression], body: [PyStatement]); case classDef(name: String, decorators: [PyExpression], body: [PyStatement])
    case ifStatement(branches: [PyIfBranch], orElse: [PyStatement]?); case tryStatement(body: [PyStatement], handlers: [PyExceptHandler], orElse: [PyStatement], finally: [PyStatement])
    case loop(body: [PyStatement], orElse: [PyStatement]); case with(body: [PyStatement]); case match(cases: [[PyStatement]]); case other
}
public struct PyIfBranch: Sendable, Equatable { public var condition: PyCondition; public var body: [PyStatement]; public var span: SourceSpan }
public enum PyCondition: Sendable, Equatable { case typeChecking, notTypeChecking, mainGuard, versionCompare(op: String, version: [Int]), platformCompare(op: String, value: String), unknown(String) }
public struct PyExceptHandler: Sendable, Equatable { public var types: [String]?; public var body: [PyStatement]; public var span: SourceSpan }
public struct PyCall: Sendable, Equatable { public var callee: String; public var arguments: [PyArgument]; public var span: SourceSpan }
public struct PyArgument: Sendable, Equatable { public var keyword: String?; public var value: PyExpression }
public indirect enum PyExpression: Sendable, Equatable { case string(String), integer(Int), name(String), call(PyCall), other(String) }
public enum PythonSourceScanner { public static func scan(_ source: [UInt8]) throws(PythonSyntaxError) -> PythonModuleScan { PythonModuleScan(body: [], boundNames: [], definesModuleGetattr: false, dunderAll: nil) } }
