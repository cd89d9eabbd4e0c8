@testable import PortalCore

/// A small valid tenant file that validation tests break one field at a time.
enum TenantFixture {
    static let file = "tenants/test.json"

    static let base = #"""
    {
      "id": "test",
      "name": "Commune de Test",
      "shortName": "Test",
      "schema": "t_test",
      "hosts": {"subdomain": "test", "extraDomains": ["famille.test.example"]},
      "branding": {"primaryColor": "#112233", "accentColor": "#AABBCC", "portalTitle": "Portail Famille", "serviceName": "ALSH"},
      "contact": {"service": "Enfance", "email": "enfance@test.example", "address": ["Mairie", "00000 Test"],
                  "hours": [{"days": "lundi", "hours": "9 h – 12 h"}], "desks": []},
      "tabs": ["dossier", "planning"],
      "legal": {"termsTitle": "CGU", "termsParagraphs": ["Texte."], "privacyParagraphs": ["Données."]},
      "schoolZone": "A",
      "closures": [{"from": "2026-08-03", "to": "2026-08-14", "label": "Fermeture estivale"}],
      "registration": {"validity": "calendarYear", "validation": "manual"},
      "activities": [
        {
          "code": "alsh",
          "label": "ALSH",
          "audience": {"ageRange": {"min": 3, "max": 10}},
          "runs": {"schoolTermWednesdays": true, "schoolHolidayWeekdays": {"exceptHolidays": ["noel"]}},
          "units": [
            {"code": "journee", "label": "Journée", "start": "08:30", "end": "17:30", "capacity": 20, "priceCode": "journee"},
            {"code": "matin", "label": "Matin", "start": "08:30", "end": "12:00", "capacity": 10, "priceCode": "demi"}
          ],
          "exclusions": [{"unit": "journee", "excludes": ["matin"]}],
          "supplements": [{"date": "2026-03-18", "label": "Sortie", "amountCents": 500, "closedUnits": ["matin"]}],
          "requiresValidation": true,
          "billing": "booked",
          "prices": {
            "journee": [{"minQuotient": 0, "maxQuotient": 700, "residentCents": 1000, "nonResidentCents": 1300},
                        {"minQuotient": 701, "residentCents": 1200, "nonResidentCents": 1500}],
            "demi": [{"minQuotient": 0, "cents": 600}]
          },
          "booking": {
            "opens": {"residentDaysBefore": 21, "nonResidentDaysBefore": 14},
            "deadline": {"calendarDaysBefore": 5, "late": {"policy": "refuse"}},
            "windows": [{"period": "hiver", "schoolYear": "2025-2026", "from": "2026-01-05", "to": "2026-02-04"}]
          }
        }
      ],
      "messaging": {"services": [{"code": "alsh", "label": "ALSH"}], "themes": ["Informations"], "maxAttachmentBytes": 1000000}
    }
    """#

    static var baseValue: JSONValue { try! JSONValue.parse(Array(base.utf8)) }

    static func decode(_ text: String, file: String = file) -> Result<TenantConfig, TenantConfigErrors> {
        TenantConfigLoader.decode(Array(text.utf8), file: file)
    }

    /// The error lines of `text`, empty when it is valid.
    static func errors(_ text: String, file: String = file) -> [String] {
        switch decode(text, file: file) {
        case .success: return []
        case .failure(let errors): return errors.map(\.description)
        }
    }
}

/// One step into a JSON document.
enum JSONStep: Sendable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }

    var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return "[\(index)]"
        }
    }
}

extension JSONValue {
    /// A copy with the value at `path` replaced (or added), or removed when `value` is nil.
    func setting(_ path: [JSONStep], to value: JSONValue?) -> JSONValue {
        guard let step = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case let (.object(members), .key(key)):
            var members = members
            if let index = members.firstIndex(where: { $0.key == key }) {
                if rest.isEmpty, value == nil { members.remove(at: index) } else {
                    members[index].value = members[index].value.setting(rest, to: value)
                }
            } else if let value {
                members.append((key, JSONValue.null.setting(rest, to: value)))
            }
            return .object(members)
        case let (.array(elements), .index(index)):
            var elements = elements
            if rest.isEmpty, value == nil { elements.remove(at: index) } else if index == elements.count, let value {
                elements.append(JSONValue.null.setting(rest, to: value))
            } else {
                elements[index] = elements[index].setting(rest, to: value)
            }
            return .array(elements)
        default:
            preconditionFailure("path \(path) does not fit the fixture")
        }
    }

    func at(_ path: [JSONStep]) -> JSONValue {
        guard let step = path.first else { return self }
        switch (self, step) {
        case let (.object(members), .key(key)): return members.first { $0.key == key }!.value.at(Array(path.dropFirst()))
        case let (.array(elements), .index(index)): return elements[index].at(Array(path.dropFirst()))
        default: preconditionFailure("path \(path) does not fit the fixture")
        }
    }

    /// Compact JSON text.
    var text: String {
        switch self {
        case .object(let members): return "{" + members.map { "\(jsonString($0.key)):\($0.value.text)" }.joined(separator: ",") + "}"
        case .array(let elements): return "[" + elements.map(\.text).joined(separator: ",") + "]"
        case .string(let string): return jsonString(string)
        case .number(let number): return number
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Parses a JSON fragment written in a test table.
    static func json(_ text: String) -> JSONValue { try! JSONValue.parse(Array(text.utf8)) }
}
