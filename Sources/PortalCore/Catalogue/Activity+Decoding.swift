extension Activity {
    static func decodeList(_ node: ConfigNode, schoolZone: SchoolZone?, closures: [Closure]) -> [Activity]? {
        var codes: Set<String> = []
        return node.array { element in
            guard let activity = decode(element, schoolZone: schoolZone, closures: closures) else { return nil }
            guard codes.insert(activity.code).inserted else {
                element.child("code", .null).report("duplicate activity code \"\(activity.code)\"")
                return nil
            }
            return activity
        }
    }

    static func decode(_ node: ConfigNode, schoolZone: SchoolZone?, closures: [Closure]) -> Activity? {
        node.object { o in
            let code = o.required("code")?.code()
            let label = o.required("label")?.nonEmptyString()
            let description = o.optional("description").map { $0.string() } ?? ""
            let audience = o.required("audience").flatMap(Audience.decode)
            let schedule = o.required("runs").flatMap(ActivitySchedule.decode)
            let onPublicHolidays = o.optional("runsOnPublicHolidays").map { $0.bool() } ?? false
            let prices = o.required("prices").flatMap(decodePrices)
            let units = o.required("units").flatMap { decodeUnits($0, prices: prices) }
            let unitCodes = units?.map(\.code)
            let exclusions = o.optional("exclusions").map { $0.array { UnitExclusion.decode($0, units: unitCodes) } } ?? []
            let supplements = o.optional("supplements").map { $0.array { DaySupplement.decode($0, units: unitCodes) } } ?? []
            let requiresValidation = o.required("requiresValidation")?.bool()
            let billing = o.required("billing")?.oneOf(BillingBasis.self)
            let booking = o.required("booking").flatMap { BookingPolicy.decode($0, schedule: schedule) }
            guard let code, let label, let description, let audience, let schedule, let onPublicHolidays, let prices,
                  let units, let exclusions, let supplements, let requiresValidation, let billing, let booking else { return nil }
            let activity = Activity(code: code, label: label, description: description, audience: audience,
                                    schedule: schedule, runsOnPublicHolidays: onPublicHolidays, units: units,
                                    exclusions: exclusions, supplements: supplements,
                                    requiresValidation: requiresValidation, billing: billing, prices: prices,
                                    booking: booking)
            if let schoolZone {
                // An outing on a day the activity does not run is a typo in the date.
                let supplementsNode = o.optional("supplements")?.array() ?? []
                for (supplement, supplementNode) in zip(supplements, supplementsNode) {
                    if let reason = activity.notRunningReason(on: supplement.date, zone: schoolZone, closures: closures) {
                        supplementNode.child("date", .null).report("the activity does not run on \(supplement.date.iso) (\(reason.operatorText))")
                    }
                }
            }
            return activity
        }
    }

    private static func decodeUnits(_ node: ConfigNode, prices: [String: PriceTable]?) -> [ActivityUnit]? {
        guard let elements = node.array() else { return nil }
        guard !elements.isEmpty else { node.report("must list at least one unit"); return nil }
        var codes: Set<String> = []
        let units = elements.map { element -> ActivityUnit? in
            element.object { o in
                let codeNode = o.required("code")
                let code = codeNode?.code()
                let label = o.required("label")?.nonEmptyString()
                let start = o.required("start")?.time()
                let endNode = o.required("end")
                let end = endNode?.time()
                let capacity = o.required("capacity")?.positiveInt()
                let priceNode = o.required("priceCode")
                let priceCode = priceNode?.code()
                guard let code, let label, let start, let end, let capacity, let priceCode else { return nil }
                guard codes.insert(code).inserted else { codeNode?.report("duplicate unit code \"\(code)\""); return nil }
                guard end > start else { endNode?.report("must be after start"); return nil }
                if let prices, prices[priceCode] == nil {
                    priceNode?.report("no price table \"\(priceCode)\" in prices"); return nil
                }
                return ActivityUnit(code: code, label: label, start: start, end: end, capacity: capacity, priceCode: priceCode)
            }
        }
        return units.contains { $0 == nil } ? nil : units.map { $0! }
    }

    private static func decodePrices(_ node: ConfigNode) -> [String: PriceTable]? {
        guard case .object(let members) = node.value else { node.report("must be an object"); return nil }
        guard !members.isEmpty else { node.report("must have at least one price table"); return nil }
        var tables: [String: PriceTable] = [:]
        var failed = false
        for member in members {
            let child = node.child(member.key, member.value)
            guard ConfigNode.isCodeText(member.key) else { child.report("price code must match ^[a-z][a-zA-Z0-9-]{0,40}$"); failed = true; continue }
            guard tables[member.key] == nil else { child.report("duplicate key"); failed = true; continue }
            if let table = PriceTable.decode(child) { tables[member.key] = table } else { failed = true }
        }
        return failed ? nil : tables
    }
}

extension Audience {
    static func decode(_ node: ConfigNode) -> Audience? {
        node.object { o in
            let range = o.optional("ageRange")
            let levels = o.optional("schoolLevels")
            switch (range, levels) {
            case (let range?, nil):
                return range.object { r in
                    let min = r.required("min")?.nonNegativeInt()
                    let maxNode = r.required("max")
                    let max = maxNode?.nonNegativeInt()
                    guard let min, let max else { return nil }
                    guard max >= min else { maxNode?.report("must not be less than min"); return nil }
                    return .ageRange(min: min, max: max)
                }
            case (nil, let levels?):
                guard let list = levels.array({ $0.oneOf(SchoolLevel.self) }) else { return nil }
                guard !list.isEmpty else { levels.report("must name at least one level"); return nil }
                return .schoolLevels(list)
            default:
                o.node.report("must have exactly one of ageRange, schoolLevels")
                return nil
            }
        }
    }
}

