// libFuzzer harness: WARCDocumentSource on arbitrary bytes, read from an upstream that returns
// them in pieces of a size set by the first byte (built by scripts/fuzz.sh against the
// instrumented modules, with the JSON scanner compiled in). Invariants: never crash; every
// output line is a valid JSON object, one per counted document; skipped bytes never exceed the
// input; a stream with no `WARC/1.` line yields no document, and if it has any non-blank line it
// counts a malformed record.
import TamizContainers

final class PieceSource: ByteSource {
    let bytes: UnsafeBufferPointer<UInt8>
    let pieceBytes: Int
    var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, pieceBytes: Int) {
        self.bytes = bytes
        self.pieceBytes = pieceBytes
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        let count = min(buffer.count, pieceBytes, bytes.count - offset)
        guard count > 0 else { return 0 }
        buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        offset += count
        return count
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARCReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let setting = Int(data[0])
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let warc = WARCDocumentSource(
        PieceSource(input, pieceBytes: 1 + (setting & 0x3F) * (setting & 0x3F)), name: "fuzz",
        maximumRecordBytes: setting & 0x40 == 0 ? 64 << 20 : 32)
    let output: [UInt8]
    do throws(ContainerError) {
        output = try warc.readAll()
    } catch {
        check(false, "an in-memory WARC stream threw: \(error)")
        return 0
    }
    var documents = 0
    output.withUnsafeBufferPointer { bytes in
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            let line = UnsafeBufferPointer(rebasing: bytes[start..<index])
            check((try? JSONScanner.validateObject(line)) != nil, "document \(documents) is not a JSON object")
            documents += 1
            start = index + 1
        }
        check(start == bytes.count, "output does not end with a newline")
    }
    let statistics = warc.statistics
    check(documents == statistics.documents, "\(documents) lines for \(statistics.documents) documents")
    check(statistics.skippedBytes <= input.count, "skipped \(statistics.skippedBytes) of \(input.count) bytes")
    let version = Array("WARC/1.".utf8)
    let hasVersion = input.count >= version.count
        && (0...(input.count - version.count)).contains { input[$0..<$0 + version.count].elementsEqual(version) }
    if !hasVersion {
        check(statistics.documents == 0, "a document without a version line")
        let hasText = input.contains { $0 != 0x0A && $0 != 0x0D }
        check(!hasText || statistics.malformed > 0, "non-blank input without a version line counted no malformed record")
    }
    return 0
}
