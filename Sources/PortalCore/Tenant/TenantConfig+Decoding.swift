extension TenantConfig {
    /// Decodes a whole tenant file, reporting every problem it can find.
    /// `fileID` is the file name without `.json`, which `id` must equal.
    static func decode(_ root: ConfigNode, fileID: String?) -> TenantConfig? {
        root.object { o in
            let id = o.required("id").flatMap { $0.identifier(extra: "-", maxTail: 40) }
            if let id, let fileID, id != fileID, let node = o.optional("id") {
                node.report("must equal the file name \"\(fileID)\"")
            }
            let name = o.required("name")?.nonEmptyString()
            let shortName = o.required("shortName")?.nonEmptyString()
            let schema = o.required("schema")?.identifier(extra: "_", maxTail: 62)
            let hosts = o.required("hosts").flatMap(TenantHosts.decode)
            let databaseCluster = o.optional("databaseCluster")?.nonEmptyString()
            let branding = o.required("branding").flatMap(Branding.decode)
            let contact = o.required("contact").flatMap(Contact.decode)
            let tabs = o.required("tabs").flatMap(decodeTabs)
            let legal = o.required("legal").flatMap(Legal.decode)
            let passwordPolicy = o.optional("passwordPolicy").map(PasswordPolicy.decode) ?? PasswordPolicy()
            let schoolZone = o.required("schoolZone")?.oneOf(SchoolZone.self)
            let closures = o.optional("closures").map { $0.array(Closure.decode) } ?? []
            let registration = o.required("registration").flatMap(RegistrationPolicy.decode)
            let residency = o.optional("residency").flatMap(ResidencyPolicy.decode)
            let activities = o.required("activities").flatMap { Activity.decodeList($0, schoolZone: schoolZone, closures: closures ?? []) }
            let messaging = o.required("messaging").flatMap(MessagingConfig.decode)
            let note = o.optional("note")?.nonEmptyString()
            let invoicing = o.optional("invoicing").map(InvoicingPolicy.decode) ?? .standard
            let payment = o.optional("payment").flatMap(PaymentConfig.decode)
            guard let id, let name, let shortName, let schema, let hosts, let branding, let contact, let tabs,
                  let legal, let passwordPolicy, let schoolZone, let closures, let registration, let activities,
                  let messaging else { return nil }
            if o.has("databaseCluster"), databaseCluster == nil { return nil }
            if o.has("residency"), residency == nil { return nil }
            guard let invoicing else { return nil }
            if o.has("payment"), payment == nil { return nil }
            var config = TenantConfig(id: id, name: name, shortName: shortName, schema: schema, hosts: hosts,
                                databaseCluster: databaseCluster, branding: branding, contact: contact, tabs: tabs,
                                legal: legal, passwordPolicy: passwordPolicy, schoolZone: schoolZone,
                                closures: closures, registration: registration, residency: residency,
                                activities: activities, messaging: messaging, note: note)
            config.invoicing = invoicing
            config.payment = payment
            return config
        }
    }

    private static func decodeTabs(_ node: ConfigNode) -> [PortalTab]? {
        guard let nodes = node.array() else { return nil }
        guard !nodes.isEmpty else { node.report("must name at least one tab"); return nil }
        var seen: Set<PortalTab> = []
        let tabs = nodes.map { element -> PortalTab? in
            guard case .string(let text) = element.value, let tab = PortalTab(rawValue: text) else {
                element.report("must be one of \(PortalTab.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            guard seen.insert(tab).inserted else { element.report("duplicate tab \"\(text)\""); return nil }
            return tab
        }
        return tabs.contains { $0 == nil } ? nil : tabs.map { $0! }
    }
}

extension TenantHosts {
    static func decode(_ node: ConfigNode) -> TenantHosts? {
        node.object { o in
            let subdomainNode = o.required("subdomain")
            var subdomain = subdomainNode?.identifier(extra: "-", maxTail: 62)
            if let name = subdomain, TenantHosts.reservedSubdomains.contains(name) {
                subdomainNode?.report("is reserved for the platform (\(TenantHosts.reservedSubdomains.sorted().joined(separator: ", ")))")
                subdomain = nil
            }
            let extraDomains = o.optional("extraDomains").map { $0.array(decodeDomain) } ?? []
            guard let subdomain, let extraDomains else { return nil }
            return TenantHosts(subdomain: subdomain, extraDomains: extraDomains)
        }
    }

    /// Lower-case DNS name with at least two labels; the Host header is compared to it as is.
    static func decodeDomain(_ node: ConfigNode) -> String? {
        guard let text = node.string() else { return nil }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = text.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard valid else { node.report("must be a lower-case domain name"); return nil }
        return text
    }
}

extension Branding {
    static func decode(_ node: ConfigNode) -> Branding? {
        node.object { o in
            let primary = o.required("primaryColor").flatMap(decodeColor)
            let accent = o.required("accentColor").flatMap(decodeColor)
            let title = o.required("portalTitle")?.nonEmptyString()
            let service = o.required("serviceName")?.nonEmptyString()
            guard let primary, let accent, let title, let service else { return nil }
            return Branding(primaryColor: primary, accentColor: accent, portalTitle: title, serviceName: service)
        }
    }

    static func decodeColor(_ node: ConfigNode) -> String? {
        guard case .string(let text) = node.value, text.count == 7, text.first == "#",
              text.dropFirst().allSatisfy(\.isHexDigit) else {
            node.report("must be a colour #RRGGBB"); return nil
        }
        return text
    }
}

