extension BookingPolicy {
    static func decode(_ node: ConfigNode, schedule: ActivitySchedule?) -> BookingPolicy? {
        node.object { o in
            let defaultPeriod: BookingPeriod = schedule?.schoolHolidayWeekdays != nil ? .schoolPeriod : .month
            let opening = o.optional("opens").flatMap { OpeningRule.decode($0, defaultPeriod: defaultPeriod) }
            let deadline = o.optional("deadline").flatMap(DeadlineRule.decode)
            let cancellation = o.optional("cancellationDeadline").flatMap(DeadlineRule.decode)
            let absence = o.optional("absenceDeadline").flatMap(DeadlineRule.decodeAbsence)
            let windows = o.optional("windows").map { $0.array(BookingWindow.decode) } ?? []
            guard let windows else { return nil }
            let atOpening = o.optional("atOpening").map { OpeningAllocation.decode($0, hasOpeningRule: opening != nil, windows: windows) }
            if o.has("opens"), opening == nil { return nil }
            guard let atOpening = atOpening ?? .firstCome else { return nil }
            if o.has("deadline"), deadline == nil { return nil }
            if o.has("cancellationDeadline"), cancellation == nil { return nil }
            if o.has("absenceDeadline"), absence == nil { return nil }
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
            return BookingPolicy(opening: opening, bookingDeadline: deadline, cancellationDeadline: cancellation, windows: windows,
                                 absenceDeadline: absence, atOpening: atOpening)
        }
    }
}

extension OpeningAllocation {
    private enum Mode: String, CaseIterable {
        case firstCome = "first-come"
        case draw
    }

    /// A week: past that, families would wait too long to know whether they have a place.
    static let longestWindowMinutes = 7 * 24 * 60

    /// A draw needs an instant to count its minutes from: the opening rule, or the `from` of
    /// the holiday windows it covers.
    static func decode(_ node: ConfigNode, hasOpeningRule: Bool, windows: [BookingWindow]) -> OpeningAllocation? {
        node.object { o in
            guard let mode = o.required("mode")?.oneOf(Mode.self) else { return nil }
            let drawKeys = ["periods", "windowMinutes", "priorities", "publish"]
            guard mode == .draw else {
                for key in drawKeys { o.optional(key)?.report("only applies to mode draw") }
                return drawKeys.contains(where: o.has) ? nil : .firstCome
            }
            let periods = o.optional("periods").map { $0.array { $0.oneOf(SchoolHolidayKind.self) } }
            let minutesNode = o.required("windowMinutes")
            let minutes = minutesNode?.positiveInt()
            let prioritiesNode = o.optional("priorities")
            let priorities = prioritiesNode.map { $0.array { $0.oneOf(DrawPriority.self) } } ?? []
            let publication = o.optional("publish").map { $0.oneOf(DrawPublication.self) } ?? .families
            guard let minutes, let priorities, let publication else { return nil }
            if let periods, periods == nil { return nil }
            if let periods = periods ?? nil, periods.isEmpty { o.optional("periods")?.report("must not be empty (leave it out to draw every period)"); return nil }
            if minutes > longestWindowMinutes {
                minutesNode?.report("must be at most \(longestWindowMinutes) (one week)"); return nil
            }
            if Set(priorities).count != priorities.count { prioritiesNode?.report("must not repeat a priority"); return nil }
            let drawn = periods ?? nil
            if !hasOpeningRule {
                let opened = Set(windows.filter { $0.from != nil }.map(\.period))
                let unopened = (drawn ?? windows.map(\.period)).filter { !opened.contains($0) }
                if windows.isEmpty || !unopened.isEmpty {
                    o.node.report(windows.isEmpty
                        ? "a draw needs an opening instant: give booking.opens or windows with a from date"
                        : "a draw needs an opening instant: the windows of \(Array(Set(unopened.map(\.rawValue))).sorted().joined(separator: ", ")) have no from date (list the drawn holidays in periods)")
                    return nil
                }
            }
            return .draw(OpeningDraw(periods: drawn, policy: DrawPolicy(windowMinutes: minutes, priorities: priorities), publication: publication))
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

extension DeadlineRule {
    /// An absence late is refused or recorded as a late absence; no one is asked to accept it.
    static func decodeAbsence(_ node: ConfigNode) -> DeadlineRule? {
        guard let rule = decode(node) else { return nil }
        if case .request = rule.late {
            node.child("late", .null).report("must be refuse or surcharge: a late absence is not sent to staff")
            return nil
        }
        return rule
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
