import Foundation
import Hummingbird

/// The stylesheets and the projector's script, from the module's bundle, cached by browsers
/// for a day. Only the files named here are served.
struct AssetController {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
    static let files = ["app.css", "ballot.css", "ballot-a5.css", "minutes.css", "entry.js", "projector.js"]
    private static let contents: [String: Data] = Dictionary(uniqueKeysWithValues: files.map { file in
        let url = Bundle.module.url(forResource: (file as NSString).deletingPathExtension,
                                    withExtension: (file as NSString).pathExtension, subdirectory: "Assets")
        return (file, url.flatMap { try? Data(contentsOf: $0) } ?? Data())
    })

    static func bytes(_ file: String) -> Data { contents[file] ?? Data() }

    static func response(_ file: String) -> Response {
        let type = types[(file as NSString).pathExtension] ?? "application/octet-stream"
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=86400"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes(file))))
    }

    var routes: [WebRoute] {
        Self.files.filter { $0 != "projector.js" }.map { file in
            WebRoute(.get, "/assets/\(file)", .anyone) { _, _, _ in Self.response(file) }
        }
    }
}
