import TamizContainers

/// Decodes a compressed file on its own thread, up to `bufferCount` buffers ahead of the block
/// reader, so inflate (and WARC parsing) overlaps segmenting and classifying instead of running
/// in series with them on the reading thread (`FilterBenchmarks` `filter-keep-en-2-threads-gzip`).
///
/// The bytes, their order and every error are those of the wrapped source: an error is thrown
/// after every byte decoded before it has been read (`ReadAheadSourceTests`). Only used for
/// regular files, whose reads return promptly, so a stopped run never waits on a blocked read.
final class ReadAheadSource: ByteSource {
    static let bufferBytes = 1 << 20
    static let bufferCount = 3

    /// The buffers and their state, shared by the decoding thread and the reader.
    private final class Exchange: @unchecked Sendable {
        let monitor = Monitor()
        var free: [UnsafeMutableRawBufferPointer] = []
        var filled: [(buffer: UnsafeMutableRawBufferPointer, count: Int)] = []
        var finished = false
        var error: ContainerError?
        var cancelled = false
    }

    private final class SourceBox: @unchecked Sendable {
        let source: any ByteSource
        init(_ source: any ByteSource) { self.source = source }
    }

    private let exchange = Exchange()
    private var thread: JoinableThread?
    private var buffers: [UnsafeMutableRawBufferPointer] = []
    /// The buffer being read from, and how far.
    private var current: (buffer: UnsafeMutableRawBufferPointer, count: Int)?
    private var position = 0

    init(_ source: any ByteSource) throws(FilterError) {
        for _ in 0..<Self.bufferCount {
            buffers.append(.allocate(byteCount: Self.bufferBytes, alignment: 16))
        }
        exchange.free = buffers
        let exchange = self.exchange
        let box = SourceBox(source)
        do throws(FilterError) {
            thread = try JoinableThread { Self.decode(box.source, into: exchange) }
        } catch {
            buffers.forEach { $0.deallocate() }
            throw error
        }
    }

    deinit {
        exchange.monitor.withLock {
            exchange.cancelled = true
            exchange.monitor.broadcast()
        }
        thread?.join()
        buffers.forEach { $0.deallocate() }
    }

    /// The decoding thread: fills free buffers until the source ends, fails, or the reader goes away.
    private static func decode(_ source: any ByteSource, into exchange: Exchange) {
        while true {
            var next: UnsafeMutableRawBufferPointer?
            exchange.monitor.withLock {
                while exchange.free.isEmpty && !exchange.cancelled { exchange.monitor.wait() }
                if !exchange.cancelled { next = exchange.free.removeLast() }
            }
            guard let buffer = next else { return }
            var count = 0
            var ended = false
            var failure: ContainerError?
            do throws(ContainerError) {
                while count < buffer.count {
                    let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                    if read == 0 {
                        ended = true
                        break
                    }
                    count += read
                }
            } catch {
                failure = error
            }
            exchange.monitor.withLock {
                if count > 0 { exchange.filled.append((buffer, count)) } else { exchange.free.append(buffer) }
                if ended || failure != nil {
                    exchange.finished = true
                    exchange.error = failure
                }
                exchange.monitor.broadcast()
            }
            if ended || failure != nil { return }
        }
    }

    func read(into destination: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        guard destination.count > 0 else { return 0 }
        if current == nil {
            var error: ContainerError?
            exchange.monitor.withLock {
                while exchange.filled.isEmpty && !exchange.finished { exchange.monitor.wait() }
                if !exchange.filled.isEmpty {
                    current = exchange.filled.removeFirst()
                    position = 0
                } else {
                    error = exchange.error
                }
            }
            if let error { throw error }
            if current == nil { return 0 }
        }
        let (buffer, count) = current!
        let taken = min(count - position, destination.count)
        destination.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: taken)
        position += taken
        if position == count {
            current = nil
            exchange.monitor.withLock {
                exchange.free.append(buffer)
                exchange.monitor.broadcast()
            }
        }
        return taken
    }
}
