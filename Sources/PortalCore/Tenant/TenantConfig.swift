/// Everything that makes one collectivité's portal its own, read from `tenants/<id>.json`.
/// Towns differ only here, never in code (DOMAIN.md, "What every town differs in").
public struct TenantConfig: Sendable, Equatable {
    /// Equals the file name without `.json`; matches `^[a-z][a-z0-9-]{0,40}$`.
    public var id: String
    /// « Communauté de communes des Pays de Cayres et de Pradelles »
    public var name: String
    /// « Cayres-Pradelles »
    public var shortName: String
    /// PostgreSQL schema holding the town's rows; `^[a-z][a-z0-9_]{0,62}$`, unique across tenants.
    public var schema: String
    public var hosts: TenantHosts
    /// Name of a PostgreSQL cluster from the server configuration; nil means the default one.
    public var databaseCluster: String?
    public var branding: Branding
    public var contact: Contact
    /// Enabled family tabs, in display order.
    public var tabs: [PortalTab]
    public var legal: Legal
    public var passwordPolicy: PasswordPolicy
    public var schoolZone: SchoolZone
    /// Days the town closes every activity (« fermeture de l'ALSH »).
    public var closures: [Closure]
    public var registration: RegistrationPolicy
    /// Present when prices or booking opening depend on living in the territory.
    public var residency: ResidencyPolicy?
    public var activities: [Activity]
    public var messaging: MessagingConfig
    /// Free text for operators (e.g. which seed a file illustrates); never shown to families.
    public var note: String?
    /// How the town bills; the file's `invoicing` block, defaults when absent.
    public var invoicing: InvoicingPolicy = .standard
    /// Online payment (PayFiP); nil: families pay at the desk only.
    public var payment: PaymentConfig?

    public init(id: String, name: String, shortName: String, schema: String, hosts: TenantHosts,
                databaseCluster: String?, branding: Branding, contact: Contact, tabs: [PortalTab], legal: Legal,
                passwordPolicy: PasswordPolicy, schoolZone: SchoolZone, closures: [Closure],
                registration: RegistrationPolicy, residency: ResidencyPolicy?, activities: [Activity],
                messaging: MessagingConfig, note: String?) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.schema = schema
        self.hosts = hosts
        self.databaseCluster = databaseCluster
        self.branding = branding
        self.contact = contact
        self.tabs = tabs
        self.legal = legal
        self.passwordPolicy = passwordPolicy
        self.schoolZone = schoolZone
        self.closures = closures
        self.registration = registration
        self.residency = residency
        self.activities = activities
        self.messaging = messaging
        self.note = note
    }

    public func activity(_ code: String) -> Activity? {
        activities.first { $0.code == code }
    }

    /// The closure covering `date`, if the town is closed that day.
    public func closure(on date: LocalDate) -> Closure? {
        closures.first { $0.contains(date) }
    }
}

public struct TenantHosts: Sendable, Equatable {
    /// Hosts the platform answers itself (the operator console); no town may take them.
    public static let operatorSubdomain = "operateur"
    public static let reservedSubdomains: Set<String> = [operatorSubdomain, "www"]

    /// Label under the platform's base domain: `cayres-pradelles` → `cayres-pradelles.<base>`.
    public var subdomain: String
    /// Whole domains that also serve this tenant (`portail-famille.example.fr`), lower case.
    public var extraDomains: [String]

    public init(subdomain: String, extraDomains: [String]) {
        self.subdomain = subdomain
        self.extraDomains = extraDomains
    }
}

public struct Branding: Sendable, Equatable {
    /// `#RRGGBB`
    public var primaryColor: String
    /// `#RRGGBB`
    public var accentColor: String
    /// « Portail Famille »
    public var portalTitle: String
    /// « ALSH Le Devès enchanté »
    public var serviceName: String

    public init(primaryColor: String, accentColor: String, portalTitle: String, serviceName: String) {
        self.primaryColor = primaryColor
        self.accentColor = accentColor
        self.portalTitle = portalTitle
        self.serviceName = serviceName
    }
}

