import Foundation
import Snapshot
import TOMLKit

/// Parses railway.toml (TOMLKit, behind this adapter) and railway.json (Foundation) into the
/// same `ConfigValue` tree, with each member's line. Syntax errors name the file and line.
public enum ConfigDocumentParser {
    public static func parse(_ text: String, format: ConfigFormat, file: String) throws(ConfigSyntaxError) -> ConfigValue {
        switch format {
        case .toml: return try parseTOML(text, file: file)
        case .json: return try parseJSON(text, file: file)
        }
    }

    static func parseTOML(_ text: String, file: String) throws(ConfigSyntaxError) -> ConfigValue {
        // TOMLKit hands toml++ a C string, so a NUL would silently end the document; TOML forbids
        // control characters other than tab outside strings too (toml.io v1.0.0, "Spec" / "Comment").
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw ConfigSyntaxError(location: SourceLocation(file: file, line: line), message: "invalid TOML: NUL character is not allowed")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigSyntaxError(location: SourceLocation(file: file, line: error.source.begin.line),
                                    message: "invalid TOML: \(error.description)")
        } catch {
            throw ConfigSyntaxError(location: SourceLocation(file: file), message: "invalid TOML")
        }
        let lines = KeyLineLocator.tomlLines(text)
        return convert(table, path: [], lines: lines)
    }

    /// TOMLKit values → `ConfigValue`, members ordered by their line (TOMLKit's tables are unordered).
    private static func convert(_ value: TOMLValueConvertible, path: [String], lines: [String: Int]) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.map { convert($0, path: path, lines: lines) })
        case .table:
            guard let table = value.table else { return .table([]) }
            var members: [ConfigMember] = []
            for key in table.keys {
                guard let child = table[key] else { continue }
                let childPath = path + [key]
                members.append(ConfigMember(key: key, value: convert(child, path: childPath, lines: lines),
                                            line: lines[childPath.joined(separator: ".")]))
            }
            members.sort { ($0.line ?? Int.max, $0.key) < ($1.line ?? Int.max, $1.key) }
            return .table(members)
        case .date: return .other("date")
        case .time: return .other("time")
        case .dateTime: return .other("date-time")
        }
    }

    /// JSON with comments and trailing commas, as Railpack reads railpack.json: it runs the text
    /// through hujson's Standardize before encoding/json (railpack:core/core.go `readConfigJSON`,
    /// internal/utils `StandardizeJSON`). Comments and trailing commas become spaces, so lines keep.
    public static func parseJSONWithComments(_ text: String, file: String) throws(ConfigSyntaxError) -> ConfigValue {
        try parseJSON(standardized(text), file: file)
    }

    static func standardized(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var index = 0
        var lastComma: Int? = nil
        while index < bytes.count {
            let c = bytes[index]
            if c == 0x22 {  // string: copy through, honouring escapes
                lastComma = nil
                index += 1
                while index < bytes.count, bytes[index] != 0x22 { index += bytes[index] == 0x5C ? 2 : 1 }
                index += 1
                continue
            }
            if c == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                while index < bytes.count, bytes[index] != 0x0A { bytes[index] = 0x20; index += 1 }
                continue
            }
            if c == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
                bytes[index] = 0x20; bytes[index + 1] = 0x20; index += 2
                while index < bytes.count, !(bytes[index] == 0x2A && index + 1 < bytes.count && bytes[index + 1] == 0x2F) {
                    if bytes[index] != 0x0A { bytes[index] = 0x20 }
                    index += 1
                }
                if index + 1 < bytes.count { bytes[index] = 0x20; bytes[index + 1] = 0x20; index += 2 }
                continue
            }
            if c == 0x2C { lastComma = index } else if c == 0x7D || c == 0x5D {
                if let comma = lastComma { bytes[comma] = 0x20 }
                lastComma = nil
            } else if !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D) { lastComma = nil }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parseJSON(_ text: String, file: String) throws(ConfigSyntaxError) -> ConfigValue {
        // Strict RFC 8259 first: Foundation on Linux accepts trailing commas and often gives no
        // position (rfc8259 §2–7; see JSONSyntaxChecker).
        if let failure = JSONSyntaxChecker.check(text) {
            throw ConfigSyntaxError(location: SourceLocation(file: file, line: failure.line),
                                    message: "invalid JSON: \(failure.reason) (line \(failure.line), column \(failure.column))")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ConfigSyntaxError(location: SourceLocation(file: file, line: jsonErrorLine(error, text: text)),
                                    message: "invalid JSON: \(jsonErrorReason(error))")
        }
        let lines = KeyLineLocator.jsonLines(text)
        // Foundation's dictionaries lose key order; restore it from the text positions.
        return convertJSON(object, path: [], lines: lines)
    }

    private static func convertJSON(_ object: Any, path: [String], lines: [String: Int]) -> ConfigValue {
        if object is NSNull { return .null }
        if let dictionary = object as? [String: Any] {
            var members: [ConfigMember] = []
            for (key, child) in dictionary {
                let childPath = path + [key]
                members.append(ConfigMember(key: key, value: convertJSON(child, path: childPath, lines: lines),
                                            line: lines[childPath.joined(separator: ".")]))
            }
            members.sort { ($0.line ?? Int.max, $0.key) < ($1.line ?? Int.max, $1.key) }
            return .table(members)
        }
        if let array = object as? [Any] {
            return .array(array.enumerated().map { convertJSON($0.element, path: path + [String($0.offset)], lines: lines) })
        }
        if let string = object as? String { return .string(string) }
        if let number = object as? NSNumber {
            // JSONSerialization reports booleans as NSNumber; tell them apart by their Objective-C type.
            if String(cString: number.objCType) == "c" {
                return .bool(number.boolValue)
            }
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 1e15, !String(describing: number).contains(".") {
                return .integer(number.intValue)
            }
            return .float(double)
        }
        return .other("value")
    }

    /// Foundation reports "around character N"; turn that into a line number.
    private static func jsonErrorLine(_ error: Error, text: String) -> Int? {
        let reason = jsonErrorReason(error)
        guard let range = reason.range(of: "character ") else { return nil }
        let digits = reason[range.upperBound...].prefix { $0.isNumber }
        guard let offset = Int(digits) else { return nil }
        var line = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == 0x0A { line += 1 }
        }
        return line
    }

    private static func jsonErrorReason(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        if let debug = info["NSDebugDescription"] as? String { return debug }
        return "the data is not valid JSON"
    }
}
