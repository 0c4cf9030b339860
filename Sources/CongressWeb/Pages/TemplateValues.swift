/// View models turned into dictionaries once, before rendering. Mustache looks names up by
/// reflection on every tag otherwise (a `Mirror` per lookup, and more for each miss that climbs
/// the context stack): this made the members page spend three quarters of its time in lookups.
enum TemplateValues {
    static func box(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Int64, is Bool, is Double, is [String: String]:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // A missing value is found here as false (templates only test optionals in sections),
            // so lookups do not climb to an outer context that has a field of the same name.
            guard let wrapped = mirror.children.first else { return false }
            return box(wrapped.value)
        case .collection:
            return mirror.children.map { box($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = box(child.value) }
            }
            return fields
        default:
            return value
        }
    }
}
