import Testing
import TamizContainers
@testable import Tamiz

/// The decoding thread in front of a compressed file must be invisible: the same bytes in the
/// same order, the same error after the same bytes, and no hang when the reader stops early.
@Suite("ReadAheadSource")
struct ReadAheadSourceTests {
    /// Yields `bytes` in uneven pieces, then fails with `error` if one is given.
    final class ChunkedSource: ByteSource {
        let bytes: [UInt8]
        let error: ContainerError?
        private var offset = 0
        private var step = 0

        init(_ bytes: [UInt8], failingWith error: ContainerError? = nil) {
            self.bytes = bytes
            self.error = error
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
            if offset == bytes.count {
                if let error { throw error }
                return 0
            }
            step += 1
            let count = min(buffer.count, bytes.count - offset, [1, 7, 4096, 65_536, 300_001][step % 5])
            bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            offset += count
            return count
        }
    }

    static func text(bytes count: Int) -> [UInt8] {
        let sentence = Array("El consejo se reunió el martes. The council met on Tuesday. ".utf8)
        return (0..<count).map { sentence[$0 % sentence.count] }
    }

    /// Reads `source` to its end in reads of `readSize` bytes.
    static func drain(_ source: any ByteSource, readSize: Int) throws(ContainerError) -> [UInt8] {
        var output: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try source.read(into: buffer)
            if count == 0 { return output }
            output += buffer[..<count]
        }
    }

    @Test("every byte arrives in order, across more buffers than the read-ahead holds",
          arguments: [1, 1000, 1 << 20, 3 << 20])
    func bytesArriveInOrder(readSize: Int) throws {
        let input = Self.text(bytes: 5 * ReadAheadSource.bufferBytes + 12_345)
        let source = try ReadAheadSource(ChunkedSource(input))
        #expect(try Self.drain(source, readSize: readSize) == input)
    }

    @Test("an empty source reads as empty")
    func emptySource() throws {
        let source = try ReadAheadSource(ChunkedSource([]))
        #expect(try Self.drain(source, readSize: 4096).isEmpty)
    }

    @Test("an error comes after every byte decoded before it")
    func errorAfterTheBytesBeforeIt() throws {
        let input = Self.text(bytes: 2 * ReadAheadSource.bufferBytes + 999)
        let failure = ContainerError(.corrupt, name: "page.gz", offset: 777, "corrupt gzip data")
        let source = try ReadAheadSource(ChunkedSource(input, failingWith: failure))
        var received: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 100_000, alignment: 1)
        defer { buffer.deallocate() }
        #expect(throws: failure) {
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { break }
                received += buffer[..<count]
            }
        }
        #expect(received == input)
    }

    @Test("a reader that stops early releases the decoding thread")
    func stoppingEarlyDoesNotHang() throws {
        for _ in 0..<20 {
            let source = try ReadAheadSource(ChunkedSource(Self.text(bytes: 8 * ReadAheadSource.bufferBytes)))
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 10, alignment: 1)
            defer { buffer.deallocate() }
            #expect(try source.read(into: buffer) == 10)
            // `source` goes away here with the decoding thread waiting for a free buffer.
        }
    }
}