extension ActivitySchedule {
    static func decode(_ node: ConfigNode) -> ActivitySchedule? {
        node.object { o in
            let wednesdays = o.optional("schoolTermWednesdays").map { $0.bool() } ?? false
            let holidays = o.optional("schoolHolidayWeekdays").map { holidayNode in
                holidayNode.object { h in
                    h.optional("exceptHolidays").map { $0.array { $0.oneOf(SchoolHolidayKind.self) } } ?? []
                }.map(HolidayWeekdays.init(exceptHolidays:))
            }
            let schoolDays = o.optional("schoolDays").map { $0.bool() } ?? false
            let dates = o.optional("dates").map { $0.array { $0.date() } } ?? []
            guard let wednesdays, let schoolDays, let dates else { return nil }
            if let holidays, holidays == nil { return nil }
            let schedule = ActivitySchedule(schoolTermWednesdays: wednesdays, schoolHolidayWeekdays: holidays ?? nil,
                                            schoolDays: schoolDays, dates: dates)
            guard schedule.schoolTermWednesdays || schedule.schoolHolidayWeekdays != nil || schedule.schoolDays
                    || !schedule.dates.isEmpty else {
                o.node.report("must name at least one kind of day")
                return nil
            }
            return schedule
        }
    }
}

extension UnitExclusion {
    static func decode(_ node: ConfigNode, units: [String]?) -> UnitExclusion? {
        node.object { o in
            let unit = o.required("unit").flatMap { decodeUnitReference($0, units: units) }
            let excludes = o.required("excludes")?.array { decodeUnitReference($0, units: units) }
            guard let unit, let excludes else { return nil }
            guard !excludes.isEmpty else { o.required("excludes")?.report("must name at least one unit"); return nil }
            return UnitExclusion(unit: unit, excludes: excludes)
        }
    }
}

/// A unit code that must name one of the activity's units (skipped when the units themselves failed).
func decodeUnitReference(_ node: ConfigNode, units: [String]?) -> String? {
    guard let code = node.string() else { return nil }
    if let units, !units.contains(code) { node.report("unknown unit \"\(code)\""); return nil }
    return code
}

extension DaySupplement {
    static func decode(_ node: ConfigNode, units: [String]?) -> DaySupplement? {
        node.object { o in
            let date = o.required("date")?.date()
            let label = o.required("label")?.nonEmptyString()
            let amount = o.required("amountCents")?.cents()
            let billed = o.optional("units").map { $0.array { decodeUnitReference($0, units: units) } } ?? units
            let closed = o.optional("closedUnits").map { $0.array { decodeUnitReference($0, units: units) } } ?? []
            guard let date, let label, let amount, let billed, let closed else { return nil }
            return DaySupplement(date: date, label: label, amount: Money(cents: amount),
                                 units: billed.filter { !closed.contains($0) }, closedUnits: closed)
        }
    }
}

extension PriceTable {
    static func decode(_ node: ConfigNode) -> PriceTable? {
        guard let elements = node.array() else { return nil }
        guard !elements.isEmpty else { node.report("must have at least one bracket"); return nil }
        let decoded = elements.map(PriceBracket.decode)
        guard !decoded.contains(where: { $0 == nil }) else { return nil }
        let brackets = decoded.map { $0! }
        var valid = true
        if brackets[0].minQuotient != 0 {
            elements[0].child("minQuotient", .null).report("the first bracket must start at 0"); valid = false
        }
        for index in brackets.indices.dropFirst() {
            let previous = brackets[index - 1], current = brackets[index]
            guard let previousMax = previous.maxQuotient else {
                elements[index - 1].child("maxQuotient", .null).report("only the last bracket may omit maxQuotient"); valid = false
                continue
            }
            if current.minQuotient <= previousMax {
                elements[index].child("minQuotient", .null).report("overlaps bracket [\(index - 1)]"); valid = false
            } else if current.minQuotient > previousMax + 1 {
                elements[index].child("minQuotient", .null)
                    .report("leaves quotients \(previousMax + 1)-\(current.minQuotient - 1) without a price"); valid = false
            }
        }
        if let last = brackets.last?.maxQuotient {
            elements[elements.count - 1].child("maxQuotient", .null)
                .report("the last bracket must omit maxQuotient (quotients above \(last) need a price)"); valid = false
        }
        return valid ? PriceTable(brackets: brackets) : nil
    }
}

extension PriceBracket {
    static func decode(_ node: ConfigNode) -> PriceBracket? {
        node.object { o in
            let min = o.required("minQuotient")?.nonNegativeInt()
            let maxNode = o.optional("maxQuotient")
            let max = maxNode?.nonNegativeInt()
            let single = o.optional("cents")?.cents()
            let resident = o.optional("residentCents")?.cents()
            let nonResident = o.optional("nonResidentCents")?.cents()
            guard let min else { return nil }
            if maxNode != nil, max == nil { return nil }
            if let max, max < min { maxNode?.report("must not be less than minQuotient"); return nil }
            switch (o.has("cents"), o.has("residentCents"), o.has("nonResidentCents")) {
            case (true, false, false):
                guard let single else { return nil }
                return PriceBracket(minQuotient: min, maxQuotient: max, resident: Money(cents: single), nonResident: Money(cents: single))
            case (false, true, true):
                guard let resident, let nonResident else { return nil }
                return PriceBracket(minQuotient: min, maxQuotient: max, resident: Money(cents: resident), nonResident: Money(cents: nonResident))
            default:
                o.node.report("must have either cents, or residentCents and nonResidentCents")
                return nil
            }
        }
    }
}
