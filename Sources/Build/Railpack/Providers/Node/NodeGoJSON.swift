import Railway

/// Reading a JSON document the way Go's `encoding/json` fills a small struct: a key names a field
/// exactly or case-insensitively, `null` leaves the field alone, repeated objects merge into one
/// struct, and a value of the wrong type fails the whole decode (nil here). Used for angular.json
/// and app.json, whose readers give up on any error (railpack:core/providers/node/angular.go, expo.go).
enum NodeGoJSON {
    /// Parses with Railpack's comment and trailing-comma tolerance; nil when it is not JSON.
    static func document(_ text: String, file: String) -> ConfigValue? {
        try? ConfigDocumentParser.parseJSONWithComments(text, file: file)
    }

    /// The values given for a struct field, in document order.
    static func values(_ field: String, in members: [ConfigMember]) -> [ConfigValue] {
        members.filter { $0.key == field || $0.key.lowercased() == field.lowercased() }.map(\.value)
    }

    /// A struct field's members (all occurrences merged); nil on a type error.
    static func object(_ values: [ConfigValue]) -> [ConfigMember]? {
        var merged: [ConfigMember] = []
        for value in values {
            switch value {
            case .null: continue
            case .table(let members): merged.append(contentsOf: members)
            default: return nil
            }
        }
        return merged
    }

    /// A string field: the last string given, "" when none; nil on a type error.
    static func string(_ values: [ConfigValue]) -> String? {
        var result = ""
        for value in values {
            switch value {
            case .null: continue
            case .string(let text): result = text
            default: return nil
            }
        }
        return result
    }
}
