#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The pipeline's few synchronisation needs, on pthreads directly: importing Foundation for
// Thread and NSCondition loads Foundation's ICU data and cost ~5 ms of start-up per process.

/// A mutex with one condition variable: the building block of the queues below.
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the lock; inside, `wait()` releases it until another thread broadcasts.
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Only call inside `withLock`.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Only call inside `withLock`.
    func broadcast() { pthread_cond_broadcast(condition) }
}

/// A joinable thread running one closure.
struct JoinableThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private let thread: pthread_t

    /// Starts `body` on a new thread; throws (`.resources`) if the system cannot create one.
    init(_ body: @escaping @Sendable () -> Void) throws(FilterError) {
        let retained = Unmanaged.passRetained(Body(body))
        var thread = pthread_t()
        // Started with SIGINT and SIGTERM blocked: only the reading thread takes them.
        let status = StopSignal.blocked {
            pthread_create(&thread, nil, { context in
                Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, retained.toOpaque())
        }
        guard status == 0 else {
            retained.release()
            throw FilterError(.resources, "cannot start a thread: \(String(cString: strerror(status)))")
        }
        self.thread = thread
    }

    func join() {
        pthread_join(thread, nil)
    }
}

/// A counting semaphore: `acquire` waits while no permit is left.
final class Permits: @unchecked Sendable {
    private let monitor = Monitor()
    private var available: Int

    init(_ count: Int) { available = count }

    func acquire() {
        monitor.withLock {
            while available == 0 { monitor.wait() }
            available -= 1
        }
    }

    func release() {
        monitor.withLock {
            available += 1
            monitor.broadcast()
        }
    }
}

/// Set once when the writer fails, so the reader stops early.
final class StopFlag: @unchecked Sendable {
    private let monitor = Monitor()
    private var flag = false
    var isSet: Bool { monitor.withLock { flag } }
    func set() { monitor.withLock { flag = true } }
}

/// A bounded first-in first-out queue between the reader and the workers.
final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    private let monitor = Monitor()
    private var items: [Element?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func push(_ element: Element) {
        monitor.withLock {
            while items.count - head >= capacity { monitor.wait() }
            items.append(element)
            monitor.broadcast()
        }
    }

    /// The next element, or nil once the queue is closed and empty.
    func pop() -> Element? {
        monitor.withLock {
            while head == items.count && !closed { monitor.wait() }
            guard head < items.count else { return nil }
            let element = items[head]!
            // Release the slot now: the reader may keep the queue from ever running empty.
            items[head] = nil
            head += 1
            if head >= capacity {
                items.removeFirst(head)
                head = 0
            }
            monitor.broadcast()
            return element
        }
    }

    func close() {
        monitor.withLock {
            closed = true
            monitor.broadcast()
        }
    }
}

/// Worker results, handed to the writer strictly in sequence order.
final class OrderedResults: @unchecked Sendable {
    private let monitor = Monitor()
    private var waiting: [Int: BlockOutput] = [:]
    private var total: Int?

    func put(_ output: BlockOutput) {
        monitor.withLock {
            waiting[output.sequence] = output
            monitor.broadcast()
        }
    }

    /// The declared end: `count` blocks were read in all.
    func finish(count: Int) {
        monitor.withLock {
            total = count
            monitor.broadcast()
        }
    }

    /// The output for `sequence`, waiting for it; nil when all blocks have been taken.
    func take(_ sequence: Int) -> BlockOutput? {
        monitor.withLock {
            while waiting[sequence] == nil {
                if let total, sequence >= total { return nil }
                monitor.wait()
            }
            return waiting.removeValue(forKey: sequence)
        }
    }
}

/// A value handed to another thread that is only ever used by one thread at a time.
final class UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    var error: FilterError?
    init(_ value: Value) { self.value = value }
}
