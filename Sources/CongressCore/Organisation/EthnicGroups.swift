/// The 54 ethnic groups of Vietnam, by their official names, Kinh first then by population.
public enum EthnicGroups {
    public static let all: [String] = [
        "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na",
        "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông", "Thổ", "Xtiêng",
        "Khơ Mú", "Bru-Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ-Triêng", "Co", "Chơ Ro", "Xinh Mun",
        "Hà Nhì", "Chu Ru", "Lào", "Kháng", "La Chí", "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Chứt",
        "Lự", "Lô Lô", "Mảng", "Cờ Lao", "Bố Y", "Cống", "Ngái", "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
    ]

    /// Folded spelling → official name, so "ede", "Ê-đê" and "E De" all find "Ê Đê".
    static let byFolded: [String: String] = {
        var table: [String: String] = [:]
        for name in all { table[key(name)] = name }
        table[key("H'Mông")] = "Mông"
        table[key("Hmông")] = "Mông"
        table[key("Stiêng")] = "Xtiêng"
        table[key("Khơ-me")] = "Khmer"
        table[key("Bru Vân Kiều")] = "Bru-Vân Kiều"
        table[key("Giẻ Triêng")] = "Giẻ-Triêng"
        return table
    }()

    /// The official name for a spelling, or `nil` if it names no group.
    public static func canonical(_ spelling: String) -> String? { byFolded[key(spelling)] }

    /// Position in `all` (Kinh is 0), or `nil`.
    public static func index(of name: String) -> Int? { all.firstIndex(of: name) }

    private static func key(_ text: String) -> String {
        String(VietnameseText.folded(text).filter { $0.isLetter })
    }
}
