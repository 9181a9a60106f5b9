/// How Nixpacks combines the plans of its layers (providers, Procfile, config file, `NIXPACKS_*`
/// variables, CLI flags) and pins the result. The `"..."` / `"@auto"` placeholders let a later
/// layer say where the earlier layer's list goes; without one, a later list replaces the earlier.
enum NixpacksPlanMerge {
    /// nixpacks:src/nixpacks/plan/utils.rs `fill_auto_in_vec`: each placeholder in `replacer` is
    /// kept and followed by `original`; a missing `replacer` keeps `original`.
    static func fillAuto(_ original: [String]?, _ replacer: [String]?) -> [String]? {
        guard let replacer else { return original }
        var result: [String] = []
        for item in replacer {
            result.append(item)
            if item == "..." || item == "@auto" { result += original ?? [] }
        }
        return result
    }

    /// utils.rs `remove_autos_from_vec`.
    static func removeAutos(_ list: [String]) -> [String] { list.filter { $0 != "..." && $0 != "@auto" } }

    /// nixpacks:src/nixpacks/plan/merge.rs `BuildPlan::merge`: `second` wins.
    static func merge(_ first: NixpacksPlan, _ second: NixpacksPlan) -> NixpacksPlan {
        var plan = first
        plan.providers = fillAuto(first.providers, second.providers)
        plan.buildImage = second.buildImage ?? first.buildImage
        plan.staticAssets = mergedMaps(first.staticAssets, second.staticAssets)
        plan.variables = mergedMaps(first.variables, second.variables)
        if plan.phases == nil {
            plan.phases = second.phases
        } else {
            for (name, phase) in second.phases ?? [:] {
                var base: NixpacksPhase
                if let existing = plan.phases?.removeValue(forKey: name) {
                    base = existing
                } else {
                    // A phase new to `first` gets the default dependency of its kind (merge.rs).
                    base = NixpacksPhase(name: name)
                    if name == "install" { base.dependsOn = ["setup"] } else if name == "build" { base.dependsOn = ["install"] }
                }
                plan.addPhase(mergePhase(base, phase))
            }
        }
        switch (first.start, second.start) {
        case (nil, let start), (let start, nil): plan.start = start
        case (let a?, let b?): plan.start = mergeStart(a, b)
        }
        plan.resolvePhaseNames()
        return plan
    }

    /// serde's map merge in merge.rs: `extend`, so the second map's values win.
    private static func mergedMaps(_ a: [String: String]?, _ b: [String: String]?) -> [String: String]? {
        switch (a, b) {
        case (nil, let map), (let map, nil): return map
        case (var merged?, let extra?):
            for (key, value) in extra { merged[key] = value }
            return merged
        }
    }

    /// merge.rs `Phase::merge`.
    static func mergePhase(_ a: NixpacksPhase, _ b: NixpacksPhase) -> NixpacksPhase {
        var phase = a
        phase.nixpkgsArchive = b.nixpkgsArchive ?? a.nixpkgsArchive
        phase.cmds = fillAuto(a.cmds, b.cmds)
        phase.dependsOn = fillAuto(a.dependsOn, b.dependsOn)
        phase.nixPkgs = fillAuto(a.nixPkgs, b.nixPkgs)
        phase.nixLibs = fillAuto(a.nixLibs, b.nixLibs)
        phase.aptPkgs = fillAuto(a.aptPkgs, b.aptPkgs)
        phase.nixOverlays = fillAuto(a.nixOverlays, b.nixOverlays)
        phase.onlyIncludeFiles = fillAuto(a.onlyIncludeFiles, b.onlyIncludeFiles)
        phase.cacheDirectories = fillAuto(a.cacheDirectories, b.cacheDirectories)
        phase.paths = fillAuto(a.paths, b.paths)
        return phase
    }

    /// merge.rs `StartPhase::merge`.
    static func mergeStart(_ a: NixpacksStartPhase, _ b: NixpacksStartPhase) -> NixpacksStartPhase {
        var start = a
        start.cmd = b.cmd ?? a.cmd
        start.runImage = b.runImage ?? a.runImage
        start.onlyIncludeFiles = fillAuto(a.onlyIncludeFiles, b.onlyIncludeFiles)
        start.user = b.user ?? a.user
        return start
    }

    /// mod.rs `merge_plans`: a left fold from the empty plan.
    static func mergeAll(_ plans: [NixpacksPlan]) -> NixpacksPlan {
        plans.reduce(NixpacksPlan()) { merge($0, $1) }
    }

    /// mod.rs `BuildPlan::pin`: providers emptied, the base image chosen, placeholders removed and
    /// a nixpkgs archive fixed for every phase that installs nix packages without one.
    static func pin(_ plan: NixpacksPlan, debian: Bool) -> NixpacksPlan {
        var pinned = plan
        pinned.providers = []
        if pinned.buildImage == nil {
            pinned.buildImage = debian ? NixpacksImages.debianBase : NixpacksImages.ubuntuBase
        }
        pinned.resolvePhaseNames()
        for key in (pinned.phases ?? [:]).keys {
            guard var phase = pinned.phases?[key] else { continue }
            if phase.usesNix && phase.nixpkgsArchive == nil {
                phase.nixpkgsArchive = debian ? NixpacksImages.legacyOpenSSLArchive : NixpacksImages.nixpkgsArchive
            }
            phase.cmds = phase.cmds.map(removeAutos)
            phase.dependsOn = phase.dependsOn.map(removeAutos)
            phase.nixPkgs = phase.nixPkgs.map(removeAutos)
            phase.nixLibs = phase.nixLibs.map(removeAutos)
            phase.aptPkgs = phase.aptPkgs.map(removeAutos)
            phase.nixOverlays = phase.nixOverlays.map(removeAutos)
            phase.onlyIncludeFiles = phase.onlyIncludeFiles.map(removeAutos)
            phase.cacheDirectories = phase.cacheDirectories.map(removeAutos)
            phase.paths = phase.paths.map(removeAutos)
            pinned.phases?[key] = phase
        }
        if var start = pinned.start {
            start.onlyIncludeFiles = start.onlyIncludeFiles.map(removeAutos)
            pinned.start = start
        }
        return pinned
    }
}

/// Images and nixpkgs revisions Nixpacks pins (nixpacks 1.39.0).
enum NixpacksImages {
    static let ubuntuBase = "ghcr.io/railwayapp/nixpacks:ubuntu-1745885067"  // nixpacks:src/nixpacks/images.rs UBUNTU_BASE_IMAGE
    static let debianBase = "ghcr.io/railwayapp/nixpacks:debian-1745885067"  // nixpacks:src/nixpacks/images.rs DEBIAN_BASE_IMAGE
    static let nixpkgsArchive = "5148520bfab61f99fd25fb9ff7bfbb50dad3c9db"  // nixpacks:src/nixpacks/nix/mod.rs NIXPKGS_ARCHIVE
    static let legacyOpenSSLArchive = "a0b7e70db7a55088d3de0cc370a59f9fbcc906c3"  // nixpacks:src/nixpacks/nix/mod.rs NIXPACKS_ARCHIVE_LEGACY_OPENSSL
}
