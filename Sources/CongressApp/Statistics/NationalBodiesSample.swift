import CongressCore
import CongressStore
import Foundation

/// A generated dataset of the 2020–2025 round's provincial-level committees (and of 2015–2020 for
/// the comparison) whose structure report gives the figures published for it (rules.md §6):
/// 3,330 executive committee members in 67 committees, 6.20% fewer than 3,550; 523 women (15.71%,
/// up 2.69 points); 389 from ethnic minorities (11.68%); 2,220 with a master's degree or higher
/// (66.67%), 28 of them professors or associate professors; of 65 secretaries elected at
/// congresses, 9 women (13.85%), 28 aged 50 or under (43.08%), 27 not local (41.54%, up 23.08
/// points). Deterministic: the same files every time. `congress report sample DIR` writes them.
public enum NationalBodiesSample {
    public static let term = "2020-2025"
    public static let previousTerm = "2015-2020"
    static let elected = Day(iso: "2020-10-15")!
    static let previousElected = Day(iso: "2015-10-15")!

    struct Seat {
        let id: String
        let unit: PartyUnit.ID
        var woman = false
        var minority = false
        var master = false
        var professor = false
        var born = "1965-06-01"
        var hometown: String
    }

    public static func write(to folder: String, units: [PartyUnit]) throws -> (members: Int, rows: Int) {
        // The 67 units directly under the Centre in 2020: the 63 provinces and 4 central committees.
        let inForce = units.filter { unit in
            unit.kind == .underCentral && (unit.validFrom.map { $0 <= elected } ?? true) && (unit.validTo.map { $0 >= elected } ?? true)
        }
        let provinces = inForce.filter { province($0.code) != nil }.sorted { $0.code < $1.code }
        let central = inForce.filter { province($0.code) == nil }.sorted { $0.code < $1.code }
        let committees = provinces + central
        precondition(committees.count == 67, "the 2020 organisation has \(committees.count) units under the Centre, not 67")
        var members = [MembersCSV.header]
        var bodies = [BodiesFile.columns.joined(separator: ",")]
        // Secretaries: the provinces' first, the central committees' last; the Army's and Public
        // Security's were designated (appointed), the other 65 elected.
        let appointed: Set<PartyUnit.ID> = ["QUANDOI", "CONGAN"]
        var currentSeats = seats(prefix: "P", committees: committees, total: 3_330)
        shape(&currentSeats, committees: committees, appointed: appointed, women: 9, young: 28, notLocal: 27 ..< 54, secretaryMaster: true,
              women: 523, minorities: 389, masters: 2_220, professors: 28)
        var previousSeats = seats(prefix: "Q", committees: committees, total: 3_550)
        shape(&previousSeats, committees: committees, appointed: appointed, women: 8, young: 20, notLocal: 28 ..< 40, secretaryMaster: true,
              women: 462, minorities: 371, masters: 1_905, professors: 21)
        for (seats, day) in [(currentSeats, elected), (previousSeats, previousElected)] {
            let termText = day == elected ? term : previousTerm
            var firstOfUnit = Set<PartyUnit.ID>()
            for seat in seats {
                members.append(memberLine(seat))
                bodies.append("\(seat.id),\(seat.unit),\(termText),executiveCommittee,elected,\(day.iso)")
                if firstOfUnit.insert(seat.unit).inserted {
                    bodies.append("\(seat.id),\(seat.unit),\(termText),secretary,\(appointed.contains(seat.unit) ? "appointed" : "elected"),\(day.adding(days: 1).iso)")
                }
            }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (members.joined(separator: "\n") + "\n").write(toFile: folder + "/members.csv", atomically: true, encoding: .utf8)
        try (bodies.joined(separator: "\n") + "\n").write(toFile: folder + "/bodies.csv", atomically: true, encoding: .utf8)
        return (members.count - 1, bodies.count - 1)
    }

    /// `T01` or `LT44` → its two-digit province code.
    static func province(_ unit: PartyUnit.ID) -> String? { BodySeatSelection.provinceCode(unit) }

    /// `total` seats over the committees, as evenly as can be; each unit's first seat is its secretary.
    static func seats(prefix: String, committees: [PartyUnit], total: Int) -> [Seat] {
        var seats: [Seat] = []
        let base = total / committees.count, extra = total % committees.count
        for (index, unit) in committees.enumerated() {
            for _ in 0..<(base + (index < extra ? 1 : 0)) {
                seats.append(Seat(id: prefix + String(format: "%05d", seats.count + 1), unit: unit.code, hometown: province(unit.code) ?? "01"))
            }
        }
        return seats
    }

    /// Gives the secretaries and the other members the published figures, spread over the units
    /// by strides that visit every index once.
    static func shape(_ seats: inout [Seat], committees: [PartyUnit], appointed: Set<PartyUnit.ID>, women secretaryWomen: Int, young: Int,
                      notLocal: Range<Int>, secretaryMaster: Bool, women: Int, minorities: Int, masters: Int, professors: Int) {
        var secretaries: [Int] = []
        var seen = Set<PartyUnit.ID>()
        for (index, seat) in seats.enumerated() where seen.insert(seat.unit).inserted { secretaries.append(index) }
        let electedSecretaries = secretaries.filter { !appointed.contains(seats[$0].unit) }
        for (order, index) in electedSecretaries.enumerated() {
            seats[index].woman = order < secretaryWomen
            seats[index].born = order < young ? "1972-06-01" : "1961-06-01"
            if notLocal.contains(order), let own = province(seats[index].unit) { seats[index].hometown = own == "01" ? "79" : "01" }
        }
        for index in secretaries { seats[index].master = secretaryMaster }
        let rest = (0..<seats.count).filter { !secretaries.contains($0) }
        let secretaryWomenCount = secretaries.filter { seats[$0].woman }.count
        let mastersAmongSecretaries = secretaries.filter { seats[$0].master }.count
        let n = rest.count
        func spread(_ stride: Int, _ count: Int, _ set: (inout Seat) -> Void) {
            for (order, index) in rest.enumerated() where (order * stride) % n < count { set(&seats[index]) }
        }
        spread(7_919, women - secretaryWomenCount) { $0.woman = true }
        spread(7_907, minorities) { $0.minority = true }
        spread(7_901, masters - mastersAmongSecretaries) { $0.master = true }
        spread(7_901, professors) { $0.professor = true }
        for (order, index) in rest.enumerated() { seats[index].born = "\(1958 + order % 30)-0\(1 + order % 9)-15" }
    }

    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
    static let given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Linh", "Long", "Minh", "Nam", "Phúc", "Quang",
                        "Sơn", "Thành", "Trung", "Tuấn"]

    static func memberLine(_ seat: Seat) -> String {
        let number = Int(seat.id.dropFirst())!
        let name = "\(families[number % families.count]) \(seat.woman ? "Thị" : "Văn") \(given[(number / 12) % given.count])"
        let education = seat.professor ? "tiến sĩ" : seat.master ? "thạc sĩ" : "cử nhân"
        let title = seat.professor ? (number % 3 == 0 ? "gs" : "pgs") : ""
        let joined = Int(seat.born.prefix(4))! + 25
        return [seat.id, name, seat.woman ? "nữ" : "nam", seat.born, seat.minority ? "Tày" : "Kinh", seat.hometown, "T01", "\(joined)-01-01",
                "\(joined + 1)-01-01", "official", education, title, "cao cấp"].joined(separator: ",")
    }
}

/// `congress report sample DIR`.
public enum NationalBodiesSampleJob {
    public static func run(folder: String, language: Language) -> CommandOutput {
        do {
            let (members, rows) = try NationalBodiesSample.write(to: folder, units: try AdminUnits.load().records.units)
            return .success(Catalogue.text("bodies.sample", language, folder, language.number(members), language.number(rows)) + "\n")
        } catch {
            return .failure(error.lines)
        }
    }
}
