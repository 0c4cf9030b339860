import Foundation
import Hummingbird

/// The stylesheet, from the module's bundle, cached by browsers for a day.
struct AssetController {
    static let stylesheet = asset("app", "css")

    static func asset(_ name: String, _ type: String) -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Assets"),
              let data = try? Data(contentsOf: url) else { return ByteBuffer() }
        return ByteBuffer(bytes: data)
    }

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/assets/app.css", .anyone) { _, _, _ in
                Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=86400"],
                         body: ResponseBody(byteBuffer: Self.stylesheet))
            },
        ]
    }
}
