extension Optional {
    /// `map` for an asynchronous transform (a previous term's seats, when one is asked for).
    public func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
