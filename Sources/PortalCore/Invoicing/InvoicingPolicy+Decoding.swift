extension InvoicingPolicy {
    static func decode(_ node: ConfigNode) -> InvoicingPolicy? {
        node.object { o in
            let defaults = InvoicingPolicy.standard
            let excused = o.optional("excusedAbsences").map { $0.oneOf(ExcusedAbsences.self) } ?? defaults.excusedAbsences
            let days = o.optional("paymentDays").map { $0.positiveInt() } ?? defaults.paymentDays
            let instructions = o.optional("instructions").map { $0.array { $0.nonEmptyString() } } ?? []
            guard let excused, let days, let instructions else { return nil }
            guard days <= 120 else { o.optional("paymentDays")?.report("must be at most 120 days"); return nil }
            return InvoicingPolicy(excusedAbsences: excused, paymentDays: days, instructions: instructions)
        }
    }
}

extension PaymentConfig {
    static func decode(_ node: ConfigNode) -> PaymentConfig? {
        node.object { o in
            let numcliNode = o.required("numcli")
            let numcli = numcliNode?.string()
            let saisie = o.required("saisie")?.oneOf(Saisie.self)
            let urlNode = o.required("baseURL")
            let url = urlNode?.string()
            let sources = o.optional("notificationSources").map { $0.array { $0.nonEmptyString() } } ?? []
            guard let numcli, let saisie, let url, let sources else { return nil }
            guard numcli.utf8.count == 6, numcli.utf8.allSatisfy({ (48...57).contains($0) }) else {
                numcliNode?.report("must be the 6-digit PayFiP client number"); return nil
            }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains("?"), !url.contains(where: \.isWhitespace) else {
                urlNode?.report("must be an http(s) URL without query"); return nil
            }
            return PaymentConfig(numcli: numcli, saisie: saisie, baseURL: url, notificationSources: sources)
        }
    }
}
