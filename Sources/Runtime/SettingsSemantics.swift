import Build
import Snapshot

/// A pydantic `BaseSettings` subclass defined at run time, as far as required fields go.
struct SettingsModel: Sendable {
    enum Flavor: Sendable { case pydanticSettings, pydanticV1 }
    var flavor: Flavor
    /// Fields in definition order (parents' first, as pydantic collects them): name and whether
    /// it is required; nil when railsim cannot tell (aliases).
    var fields: [(name: String, required: Bool?)]
    var prefix: String?
    var caseSensitive: Bool
    var envFile: Bool
    /// Validators or other code that may change the outcome.
    var uncertain: Bool
}

/// `settings = Settings()` at module level with required fields the environment lacks: pydantic
/// raises ValidationError (pydantic-settings docs "Usage": env name = env_prefix + field name,
/// case-insensitive unless case_sensitive; a field without default is required) [EXP pydantic
/// 2.14.4 + pydantic-settings 2.16.3 on 3.11.7, 3.12.1, 3.13.0; pydantic 1.10.27 on 3.12.1].
extension ImportMachine {
    static let settingsBases: [String: SettingsModel.Flavor] = [
        "pydantic_settings.BaseSettings": .pydanticSettings, "pydantic_settings.main.BaseSettings": .pydanticSettings,
        "pydantic.BaseSettings": .pydanticV1, "pydantic.v1.BaseSettings": .pydanticV1, "pydantic.env_settings.BaseSettings": .pydanticV1,
    ]

    mutating func classInfo(_ statement: PyStatement, frame: Int) -> PyClassInfo? {
        let path = frames[frame].sourcePath
        if classTables[path] == nil {
            guard let bytes = try? image.fileSystem.contents(of: path), let scan = try? PythonSourceScanner.scan(bytes) else { return nil }
            classTables[path] = scan.classes
        }
        return classTables[path]?[PyPosition.key(line: statement.span.startLine, column: statement.span.startColumn)]
    }

    mutating func recordSettingsModel(_ name: String, statement: PyStatement, body: [PyStatement], frame: Int) {
        frames[frame].settingsModels[name] = nil
        guard frames[frame].function == "<module>", let info = classInfo(statement, frame: frame) else { return }
        var model: SettingsModel? = nil
        for base in info.bases {
            guard case .name(let dotted) = base else { continue }
            if let flavor = Self.settingsBases[canonical(dotted, frame: frame)] {
                model = SettingsModel(flavor: flavor, fields: [], prefix: "", caseSensitive: false, envFile: false, uncertain: false)
            } else if let parent = frames[frame].settingsModels[dotted] {
                model = parent
            } else {
                continue
            }
            break
        }
        guard var model else { return }
        if info.bases.count > 1 { model.uncertain = true }
        for field in info.fields {
            if field.name.hasPrefix("_") || field.name == "model_config" { continue }
            if case .other(let text) = field.annotation, text.contains("ClassVar") { continue }
            let required = Self.isRequired(field, flavor: model.flavor)
            model.fields.removeAll { $0.name == field.name }
            model.fields.append((field.name, required))
        }
        applyConfig(body, to: &model, frame: frame)
        frames[frame].settingsModels[name] = model
    }

    /// Whether a field has no default (pydantic docs "Fields": `Field(...)`, `Field()` and a bare
    /// annotation are required; v1 makes `Optional[X]` default to None).
    static func isRequired(_ field: PyClassField, flavor: SettingsModel.Flavor) -> Bool? {
        guard let value = field.value else {
            if flavor == .pydanticV1 {
                let text: String
                switch field.annotation { case .name(let n): text = n; case .other(let t): text = t; default: text = "" }
                if text.contains("Optional") || text.contains("None") || text == "Any" { return false }
            }
            return true
        }
        guard case .call(let call) = value, call.callee == "Field" || call.callee.hasSuffix(".Field") else { return false }
        if call.arguments.contains(where: { ["alias", "validation_alias", "env"].contains($0.keyword ?? "") }) { return nil }
        if let first = call.arguments.first, first.keyword == nil { return first.value == .other("...") }
        if let given = call.arguments.first(where: { $0.keyword == "default" }) { return given.value == .other("...") }
        return !call.arguments.contains { $0.keyword == "default_factory" }
    }

    /// `model_config = SettingsConfigDict(env_prefix=…, case_sensitive=…, env_file=…)` or v1's
    /// nested `class Config`; decorated functions (validators) make the outcome uncertain.
    mutating func applyConfig(_ body: [PyStatement], to model: inout SettingsModel, frame: Int) {
        func apply(_ key: String, _ value: PyExpression) {
            switch key {
            case "env_prefix":
                if case .string(let text) = value { model.prefix = text } else { model.prefix = nil }
            case "case_sensitive":
                if value == .name("True") { model.caseSensitive = true } else if value == .name("False") { model.caseSensitive = false } else { model.uncertain = true }
            case "env_file", "secrets_dir", "env_file_encoding", "json_file", "toml_file", "yaml_file": model.envFile = true
            default: break
            }
        }
        for statement in body {
            switch statement.kind {
            case .assignment(let targets, let value) where targets.contains("model_config"):
                guard case .call(let call) = value else { model.prefix = nil; continue }
                for argument in call.arguments {
                    guard let key = argument.keyword else { model.prefix = nil; continue }
                    apply(key, argument.value)
                }
            case .classDef(let name, _, let inner) where name == "Config":
                for item in inner { if case .assignment(let targets, let value) = item.kind { for target in targets { apply(target, value) } } }
            case .functionDef(_, let decorators, _):
                if !decorators.isEmpty { model.uncertain = true }
            default:
                break
            }
        }
    }

