import Hummingbird

/// Redirects after a POST, only ever to a path on this site.
enum Redirect {
    static func to(_ target: String?) -> Response {
        Response(status: .seeOther, headers: [.location: local(target) ?? "/"])
    }

    /// Back to `target`, where the page says what the step did.
    static func to(_ target: String, notice: Notice) -> Response {
        to(Notice.address(target, notice))
    }

    /// `target` if it is a path on this site: it starts with one `/`, and every character is a
    /// printable ASCII character of a path or query (no tab, space, backslash or control, which
    /// browsers drop or turn into `/` before reading `//host`); else `nil`.
    static func local(_ target: String?) -> String? {
        guard let target, target.utf8.count <= 2_000, target.hasPrefix("/"), !target.hasPrefix("//"),
              target.utf8.allSatisfy({ byte in byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") }) else { return nil }
        return target
    }
}
