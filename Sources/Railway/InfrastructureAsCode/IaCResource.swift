/// A resource a helper call declared: `service()`/`fn()`, a database helper, `volume()`,
/// `bucket()` or `group()` (railway-ts-sdk:src/iac/sdk.ts). It lives in the evaluator's table so
/// that references to it (`db.env.DATABASE_URL`, `group("Backend", [api])`) reach the same one.
struct IaCResource: Sendable {
    enum Kind: String, Sendable {
        case service, database, volume, bucket, group
    }

    var kind: Kind
    var name: String
    /// The line of the helper call.
    var line: Int
    /// The config object as written: `service(name, config)`, `volume(name, config)`.
    var config: IaCValue?
    /// Database helpers: engine and image (`postgres("db")` deploys `ghcr.io/railwayapp-templates/postgres-ssl:18`).
    var engine: String?
    var image: String?
    /// `db.deploy = { … }`, which `railway config pull` writes for database overrides
    /// (cli:src/commands/config/mod.rs `render_database_deploy_overrides`).
    var deployOverride: IaCValue?
    /// The group that lists this resource.
    var group: String?

    /// The graph address: `<type>.<name>` (cli:src/iac/graph.rs `resource_address`).
    var address: String { "\(kind.rawValue).\(name)" }
}
