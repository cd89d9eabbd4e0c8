extension BookingPolicy {
    static func decode(_ node: ConfigNode, schedule: ActivitySchedule?) -> BookingPolicy? {
        node.object { o in
            let defaultPeriod: BookingPeriod = schedule?.schoolHolidayWeekdays != nil ? .schoolPeriod : .month
            let opening = o.optional("opens").flatMap { OpeningRule.decode($0, defaultPeriod: defaultPeriod) }
            let deadline = o.optional("deadline").flatMap(DeadlineRule.decode)
            let cancellation = o.optional("cancellationDeadline").flatMap(DeadlineRule.decode)
            let windows = o.optional("windows").map { $0.array(BookingWindow.decode) } ?? []
            guard let windows else { return nil }
            if o.has("opens"), opening == nil { return nil }
            if o.has("deadline"), deadline == nil { return nil }
            if o.has("cancellationDeadline"), cancellation == nil { return nil }
            var seen: Set<String> = []
            for (index, window) in windows.enumerated() where !seen.insert("\(window.period.rawValue) \(window.schoolYear)").inserted {
                o.optional("windows")?.array()?[index].report("duplicate window for \(window.period.rawValue) \(window.schoolYear)")
                return nil
            }
            // Windows only cover school holidays: any other day needs a deadline.
            if deadline == nil, let schedule {
                let onlyHolidays = !schedule.schoolTermWednesdays && !schedule.schoolDays && schedule.dates.isEmpty
                if windows.isEmpty || !onlyHolidays {
                    o.node.child("deadline", .null).report(windows.isEmpty
                        ? "is required unless windows are given"
                        : "is required: windows only cover school holidays and the activity runs on other days")
                    return nil
                }
            }
            return BookingPolicy(opening: opening, bookingDeadline: deadline, cancellationDeadline: cancellation, windows: windows)
        }
    }
}

extension OpeningRule {
    static func decode(_ node: ConfigNode, defaultPeriod: BookingPeriod) -> OpeningRule? {
        node.object { o in
            let period = o.optional("period").map { $0.oneOf(BookingPeriod.self) } ?? defaultPeriod
            let resident = o.required("residentDaysBefore")?.nonNegativeInt()
            let nonResident = o.required("nonResidentDaysBefore")?.nonNegativeInt()
            guard let period, let resident, let nonResident else { return nil }
            return OpeningRule(period: period, residentDaysBefore: resident, nonResidentDaysBefore: nonResident)
        }
    }
}

extension DeadlineRule {
    static func decode(_ node: ConfigNode) -> DeadlineRule? {
        node.object { o in
            let calendarDays = o.optional("calendarDaysBefore").map { $0.nonNegativeInt() }
            let workingDays = o.optional("workingDaysBefore").map { $0.positiveInt() }
            let cutoffNode = o.optional("monthlyCutoffDay")
            let cutoff = cutoffNode.map { node -> Int? in
                guard case .number(let text) = node.value, let day = Int(text), (1...28).contains(day) else {
                    node.report("must be a day between 1 and 28"); return nil
                }
                return day
            }
            let time = o.optional("time").map { $0.time() }
            let late = o.optional("late").map(LatePolicy.decode) ?? .refuse
            let kinds: [DeadlineKind?] = [
                calendarDays.map { $0.map(DeadlineKind.calendarDaysBefore) },
                workingDays.map { $0.map(DeadlineKind.workingDaysBefore) },
                cutoff.map { $0.map { DeadlineKind.monthlyCutoff(day: $0) } },
            ].compactMap { $0 }
            guard kinds.count == 1 else {
                o.node.report("must have exactly one of calendarDaysBefore, workingDaysBefore, monthlyCutoffDay")
                return nil
            }
            guard let kind = kinds[0], let late else { return nil }
            if let time, time == nil { return nil }
            return DeadlineRule(kind: kind, time: time ?? nil, late: late)
        }
    }
}

extension LatePolicy {
    private enum Name: String, CaseIterable { case refuse, request, surcharge }

    static func decode(_ node: ConfigNode) -> LatePolicy? {
        node.object { o in
            let name = o.required("policy")?.oneOf(Name.self)
            let fixed = o.optional("fixedCents")?.cents()
            let plus = o.optional("unitPricePlusCents")?.cents()
            guard let name else { return nil }
            let surcharge: Surcharge?
            switch (o.has("fixedCents"), o.has("unitPricePlusCents")) {
            case (false, false): surcharge = nil
            case (true, false): guard let fixed else { return nil }; surcharge = .fixed(Money(cents: fixed))
            case (false, true): guard let plus else { return nil }; surcharge = .unitPricePlus(Money(cents: plus))
            case (true, true):
                o.node.report("must not have both fixedCents and unitPricePlusCents"); return nil
            }
            switch name {
            case .refuse:
                guard surcharge == nil else { o.node.report("a refused late action carries no surcharge"); return nil }
                return .refuse
            case .request:
                return .request(surcharge: surcharge)
            case .surcharge:
                guard let surcharge else { o.node.report("must have fixedCents or unitPricePlusCents"); return nil }
                return .surcharge(surcharge)
            }
        }
    }
}

extension BookingWindow {
    static func decode(_ node: ConfigNode) -> BookingWindow? {
        node.object { o in
            let period = o.required("period")?.oneOf(SchoolHolidayKind.self)
            let yearNode = o.required("schoolYear")
            let year = yearNode?.string()
            let from = o.optional("from").map { $0.date() }
            let toNode = o.required("to")
            let to = toNode?.date()
            guard let period, let year, let to else { return nil }
            if let from, from == nil { return nil }
            let covered = FrenchCalendar.coveredSchoolYears
            guard covered.contains(year) else {
                yearNode?.report("must be one of the school years in the calendar: \(covered.joined(separator: ", "))")
                return nil
            }
            if let start = from ?? nil, to < start { toNode?.report("must not be before from"); return nil }
            return BookingWindow(period: period, schoolYear: year, from: from ?? nil, to: to)
        }
    }
}
