/// How an input's bytes are compressed, as recognised from its first bytes.
///
/// `ContainerReaderTests` (by content) and `ContainerWriterTests` (by a path's suffix) check both.
public enum Compression: String, Sendable, CaseIterable {
    case none
    case gzip
    case zstd

    /// The compression a path's name asks for when written: `.gz` → gzip, `.zst` → zstd.
    public init(forPath path: String) {
        if path.hasSuffix(".gz") {
            self = .gzip
        } else if path.hasSuffix(".zst") || path.hasSuffix(".zstd") {
            self = .zstd
        } else {
            self = .none
        }
    }

    /// The compression whose magic number starts `bytes`, as `file` and `zcat -f` recognise it.
    package init(magic bytes: some Collection<UInt8>) {
        if bytes.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if bytes.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
            self = .zstd
        } else {
            self = .none
        }
    }
}

/// One opened input: its format, recognised from content (never from its name), and the bytes
/// to filter — decompressed, and for a WARC file its `conversion` records as JSON Lines documents.
package final class ContainerInput {
    package let name: String
    package let compression: Compression
    /// Whether the (decompressed) stream starts with `WARC/1.`.
    package let isWARC: Bool
    /// The bytes to filter: plain text or JSON Lines.
    package let source: any ByteSource
    /// The WARC reader's counts, when the input is WARC.
    package let warc: WARCDocumentSource?
    private let file: FileSource

    init(name: String, compression: Compression, file: FileSource, source: any ByteSource, warc: WARCDocumentSource?) {
        self.name = name
        self.compression = compression
        self.isWARC = warc != nil
        self.file = file
        self.source = source
        self.warc = warc
    }

    /// Bytes read from the file or pipe so far (compressed bytes for a compressed input).
    package var bytesRead: Int { file.bytesRead }
    /// The file's size, when it is a regular file.
    package var size: Int? { file.regularFileSize }
}

/// Opens inputs the way `zcat -f` and `file` see them: gzip (one or more members), zstd (one or
/// more frames) and WARC (`WARC/1.` first), alone or combined (`.warc.wet.gz`), else plain bytes.
/// Detection reads only the first bytes, so it works on pipes (`ContainerReaderTests`).
package enum ContainerReader {
    /// Opens `path` (`-`: standard input). `report` receives WARC records that were skipped as
    /// malformed, each with its offset.
    package static func open(
        path: String, maximumRecordBytes: Int = 64 << 20, gzipDecoder: GzipDecoder = .automatic,
        report: @escaping (String) -> Void = { _ in }
    ) throws(ContainerError) -> ContainerInput {
        try open(file: FileSource(path: path), maximumRecordBytes: maximumRecordBytes, gzipDecoder: gzipDecoder, report: report)
    }

    /// Opens an already open file or pipe.
    package static func open(
        file: FileSource, maximumRecordBytes: Int = 64 << 20, gzipDecoder: GzipDecoder = .automatic,
        report: @escaping (String) -> Void = { _ in }
    ) throws(ContainerError) -> ContainerInput {
        let magic = try PrefixedSource.peek(4, from: file)
        let compression = Compression(magic: magic)
        var source: any ByteSource = PrefixedSource(prefix: magic, rest: file)
        switch compression {
        case .gzip: source = try GzipSource(source, name: file.name, decoder: gzipDecoder)
        case .zstd: source = try ZstdSource(source, name: file.name)
        case .none: break
        }
        let start = try PrefixedSource.peek(WARCDocumentSource.versionPrefix.count, from: source)
        source = PrefixedSource(prefix: start, rest: source)
        var warc: WARCDocumentSource?
        if start.elementsEqual(WARCDocumentSource.versionPrefix) {
            let documents = WARCDocumentSource(
                source, name: file.name, maximumRecordBytes: maximumRecordBytes, report: report)
            warc = documents
            source = documents
        }
        return ContainerInput(name: file.name, compression: compression, file: file, source: source, warc: warc)
    }
}
