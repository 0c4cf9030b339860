/// Vietnamese full names at plausible frequencies: family names at their real shares (Nguyễn about
/// 38%, Trần 11%, Lê 9.5%, …), Huỳnh and Võ more common from the centre southwards, middle and
/// given names by gender, and family names of the larger ethnic minorities.
enum DemoNames {
    static let familyNorth = WeightedTable<String>([
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5), ("Vũ", 3.5), ("Võ", 0.5),
        ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8),
        ("Trương", 0.8), ("Mai", 0.6), ("Đào", 0.6), ("Cao", 0.5), ("Lương", 0.5), ("Hà", 0.5), ("Đoàn", 0.5),
        ("Lâm", 0.4), ("Trịnh", 0.5), ("Tạ", 0.3), ("Tô", 0.3), ("Kiều", 0.2), ("Lưu", 0.3), ("Khúc", 0.1), ("Quách", 0.2),
    ])
    static let familySouth = WeightedTable<String>([
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Huỳnh", 3.5), ("Hoàng", 1.5), ("Phan", 4.5), ("Võ", 3), ("Vũ", 1),
        ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.5), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.6),
        ("Trương", 1), ("Mai", 0.6), ("Đào", 0.5), ("Cao", 0.5), ("Lương", 0.4), ("Đoàn", 0.5), ("Lâm", 0.6), ("Châu", 0.4),
        ("Tạ", 0.2), ("Tô", 0.3), ("Thái", 0.3), ("La", 0.2), ("Lưu", 0.3), ("Văn", 0.2),
    ])
    static let minorityFamilies: [String: WeightedTable<String>] = [
        "Tày": WeightedTable([("Hoàng", 4), ("Nông", 4), ("Lương", 2), ("Hà", 2), ("Triệu", 1), ("Lục", 1), ("Vi", 1), ("Ma", 1)]),
        "Nùng": WeightedTable([("Hoàng", 3), ("Nông", 3), ("Lăng", 2), ("Chu", 1), ("Vi", 2), ("Lục", 1), ("Triệu", 1)]),
        "Thái": WeightedTable([("Lò", 4), ("Lường", 3), ("Cầm", 2), ("Quàng", 2), ("Vi", 2), ("Hà", 2), ("Lộc", 1)]),
        "Mông": WeightedTable([("Giàng", 4), ("Vàng", 3), ("Thào", 3), ("Sùng", 2), ("Lầu", 2), ("Mùa", 1), ("Hạng", 1), ("Lý", 1)]),
        "Dao": WeightedTable([("Triệu", 4), ("Bàn", 3), ("Đặng", 2), ("Lý", 2), ("Phùng", 1)]),
        "Mường": WeightedTable([("Bùi", 5), ("Đinh", 3), ("Quách", 2), ("Hà", 1), ("Xa", 1)]),
        "Khmer": WeightedTable([("Thạch", 4), ("Sơn", 3), ("Kim", 2), ("Danh", 2), ("Lâm", 1), ("Châu", 1)]),
        "Hoa": WeightedTable([("Lâm", 3), ("Trương", 2), ("Lý", 2), ("Hứa", 1), ("Quách", 1), ("Mã", 1)]),
        "Chăm": WeightedTable([("Đạo", 2), ("Thông", 1), ("Trượng", 1), ("Lưu", 1), ("Châu", 1)]),
        "Bru-Vân Kiều": WeightedTable([("Hồ", 4), ("Hồ Văn", 1), ("Lê", 1), ("Kray", 1)]),
        "Tà Ôi": WeightedTable([("Hồ", 3), ("Kăn", 1), ("Căn", 1), ("A Viết", 1)]),
    ]
    /// Peoples of the Central Highlands write the clan name last: "Y Moan Niê", "H'Hen Niê".
    static let highlandClans: [String: [String]] = [
        "Ê Đê": ["Niê", "Êban", "Ktla", "Mlô", "Byă", "Buôn Yă", "Adrơng"],
        "Gia Rai": ["Ksor", "Rơ Mah", "Siu", "Rơ Châm", "Nay", "Kpă"],
        "Ba Na": ["Đinh", "A", "Y"],
    ]

    static let middleMale = WeightedTable<String>([
        ("Văn", 45), ("Hữu", 6), ("Đức", 6), ("Minh", 6), ("Quang", 5), ("Thanh", 4), ("Công", 4), ("Xuân", 3), ("Ngọc", 3),
        ("Đình", 3), ("Anh", 2), ("Tiến", 2), ("Trọng", 2), ("Thế", 2), ("Mạnh", 1.5), ("Hoàng", 1.5), ("Việt", 1.5), ("Duy", 1.5),
    ])
    static let middleFemale = WeightedTable<String>([
        ("Thị", 60), ("Ngọc", 6), ("Thu", 5), ("Thanh", 5), ("Minh", 3), ("Kim", 3), ("Hồng", 3), ("Phương", 2), ("Mỹ", 2),
        ("Thùy", 2), ("Diệu", 1), ("Bích", 1), ("Hải", 1), ("Lan", 1),
    ])
    static let givenMale = WeightedTable<String>([
        ("Anh", 4), ("Bình", 3), ("Cường", 3), ("Dũng", 4), ("Đức", 3), ("Giang", 1), ("Hải", 4), ("Hiếu", 2), ("Hoàng", 2),
        ("Hùng", 5), ("Huy", 3), ("Khánh", 2), ("Long", 3), ("Minh", 4), ("Nam", 4), ("Phong", 2), ("Phúc", 2), ("Quân", 2),
        ("Quang", 3), ("Sơn", 4), ("Tâm", 2), ("Thắng", 3), ("Thành", 4), ("Toàn", 2), ("Trung", 3), ("Tuấn", 5), ("Tùng", 2),
        ("Việt", 2), ("Vinh", 2), ("An", 2), ("Bảo", 1), ("Chiến", 2), ("Công", 1), ("Đạt", 2), ("Hậu", 1), ("Hiệp", 1),
        ("Kiên", 1), ("Lâm", 1), ("Lực", 1), ("Mạnh", 2), ("Nghĩa", 2), ("Phương", 1), ("Quý", 1), ("Tài", 1), ("Thiện", 1),
        ("Thịnh", 1), ("Tiến", 2), ("Trọng", 1), ("Tú", 1), ("Vũ", 1), ("Hưng", 2), ("Lợi", 1), ("Khoa", 1), ("Thuận", 1),
    ])
    static let givenFemale = WeightedTable<String>([
        ("Anh", 3), ("Ánh", 1), ("Bích", 1), ("Chi", 1), ("Dung", 3), ("Giang", 2), ("Hà", 4), ("Hạnh", 3), ("Hằng", 3),
        ("Hiền", 3), ("Hoa", 4), ("Hồng", 3), ("Huệ", 2), ("Hương", 5), ("Lan", 4), ("Liên", 2), ("Linh", 4), ("Loan", 2),
        ("Mai", 4), ("Nga", 3), ("Ngọc", 2), ("Nhung", 2), ("Oanh", 1), ("Phương", 3), ("Quyên", 1), ("Quỳnh", 2), ("Thảo", 4),
        ("Thu", 3), ("Thủy", 4), ("Trang", 4), ("Tuyết", 2), ("Uyên", 1), ("Vân", 3), ("Yến", 3), ("Nhàn", 1), ("Xuân", 2),
        ("Lý", 1), ("Tâm", 1), ("Duyên", 1), ("Hậu", 1),
    ])

    /// A full name for a person of this gender and ethnic group, born in this region.
    static func fullName(_ random: inout DemoRandom, female: Bool, ethnicity: String, south: Bool) -> String {
        let given = random.pick(female ? givenFemale : givenMale)
        if let clans = highlandClans[ethnicity] {
            let clan = clans[random.int(0...(clans.count - 1))]
            return female ? "H'\(given) \(clan)" : "Y \(given) \(clan)"
        }
        let family = minorityFamilies[ethnicity].map { random.pick($0) } ?? random.pick(south ? familySouth : familyNorth)
        let middle = random.pick(female ? middleFemale : middleMale)
        return "\(family) \(middle) \(given)"
    }
}
