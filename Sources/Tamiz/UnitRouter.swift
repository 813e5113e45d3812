/// Where one unit or debris line goes: written to an output slot, or dropped with a reason.
package enum RouteDecision: Sendable, Equatable {
    /// Written to the output at this slot (see ``UnitRouter/slotCount``).
    case write(slot: Int)
    /// Not written; its bytes are counted under the reason.
    case drop(DropReason)
}

/// The one place that decides, from the action, where units go. Built once per run; the units
/// stage asks it about every unit and debris line, the documents stage about every document
/// or part, and the encoders only write what it sends them.
package struct UnitRouter: Sendable {
    package let action: FilterAction
    /// Output buffers per block: one for `label` and `keep`, one per ``Destination`` for `route`.
    package let slotCount: Int
    private enum Mode { case label, keep, route }
    private let mode: Mode
    /// Bit `Destination.rawValue` is set for each kept language (`keep`) or routed destination
    /// (`route`): a mask test per unit instead of hashing into a `Set`.
    private let selected: UInt8

    package init(action: FilterAction) {
        self.action = action
        switch action {
        case .label:
            mode = .label
            selected = 0
        case .keep(let languages):
            mode = .keep
            selected = languages.reduce(0) { $0 | 1 << Destination($1).rawValue }
        case .route(let destinations):
            mode = .route
            selected = destinations.reduce(0) { $0 | 1 << $1.rawValue }
        }
        slotCount = mode == .route ? Destination.allCases.count : 1
    }

    /// A unit of `language` with the cleaner's verdict `debris`.
    package func decide(language: Language, debris: DebrisReason?) -> RouteDecision {
        switch mode {
        case .label:
            return .write(slot: 0)
        case .keep:
            if let debris { return .drop(.debris(debris)) }
            return selected & 1 << Destination(language).rawValue != 0 ? .write(slot: 0) : .drop(.language)
        case .route:
            return decide(destination: debris == nil ? Destination(language) : .debris, debris: debris)
        }
    }

    /// A debris line that `keep` and `route` handle whole, without segmenting or classifying it
    /// (its units would go nowhere else); nil for `label`, which annotates its units.
    package func decide(debrisLine debris: DebrisReason) -> RouteDecision? {
        mode == .label ? nil : decide(language: .undetermined, debris: debris)
    }

    /// `route`: the output for `destination`, or dropped (as debris, or unrouted) without one.
    /// `label` and `keep` write everything they are asked about to their only output.
    package func decide(destination: Destination, debris: DebrisReason? = nil) -> RouteDecision {
        guard mode == .route else { return .write(slot: 0) }
        if selected & 1 << destination.rawValue != 0 { return .write(slot: destination.rawValue) }
        return .drop(debris.map(DropReason.debris) ?? .unrouted)
    }
}

/// The kept units of one input line, written to each output on one line joined by single
/// spaces: the one place that joins them, for plain text and for `--split` document parts.
struct JoinedLine {
    /// Bit `slot` is set once the line has a unit in that output.
    private var slotsWritten: UInt8 = 0

    /// Appends `unit` to `buffer` (the output at `slot`): after a space when this line already
    /// has a unit there; with `separatingLines`, after a line break when it is the line's first
    /// unit there and the buffer already holds earlier lines.
    mutating func append(
        _ unit: UnsafeBufferPointer<UInt8>, slot: Int, to buffer: inout [UInt8], separatingLines: Bool = false
    ) {
        if hasUnits(inSlot: slot) {
            buffer.append(0x20)
        } else if separatingLines && !buffer.isEmpty {
            buffer.append(0x0A)
        }
        slotsWritten |= 1 << slot
        buffer.append(contentsOf: unit)
    }

    func hasUnits(inSlot slot: Int) -> Bool { slotsWritten & (1 << slot) != 0 }
}
