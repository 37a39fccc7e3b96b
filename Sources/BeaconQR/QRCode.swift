import CQREncode

public enum QRCode {
    /// An SVG (a complete <svg> element, no XML declaration, no scripts, no external references)
    /// of `text` as a QR code, error correction level M, with a 4-module quiet zone, drawn as one
    /// <path> of unit squares (viewBox in modules) so it scales crisply when printed.
    /// `title` becomes an accessible <title> child (escape it for XML). Returns nil if libqrencode fails.
    public static func svg(for text: String, title: String) -> String? {
        guard let matrix = modules(for: text) else { return nil }
        return SVGRenderer.render(matrix, title: title)
    }

    /// The module matrix (true = dark), row-major, without quiet zone; nil on failure. For tests.
    public static func modules(for text: String) -> [[Bool]]? {
        // The C API takes a NUL-terminated string; an embedded NUL would silently
        // truncate the payload, so refuse it rather than encode something else.
        if text.utf8.contains(0) { return nil }

        // No shared Swift state here; concurrency safety rests on libqrencode
        // being built with pthread support (Debian's is: it links libpthread and
        // guards its one lazily built table with a mutex).
        let encoded = text.withCString { cString in
            QRcode_encodeString(cString, 0, QR_ECLEVEL_M, QR_MODE_8, 1)
        }
        guard let code = encoded else { return nil }
        defer { QRcode_free(code) }

        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        // Copy out before the defer frees the C buffer; only bit 0 means "dark",
        // the other bits describe the module's role (finder, timing, ...).
        let bytes = UnsafeBufferPointer(start: data, count: width * width)
        return (0..<width).map { row in
            (0..<width).map { column in bytes[row * width + column] & 1 == 1 }
        }
    }
}
