import Hummingbird

/// Redirects after a POST, only ever to a path on this site.
enum Redirect {
    static func to(_ target: String?) -> Response {
        Response(status: .seeOther, headers: [.location: local(target) ?? "/"])
    }

    /// `target` if it is a path on this site (not `//host`, not a full URL); else `nil`.
    static func local(_ target: String?) -> String? {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\"),
              !target.contains("\r"), !target.contains("\n") else { return nil }
        return target
    }
}
