/// Why reading or writing a container stopped: the input or output it concerns, the byte offset
/// where it happened when one is known, and a message the CLI prints as is.
///
/// Kept a top-level, non-generic type: typed throws of an error nested in a generic type crashed
/// the Swift 6.3.1 optimizer.
///
/// `ContainerReaderTests` checks that a missing file is an error naming it.
package struct ContainerError: Error, CustomStringConvertible, Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The operating system refused a read or a write.
        case io
        /// Compressed data that is not valid gzip or zstd (or bytes after the last member).
        case corrupt
        /// A compressed stream that ends inside a member or frame.
        case truncated
        /// The reader of standard output closed it (`tamiz … | head`): the end, not a failure.
        case outputClosed
        /// A compression library could not allocate its state.
        case memory
    }

    package var kind: Kind
    /// The input or output's name as the user gave it ("standard input" for `-`).
    package var name: String
    /// Offset in the named file's bytes (the compressed bytes for compressed data), when known.
    package var offset: Int?
    package var description: String

    package init(_ kind: Kind, name: String, offset: Int? = nil, _ message: String) {
        self.kind = kind
        self.name = name
        self.offset = offset
        if let offset {
            self.description = "'\(name)' at byte \(offset): \(message)"
        } else {
            self.description = "'\(name)': \(message)"
        }
    }
}