    /// `x = Settings()` (no arguments) of a settings model whose required fields are not all set.
    mutating func checkSettingsInstantiation(_ value: PyExpression, statement: PyStatement, frame: Int) -> Bool {
        guard let environment, case .call(let call) = value, call.arguments.isEmpty,
              let model = frames[frame].settingsModels[call.callee], let prefix = model.prefix else { return false }
        let lookup = model.caseSensitive ? environment : Dictionary(environment.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        var missing: [String] = []
        var found: [(String, String)] = []
        var exact = !model.uncertain
        for field in model.fields {
            let key = model.caseSensitive ? prefix + field.name : (prefix + field.name).lowercased()
            if let value = lookup[key] { found.append((field.name, value)); continue }
            switch field.required {
            case true?: missing.append(field.name)
            case nil: exact = false
            case false?: break
            }
        }
        guard !missing.isEmpty else { return false }
        if model.envFile {
            // A `.env` file railsim does not read may supply the values (pydantic-settings "Dotenv (.env) support").
            notes.append(.notSimulated("settings class `\(call.callee)` at \(frames[frame].sourcePath):\(statement.span.startLine) reads an env_file railsim does not follow; \(missing.map { (prefix + $0).uppercased() }.joined(separator: ", ")) may be missing"))
            return false
        }
        for name in missing {
            let variable = model.caseSensitive ? prefix + name : (prefix + name).uppercased()
            notes.append(.missingEnvironmentVariable(name: variable, location: SourceLocation(file: frames[frame].sourcePath, line: statement.span.startLine)))
        }
        if !found.isEmpty { exact = false }
        if !exact { approximate = true }
        raiseValidationError(model: model, className: call.callee, missing: missing, found: found, call: call, statement: statement)
        return true
    }

    mutating func raiseValidationError(model: SettingsModel, className: String, missing: [String], found: [(String, String)], call: PyCall, statement: PyStatement) {
        let count = "\(missing.count) validation error\(missing.count == 1 ? "" : "s") for \(className)"
        var carets: TracebackCarets? = nil
        // 3.11/3.12 underline `Settings()`; 3.13 draws nothing for `x = Name()` (traceback.py `_should_show_carets`).
        if (11...12).contains(version.minor), call.span.startLine == call.span.endLine, statement.span.startLine == call.span.startLine {
            carets = TracebackCarets(start: call.span.startColumn, end: call.span.endColumn, anchorStart: call.span.startColumn, anchorEnd: call.span.endColumn)
        }
        let site = distributionSite("pydantic_settings") ?? distributionSite("pydantic") ?? (finder.python.stdlibDirectory + "/site-packages")
        switch model.flavor {
        case .pydanticSettings:
            if !(11...13).contains(version.minor) { approximate = true }  // pydantic-settings 2.16.3 needs 3.11+ [EXP pip]
            let input = "{" + found.map { "\(Self.pythonRepr($0.0) ?? "'\($0.0)'"): \(Self.pythonRepr($0.1) ?? "'\($0.1)'")" }.joined(separator: ", ") + "}"
            let lines = missing.map { "\($0)\n  Field required [type=missing, input_value=\(input), input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.14/v/missing" }
            let settingsLine = "        super().__init__(**__pydantic_self__.__class__._settings_build_values(sources, init_kwargs))"
            let modelLine = "        validated_self = self.__pydantic_validator__.validate_python(data, self_instance=self)"
            var first = TracebackFrame(file: site + "/pydantic_settings/main.py", line: 292, function: "__init__", sourceLines: [settingsLine])
            var second = TracebackFrame(file: site + "/pydantic/main.py", line: 280, function: "__init__", sourceLines: [modelLine])
            if version.minor >= 13 {
                first.carets = TracebackCarets(start: 8, end: settingsLine.utf8.count, anchorStart: 24, anchorEnd: settingsLine.utf8.count)
            } else if version.minor >= 11 {
                second.carets = TracebackCarets(start: 25, end: modelLine.utf8.count, anchorStart: 25, anchorEnd: modelLine.utf8.count)
            }
            raise(PythonException(type: "pydantic_core._pydantic_core.ValidationError", message: ([count] + lines).joined(separator: "\n")),
                  dynamic: false, carets: carets, trailing: [first, second])
        case .pydanticV1:
            // The catalogue's pydantic is 2.x, where `pydantic.BaseSettings` fails at import; v1 text is 1.10.27's.
            approximate = true
            let lines = missing.map { "\($0)\n  field required (type=value_error.missing)" }
            let frames = [TracebackFrame(file: "pydantic/env_settings.py", line: 40, function: "pydantic.env_settings.BaseSettings.__init__", sourceLines: nil),
                          TracebackFrame(file: "pydantic/main.py", line: 364, function: "pydantic.main.BaseModel.__init__", sourceLines: nil)]
            raise(PythonException(type: "pydantic.error_wrappers.ValidationError", message: ([count] + lines).joined(separator: "\n")),
                  dynamic: false, carets: carets, trailing: frames)
        }
    }

    /// The site-packages directory an imported distribution module lives in.
    func distributionSite(_ module: String) -> String? {
        guard let origin = modules[module]?.origin else { return nil }
        switch origin {
        case .distribution(_, let directory): return ImagePath.dirname(directory)
        case .source(let file, _), .compiled(let file, _):
            let package = ImagePath.dirname(file)
            return ImagePath.dirname(package)
        default: return nil
        }
    }
}
