import CZlib

/// GZIP (RFC 1952) over zlib. Internal so the public API does not expose zlib types.
enum Gzip {
    /// zlib convention: 15 selects the 32 KB window; adding 16 selects the gzip
    /// wrapper (header + CRC-32/ISIZE trailer) instead of the zlib one, in both directions.
    /// On inflate this also means raw zlib streams are rejected rather than auto-detected.
    private static let gzipWindowBits: Int32 = MAX_WBITS + 16
    private static let defaultMemLevel: Int32 = 8
    private static let chunkSize = 64 * 1024
    /// zlib's avail_in/avail_out are 32-bit, so larger buffers are fed in pieces.
    private static let maxZlibChunk = Int(UInt32.max)

    /// Best compression by default: lists are compressed once per update but fetched by
    /// every verifier, and at 16 KB the extra CPU is negligible.
    static func compress(_ input: [UInt8], level: Int32 = Z_BEST_COMPRESSION) throws(StatusListError) -> [UInt8] {
        var stream = z_stream()
        let initStatus = czlib_deflateInit2(&stream, level, Z_DEFLATED, gzipWindowBits, defaultMemLevel, Z_DEFAULT_STRATEGY)
        guard initStatus == Z_OK else {
            throw StatusListError(.compressionFailed, detail: "deflateInit2 returned \(initStatus)")
        }
        defer { deflateEnd(&stream) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        // Standard zlib streaming loop: feed input, drain output until deflate stops filling it.
        let status: Int32 = input.withUnsafeBufferPointer { source in
            var consumed = 0
            var flush: Int32 = Z_NO_FLUSH
            var status: Int32 = Z_OK
            repeat {
                let take = min(source.count - consumed, maxZlibChunk)
                stream.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                stream.avail_in = UInt32(take)
                consumed += take
                flush = consumed == source.count ? Z_FINISH : Z_NO_FLUSH
                repeat {
                    let produced = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        status = deflate(&stream, flush)
                        return out.count - Int(stream.avail_out)
                    }
                    if status == Z_STREAM_ERROR { return status }
                    output.append(contentsOf: chunk[..<produced])
                } while stream.avail_out == 0
            } while flush != Z_FINISH
            return status
        }
        guard status == Z_STREAM_END else {
            throw StatusListError(.compressionFailed, detail: "deflate returned \(status)")
        }
        return output
    }

    /// Gunzips `input`, throwing `.tooLarge` as soon as the output would exceed
    /// `maxOutputBytes`. The output buffer never grows beyond that cap, so a bomb
    /// costs at most the cap in memory and the time to inflate that much.
    /// Concatenated gzip members are decoded back to back, as RFC 1952 allows.
    static func decompress(_ input: [UInt8], maxOutputBytes: Int) throws(StatusListError) -> [UInt8] {
        // Checked up front so that non-gzip data gets a clear message rather than zlib's "incorrect header check".
        guard hasGzipMagic(input[...]) else {
            throw StatusListError(.notGzip, detail: "missing gzip header (expected bytes 1f 8b 08)")
        }
        let cap = max(0, maxOutputBytes)

        var stream = z_stream()
        let initStatus = czlib_inflateInit2(&stream, gzipWindowBits)
        guard initStatus == Z_OK else {
            throw StatusListError(.compressionFailed, detail: "inflateInit2 returned \(initStatus)")
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        // ISIZE (last 4 bytes) is untrusted, but honest lists then need a single allocation;
        // +1 leaves room for inflate to reach the end of stream without another growth.
        let sizeHint = trailerSize(input)
        var nextCapacity = min(cap, sizeHint.map { $0 + 1 } ?? chunkSize)
        var produced = 0

        try input.withUnsafeBufferPointer { (source) throws(StatusListError) in
            // Gzip magic was verified above, so the buffer is non-empty.
            let base = UnsafeMutablePointer(mutating: source.baseAddress!)
            var fed = 0
            func refill() {
                let take = min(source.count - fed, maxZlibChunk)
                stream.next_in = base + fed
                stream.avail_in = UInt32(take)
                fed += take
            }
            refill()

            while true {
                if stream.avail_in == 0 && fed < source.count { refill() }

                var status: Int32
                if produced == output.count {
                    if output.count >= cap {
                        // Buffer is full at the cap: see whether the stream has even one more byte.
                        var probe: UInt8 = 0
                        status = withUnsafeMutablePointer(to: &probe) { pointer in
                            stream.next_out = pointer
                            stream.avail_out = 1
                            return inflate(&stream, Z_NO_FLUSH)
                        }
                        if stream.avail_out == 0 {
                            throw StatusListError(.tooLarge, detail: "output exceeds \(cap) bytes")
                        }
                    } else {
                        // Grow geometrically but never past the cap. A fresh exact-size array
                        // plus memcpy, rather than append, so capacity cannot overshoot the cap
                        // and unoptimized (debug) builds avoid a per-element generic loop.
                        let newCount = max(output.count + 1, min(cap, nextCapacity))
                        var grown = [UInt8](repeating: 0, count: newCount)
                        grown.withUnsafeMutableBytes { destination in
                            output.withUnsafeBytes { destination.copyMemory(from: $0) }
                        }
                        output = grown
                        nextCapacity = max(chunkSize, newCount * 2)
                        continue
                    }
                } else {
                    status = output.withUnsafeMutableBufferPointer { out in
                        let room = min(out.count - produced, maxZlibChunk)
                        stream.next_out = out.baseAddress! + produced
                        stream.avail_out = UInt32(room)
                        let status = inflate(&stream, Z_NO_FLUSH)
                        produced += room - Int(stream.avail_out)
                        return status
                    }
                }

                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    let offset = base.distance(to: stream.next_in)
                    if offset == source.count { return }
                    // More bytes follow the member: only another gzip member is acceptable.
                    guard hasGzipMagic(source[offset...]) else {
                        throw StatusListError(.notGzip, detail: "unexpected bytes after the gzip trailer")
                    }
                    inflateReset(&stream)
                case Z_BUF_ERROR:
                    // No progress possible: with output room available that means input ran out.
                    if stream.avail_in == 0 && fed == source.count {
                        throw StatusListError(.notGzip, detail: "gzip stream is truncated")
                    }
                case Z_DATA_ERROR, Z_NEED_DICT:
                    throw StatusListError(.notGzip, detail: zlibMessage(stream) ?? "corrupt gzip data")
                default:
                    throw StatusListError(.compressionFailed, detail: zlibMessage(stream) ?? "inflate returned \(status)")
                }
            }
        }

        output.removeLast(output.count - produced)
        return output
    }

    /// ID1, ID2 and CM=8 (deflate), the only method RFC 1952 defines.
    private static func hasGzipMagic<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.starts(with: [0x1F, 0x8B, 0x08])
    }

    /// ISIZE from the trailer: uncompressed size of the last member modulo 2^32.
    private static func trailerSize(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 18 else { return nil }
        let n = bytes.count
        return Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
    }

    private static func zlibMessage(_ stream: z_stream) -> String? {
        stream.msg.map { String(cString: $0) }
    }
}
