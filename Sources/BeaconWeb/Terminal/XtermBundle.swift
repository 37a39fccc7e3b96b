import Foundation

/// xterm.js for the terminal page, from Debian's packages, never copied into Beacon: the library
/// is `node-xterm`'s CommonJS modules (`libjs-xterm`'s own xterm.js is a stub that requires
/// them) and the fit and attach addons are `libjs-xterm`'s. A browser has no `require`, so the
/// modules are wrapped here, once, into one script with a small loader of Beacon's own.
struct XtermBundle: Sendable {
    let script: String
    let css: String

    /// Where the packages put their files; BEACON_XTERM_LIB and BEACON_XTERM_ADDONS move them.
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<XtermBundle, XtermMissing> {
        let lib = URL(fileURLWithPath: environment["BEACON_XTERM_LIB"] ?? "/usr/share/nodejs/xterm/lib")
        let addons = URL(fileURLWithPath: environment["BEACON_XTERM_ADDONS"] ?? "/usr/share/javascript/xterm/addons")
        guard FileManager.default.fileExists(atPath: lib.appendingPathComponent("public/Terminal.js").path) else {
            return .failure(XtermMissing(package: "node-xterm", path: lib.appendingPathComponent("public/Terminal.js").path))
        }
        var modules: [(String, String)] = []
        guard let walker = FileManager.default.enumerator(at: lib, includingPropertiesForKeys: nil) else {
            return .failure(XtermMissing(package: "node-xterm", path: lib.path))
        }
        for case let file as URL in walker where file.pathExtension == "js" && !file.lastPathComponent.hasSuffix(".test.js") {
            let name = String(file.standardizedFileURL.path.dropFirst(lib.standardizedFileURL.path.count + 1).dropLast(3))
            guard let source = try? String(contentsOf: file, encoding: .utf8) else { continue }
            modules.append((name, source))
        }
        for addon in ["attach/attach", "fit/fit"] {
            let file = addons.appendingPathComponent(addon + ".js")
            guard let source = try? String(contentsOf: file, encoding: .utf8) else {
                return .failure(XtermMissing(package: "libjs-xterm", path: file.path))
            }
            modules.append(("addons/" + addon, source))
        }
        let css = (try? String(contentsOf: lib.appendingPathComponent("xterm.css"), encoding: .utf8))
            ?? (try? String(contentsOf: addons.deletingLastPathComponent().appendingPathComponent("xterm.css"), encoding: .utf8)) ?? ""
        return .success(XtermBundle(script: wrap(modules.sorted { $0.0 < $1.0 }), css: css))
    }

    /// Each module becomes a function of (require, module, exports), registered by its path;
    /// `require` resolves paths relative to the module asking. Source-map comments are dropped:
    /// the maps are not served.
    static func wrap(_ modules: [(name: String, source: String)]) -> String {
        var out = loader
        for (name, source) in modules {
            let body = source.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("//# sourceMappingURL=") }.joined(separator: "\n")
            out += "beaconModules[\(quoted(name))] = function (require, module, exports) {\n\(body)\n};\n"
        }
        out += """
            window.BeaconXterm = beaconRequire("public/Terminal").Terminal;
            window.BeaconXtermAttach = beaconRequire("addons/attach/attach");
            window.BeaconXtermFit = beaconRequire("addons/fit/fit");
            })();

            """
        return out
    }

    static let loader = """
        // xterm.js from Debian's node-xterm and libjs-xterm, wrapped by Beacon for the browser.
        (function () {
        "use strict";
        var beaconModules = {}, beaconCache = {};
        function beaconResolve(from, spec) {
          if (spec.charAt(0) !== ".") return spec;
          var parts = from.split("/"); parts.pop();
          spec.split("/").forEach(function (part) {
            if (part === "..") parts.pop(); else if (part !== ".") parts.push(part);
          });
          var name = parts.join("/");
          return name.slice(-3) === ".js" ? name.slice(0, -3) : name;
        }
        function beaconLoad(name) {
          if (beaconCache[name]) return beaconCache[name].exports;
          var factory = beaconModules[name] || beaconModules[name + "/index"];
          if (!factory) throw new Error("xterm module not found: " + name);
          var module = { exports: {} };
          beaconCache[name] = module;
          factory(function (spec) { return beaconLoad(beaconResolve(name, spec)); }, module, module.exports);
          return module.exports;
        }
        function beaconRequire(name) { return beaconLoad(name); }

        """

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A Debian package the terminal page needs is not installed.
struct XtermMissing: Error, CustomStringConvertible {
    var package: String
    var path: String
    var description: String {
        "the browser terminal needs Debian's \(package) (\(path) is missing): apt-get install libjs-xterm node-xterm. The accessible page at /learn works without it."
    }
}