extension OpeningHours {
    static func decode(_ node: ConfigNode) -> OpeningHours? {
        node.object { o in
            let days = o.required("days")?.nonEmptyString()
            let hours = o.required("hours")?.nonEmptyString()
            guard let days, let hours else { return nil }
            return OpeningHours(days: days, hours: hours)
        }
    }
}

extension Desk {
    static func decode(_ node: ConfigNode) -> Desk? {
        node.object { o in
            let name = o.required("name")?.nonEmptyString()
            let address = o.required("address")?.array { $0.nonEmptyString() }
            let hours = o.required("hours")?.array(OpeningHours.decode)
            let email = o.optional("email").flatMap(Contact.decodeEmail)
            let phone = o.optional("phone")?.nonEmptyString()
            guard let name, let address, let hours else { return nil }
            if o.has("email"), email == nil { return nil }
            if o.has("phone"), phone == nil { return nil }
            return Desk(name: name, address: address, hours: hours, email: email, phone: phone)
        }
    }
}

extension Contact {
    static func decode(_ node: ConfigNode) -> Contact? {
        node.object { o in
            let service = o.required("service")?.nonEmptyString()
            let email = o.required("email").flatMap(decodeEmail)
            let phone = o.optional("phone")?.nonEmptyString()
            let address = o.required("address")?.array { $0.nonEmptyString() }
            let hours = o.optional("hours").map { $0.array(OpeningHours.decode) } ?? []
            let desks = o.optional("desks").map { $0.array(Desk.decode) } ?? []
            guard let service, let email, let address, let hours, let desks else { return nil }
            if o.has("phone"), phone == nil { return nil }
            return Contact(service: service, email: email, phone: phone, address: address, hours: hours, desks: desks)
        }
    }

    /// A deliberately plain check (one `@`, a dotted domain, no spaces): enough to catch typos.
    static func decodeEmail(_ node: ConfigNode) -> String? {
        guard case .string(let text) = node.value else { node.report("must be an e-mail address"); return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
        guard valid else { node.report("must be an e-mail address"); return nil }
        return text
    }
}

extension Legal {
    static func decode(_ node: ConfigNode) -> Legal? {
        node.object { o in
            let title = o.required("termsTitle")?.nonEmptyString()
            let terms = o.required("termsParagraphs")?.array { $0.nonEmptyString() }
            let privacy = o.required("privacyParagraphs")?.array { $0.nonEmptyString() }
            guard let title, let terms, let privacy else { return nil }
            return Legal(termsTitle: title, termsParagraphs: terms, privacyParagraphs: privacy)
        }
    }
}

extension PasswordPolicy {
    static func decode(_ node: ConfigNode) -> PasswordPolicy? {
        node.object { o in
            let defaults = PasswordPolicy()
            let bits = o.optional("minEntropyBits").map { $0.positiveInt() } ?? defaults.minEntropyBits
            let length = o.optional("minLength").map { $0.positiveInt() } ?? defaults.minLength
            let classes = o.optional("requiredClasses").map { $0.array { $0.oneOf(CharacterClass.self) } } ?? []
            guard let bits, let length, let classes else { return nil }
            return PasswordPolicy(minEntropyBits: bits, minLength: length, requiredClasses: classes)
        }
    }
}

extension Closure {
    static func decode(_ node: ConfigNode) -> Closure? {
        node.object { o in
            let from = o.required("from")?.date()
            let to = o.required("to")?.date()
            let label = o.required("label")?.nonEmptyString()
            guard let from, let to, let label else { return nil }
            guard to >= from else { o.required("to")?.report("must not be before from"); return nil }
            return Closure(from: from, to: to, label: label)
        }
    }
}

extension RegistrationPolicy {
    static func decode(_ node: ConfigNode) -> RegistrationPolicy? {
        node.object { o in
            let validity = o.required("validity")?.oneOf(Validity.self)
            let validation = o.required("validation")?.oneOf(Validation.self)
            guard let validity, let validation else { return nil }
            return RegistrationPolicy(validity: validity, validation: validation)
        }
    }
}

extension ResidencyPolicy {
    static func decode(_ node: ConfigNode) -> ResidencyPolicy? {
        node.object { o in
            o.required("label")?.nonEmptyString().map(ResidencyPolicy.init(label:))
        }
    }
}

extension MessagingConfig {
    static func decode(_ node: ConfigNode) -> MessagingConfig? {
        node.object { o in
            let services = o.required("services").flatMap(decodeServices)
            let themes = o.required("themes")?.array { $0.nonEmptyString() }
            let maxBytes = o.required("maxAttachmentBytes")?.positiveInt()
            guard let services, let themes, let maxBytes else { return nil }
            return MessagingConfig(services: services, themes: themes, maxAttachmentBytes: maxBytes)
        }
    }

    private static func decodeServices(_ node: ConfigNode) -> [MessagingService]? {
        var codes: Set<String> = []
        return node.array { element in
            element.object { o in
                let codeNode = o.required("code")
                let code = codeNode?.identifier(extra: "-", maxTail: 40)
                let label = o.required("label")?.nonEmptyString()
                guard let code, let label else { return nil }
                guard codes.insert(code).inserted else { codeNode?.report("duplicate service code \"\(code)\""); return nil }
                return MessagingService(code: code, label: label)
            }
        }
    }
}