public struct OpeningHours: Sendable, Equatable {
    /// « lundi, mardi, jeudi, vendredi »
    public var days: String
    /// « 9 h 30 – 16 h »
    public var hours: String

    public init(days: String, hours: String) {
        self.days = days
        self.hours = hours
    }
}

/// A place where families get help in person (France services desks in seed 000).
public struct Desk: Sendable, Equatable {
    public var name: String
    public var address: [String]
    public var hours: [OpeningHours]
    public var email: String?
    public var phone: String?

    public init(name: String, address: [String], hours: [OpeningHours], email: String?, phone: String?) {
        self.name = name
        self.address = address
        self.hours = hours
        self.email = email
        self.phone = phone
    }
}

public struct Contact: Sendable, Equatable {
    /// « Pôle enfance-jeunesse »
    public var service: String
    public var email: String
    public var phone: String?
    /// Postal address, one line per element.
    public var address: [String]
    /// When the phone is answered.
    public var hours: [OpeningHours]
    public var desks: [Desk]

    public init(service: String, email: String, phone: String?, address: [String], hours: [OpeningHours], desks: [Desk]) {
        self.service = service
        self.email = email
        self.phone = phone
        self.address = address
        self.hours = hours
        self.desks = desks
    }
}

public struct Legal: Sendable, Equatable {
    public var termsTitle: String
    public var termsParagraphs: [String]
    public var privacyParagraphs: [String]

    public init(termsTitle: String, termsParagraphs: [String], privacyParagraphs: [String]) {
        self.termsTitle = termsTitle
        self.termsParagraphs = termsParagraphs
        self.privacyParagraphs = privacyParagraphs
    }
}

public enum CharacterClass: String, Sendable, Equatable, CaseIterable {
    case lower, upper, digit, special
}

public struct PasswordPolicy: Sendable, Equatable {
    public var minEntropyBits: Int
    public var minLength: Int
    public var requiredClasses: [CharacterClass]

    public init(minEntropyBits: Int = 50, minLength: Int = 8, requiredClasses: [CharacterClass] = []) {
        self.minEntropyBits = minEntropyBits
        self.minLength = minLength
        self.requiredClasses = requiredClasses
    }
}

/// Days the town closes every activity, both ends included.
public struct Closure: Sendable, Equatable {
    public var from: LocalDate
    public var to: LocalDate
    /// « Fermeture annuelle de l'ALSH »
    public var label: String

    public init(from: LocalDate, to: LocalDate, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

public struct RegistrationPolicy: Sendable, Equatable {
    public enum Validity: String, Sendable, Equatable, CaseIterable {
        /// Renewed each January (seed 000).
        case calendarYear
        /// September to August (seed 004).
        case schoolYear
    }

    public enum Validation: String, Sendable, Equatable, CaseIterable {
        /// Staff accept or refuse each request (seed 001: « Demande en cours »).
        case manual
        /// Accepted at once (seed 004).
        case automatic
    }

    public var validity: Validity
    public var validation: Validation

    public init(validity: Validity, validation: Validation) {
        self.validity = validity
        self.validation = validation
    }
}

public struct ResidencyPolicy: Sendable, Equatable {
    /// How the portal names a resident: « résident de la communauté de communes ».
    public var label: String

    public init(label: String) { self.label = label }
}

public struct MessagingService: Sendable, Equatable {
    public var code: String
    /// « ALAE - Restauration »
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

public struct MessagingConfig: Sendable, Equatable {
    public var services: [MessagingService]
    /// « Informations », « Modifications », « Réclamations »
    public var themes: [String]
    public var maxAttachmentBytes: Int

    public init(services: [MessagingService], themes: [String], maxAttachmentBytes: Int) {
        self.services = services
        self.themes = themes
        self.maxAttachmentBytes = maxAttachmentBytes
    }
}
