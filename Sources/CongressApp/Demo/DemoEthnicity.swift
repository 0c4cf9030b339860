/// Plausible ethnic shares of party members by province (2025 codes): the northern mountains,
/// the Central Highlands and the Mekong delta have large minority shares; elsewhere nearly all
/// members are Kinh. Demo data, not statistics.
enum DemoEthnicity {
    static let byProvince: [String: WeightedTable<String>] = [
        "04": WeightedTable([("Tày", 40), ("Nùng", 30), ("Kinh", 12), ("Mông", 9), ("Dao", 9)]),
        "08": WeightedTable([("Kinh", 30), ("Tày", 25), ("Mông", 20), ("Dao", 12), ("Nùng", 5), ("Sán Chay", 5), ("Giáy", 3)]),
        "11": WeightedTable([("Thái", 40), ("Mông", 35), ("Kinh", 20), ("Khơ Mú", 5)]),
        "12": WeightedTable([("Thái", 35), ("Mông", 30), ("Kinh", 20), ("Dao", 10), ("Hà Nhì", 5)]),
        "14": WeightedTable([("Thái", 55), ("Kinh", 20), ("Mông", 15), ("Mường", 8), ("Khơ Mú", 2)]),
        "15": WeightedTable([("Kinh", 45), ("Tày", 15), ("Mông", 15), ("Dao", 12), ("Nùng", 5), ("Thái", 5), ("Giáy", 3)]),
        "19": WeightedTable([("Kinh", 60), ("Tày", 25), ("Nùng", 8), ("Dao", 4), ("Sán Chay", 3)]),
        "20": WeightedTable([("Nùng", 40), ("Tày", 35), ("Kinh", 20), ("Dao", 5)]),
        "25": WeightedTable([("Kinh", 75), ("Mường", 20), ("Dao", 2), ("Thái", 2), ("Tày", 1)]),
        "38": WeightedTable([("Kinh", 85), ("Mường", 9), ("Thái", 5), ("Mông", 1)]),
        "40": WeightedTable([("Kinh", 85), ("Thái", 10), ("Khơ Mú", 3), ("Mông", 2)]),
        "44": WeightedTable([("Kinh", 95), ("Bru-Vân Kiều", 4), ("Tà Ôi", 0.7), ("Chứt", 0.3)]),
        "46": WeightedTable([("Kinh", 97), ("Tà Ôi", 2), ("Cơ Tu", 1)]),
        "48": WeightedTable([("Kinh", 95), ("Cơ Tu", 3), ("Xơ Đăng", 1), ("Giẻ-Triêng", 1)]),
        "51": WeightedTable([("Kinh", 75), ("Xơ Đăng", 10), ("Hrê", 8), ("Ba Na", 5), ("Giẻ-Triêng", 2)]),
        "52": WeightedTable([("Kinh", 70), ("Gia Rai", 20), ("Ba Na", 10)]),
        "56": WeightedTable([("Kinh", 88), ("Chăm", 6), ("Ra Glai", 6)]),
        "66": WeightedTable([("Kinh", 80), ("Ê Đê", 12), ("Mnông", 3), ("Tày", 3), ("Nùng", 2)]),
        "68": WeightedTable([("Kinh", 85), ("Cơ Ho", 7), ("Mnông", 4), ("Mạ", 2), ("Chăm", 2)]),
        "75": WeightedTable([("Kinh", 92), ("Xtiêng", 4), ("Hoa", 2), ("Chơ Ro", 1), ("Nùng", 1)]),
        "79": WeightedTable([("Kinh", 97), ("Hoa", 3)]),
        "86": WeightedTable([("Kinh", 88), ("Khmer", 11), ("Hoa", 1)]),
        "91": WeightedTable([("Kinh", 90), ("Khmer", 8), ("Chăm", 1), ("Hoa", 1)]),
        "92": WeightedTable([("Kinh", 86), ("Khmer", 12), ("Hoa", 2)]),
        "96": WeightedTable([("Kinh", 94), ("Khmer", 5), ("Hoa", 1)]),
    ]
    static let elsewhere = WeightedTable<String>([("Kinh", 99), ("Tày", 0.4), ("Mường", 0.4), ("Hoa", 0.2)])

    static func table(province: String) -> WeightedTable<String> { byProvince[province] ?? elsewhere }
}
