extension VietnameseNameOrder {
    /// A byte string whose plain byte order is the ballot order of R-E-10, for databases and
    /// indexes (`ORDER BY sort_key` on a BLOB column).
    ///
    /// Per word, in comparison order (given, family, middles): the letters' ranks + 1, a 0
    /// terminator (a word that is a prefix of another sorts first), then the tones + 1 and a 0.
    /// Fewer words sort first because the key simply ends.
    public static func sortKey(_ name: String) -> [UInt8] {
        var key: [UInt8] = []
        for word in SortKey(name).words {
            for letter in word { key.append(UInt8(clamping: min(letter.rank, 250) + 1)) }
            key.append(0)
            for letter in word { key.append(UInt8(letter.tone.rawValue + 1)) }
            key.append(0)
        }
        return key
    }
}
