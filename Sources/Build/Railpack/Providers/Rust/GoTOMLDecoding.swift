import Railway

/// The Go struct shape a TOML document is decoded into. Railpack decodes Cargo.toml and
/// rust-toolchain.toml with BurntSushi/toml into typed structs, and any value of the wrong type
/// fails the whole decode, so `version.workspace = true` (a table where Railpack expects a string)
/// makes the manifest unreadable to it (github.com/BurntSushi/toml v1.6.0 decode.go unify).
indirect enum GoTOMLShape: Sendable {
    /// A Go `string`: only a TOML string fits (unifyString).
    case string
    /// A Go `bool`: only a TOML boolean fits (unifyBool).
    case bool
    /// A Go `[]string`: an array whose every item is a string (unifySlice).
    case strings
    /// A Go `map[string]any`: any table (unifyMap into interface values).
    case anyTable
    /// A Go struct: a table whose keys that name a field fit that field; other keys are ignored (unifyStruct).
    case table([String: GoTOMLShape])
    /// A Go slice of structs: an array of tables (unifySlice of unifyStruct).
    case tables([String: GoTOMLShape])

    /// Whether decoding `value` into this shape succeeds.
    func accepts(_ value: ConfigValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.bool, .bool), (.anyTable, .table): return true
        case (.strings, .array(let items)):
            return items.allSatisfy { if case .string = $0 { return true } else { return false } }
        case (.table(let fields), .table(let members)):
            return members.allSatisfy { member in
                guard let field = GoTOMLShape.fieldName(for: member.key, in: Array(fields.keys)), let shape = fields[field] else { return true }
                return shape.accepts(member.value)
            }
        case (.tables(let fields), .array(let items)):
            return items.allSatisfy { GoTOMLShape.table(fields).accepts($0) }
        default: return false
        }
    }

    /// The field a key lands in: the field whose name equals it, else one equal under Unicode
    /// simple case folding (BurntSushi unifyStruct, `strings.EqualFold`).
    static func fieldName(for key: String, in fields: [String]) -> String? {
        if fields.contains(key) { return key }
        return fields.sorted().first { GoStrings.equalFold($0, key) }
    }

    /// The member of a decoded table a Go field receives: the exact key, else the first key equal
    /// to it under case folding. (With two such keys Go's map order decides; railsim takes the first.)
    static func member(_ field: String, in members: [ConfigMember]) -> ConfigValue? {
        members.first { $0.key == field }?.value ?? members.first { GoStrings.equalFold(field, $0.key) }?.value
    }
}

extension ConfigValue {
    /// The string a Go `string` field receives, or "" when absent.
    var goString: String {
        if case .string(let text) = self { return text }
        return ""
    }

    /// The items of a Go `[]string` field; nil when absent (a nil slice).
    var goStrings: [String]? {
        guard case .array(let items) = self else { return nil }
        return items.map(\.goString)
    }
}
