extension MembersCSV {
    /// One row of the members file (formats.md §4), columns in `header` order.
    public static func line(_ row: MemberImportRow) -> String {
        let person = row.person
        let fields: [String] = [
            person.memberID.rawValue, person.fullName, person.gender.rawValue,
            person.birthYearOnly ? String(person.birthDate.year) : person.birthDate.iso,
            person.ethnicity, person.hometownProvince ?? "", row.unit.rawValue, person.joinedOn.iso, person.officialOn?.iso ?? "",
            row.status.rawValue, person.education.rawValue, person.academicTitle.rawValue, person.politicalTheory.rawValue,
        ]
        return fields.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacing("\"", with: "\"\"") + "\"" : $0 }
            .joined(separator: ",")
    }
}
