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

    static func parseJSON(_ text: String, file: String) throws(ConfigSyntaxError) -> ConfigValue {
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
