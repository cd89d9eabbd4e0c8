import Foundation
/// PayFiP, the DGFiP's online payment for public bodies. The portal sends the family to the
/// payment page with the payment's parameters; PayFiP then calls `urlnotif` server-to-server
/// with the result and sends the family back to `urlredirect`. Only the notification records
/// a result: the family's return may come first, later, or never.
public enum PayFiP {
    /// The parameters of one payment, in PayFiP's names.
    public struct PaymentRequest: Sendable, Equatable {
        public let numcli: String
        /// The accounting year of the debt.
        public let exer: Int
        /// Our reference of this attempt, unique per town: PayFiP sends it back.
        public let refdet: String
        /// In cents.
        public let montant: Int
        public let mel: String
        public let objet: String
        public let saisie: PaymentConfig.Saisie
        public let urlnotif: String
        public let urlredirect: String

        public init(numcli: String, exer: Int, refdet: String, montant: Int, mel: String, objet: String,
                    saisie: PaymentConfig.Saisie, urlnotif: String, urlredirect: String) {
            self.numcli = numcli
            self.exer = exer
            self.refdet = refdet
            self.montant = montant
            self.mel = mel
            self.objet = objet
            self.saisie = saisie
            self.urlnotif = urlnotif
            self.urlredirect = urlredirect
        }

        public var parameters: [(name: String, value: String)] {
            [("numcli", numcli), ("exer", String(exer)), ("refdet", refdet), ("montant", String(montant)), ("mel", mel),
             ("objet", objet), ("saisie", saisie.rawValue), ("urlnotif", urlnotif), ("urlredirect", urlredirect)]
        }

        /// Where the family is sent.
        public func url(base: String) -> String {
            base + "?" + parameters.map { "\($0.name)=\(PayFiP.percentEncoded($0.value))" }.joined(separator: "&")
        }
    }

    /// `refdet` of an attempt: the invoice number's digits and the attempt's rank (`2026000123P02`),
    /// alphanumeric as PayFiP requires.
    public static func refdet(invoice: InvoiceNumber, attempt: Int) -> String {
        "\(invoice.description.replacingOccurrences(of: "-", with: ""))P\(attempt < 10 ? "0" : "")\(attempt)"
    }

    /// PayFiP's `objet` takes letters, digits and spaces only: accents are dropped, the rest becomes a space.
    public static func objet(_ text: String) -> String {
        let plain = text.applyingTransformLatinToASCII
        return String(String(plain.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : " " }).prefix(100))
    }

    /// `resultrans`: P or V paid, R or Z refused, A abandoned.
    public enum Result: Sendable, Equatable {
        case paid, refused, abandoned

        public init?(resultrans: String) {
            switch resultrans {
            case "P", "V": self = .paid
            case "R", "Z": self = .refused
            case "A": self = .abandoned
            default: return nil
            }
        }
    }

    /// What PayFiP posts to `urlnotif`.
    public struct Notification: Sendable, Equatable {
        public let numcli: String
        public let exer: String
        public let refdet: String
        public let montant: String
        public let resultrans: String
        /// Authorisation number of the card payment, when paid.
        public let numauto: String
        /// `ddMMyyyy` and `HHmm` of the transaction.
        public let dattrans: String
        public let heurtrans: String

        public init(numcli: String, exer: String, refdet: String, montant: String, resultrans: String,
                    numauto: String = "", dattrans: String = "", heurtrans: String = "") {
            self.numcli = numcli
            self.exer = exer
            self.refdet = refdet
            self.montant = montant
            self.resultrans = resultrans
            self.numauto = numauto
            self.dattrans = dattrans
            self.heurtrans = heurtrans
        }

        public init?(value: (String) -> String?) {
            guard let numcli = value("numcli"), let exer = value("exer"), let refdet = value("refdet"),
                  let montant = value("montant"), let resultrans = value("resultrans") else { return nil }
            self.init(numcli: numcli, exer: exer, refdet: refdet, montant: montant, resultrans: resultrans,
                      numauto: value("numauto") ?? "", dattrans: value("dattrans") ?? "", heurtrans: value("heurtrans") ?? "")
        }

        public var parameters: [(name: String, value: String)] {
            [("numcli", numcli), ("exer", exer), ("refdet", refdet), ("montant", montant), ("resultrans", resultrans),
             ("numauto", numauto), ("dattrans", dattrans), ("heurtrans", heurtrans)]
        }
    }

    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }
}

extension String {
    /// « Facture é » → « Facture e »: the Latin letters PayFiP's fields accept.
    var applyingTransformLatinToASCII: String {
        let map: [Character: String] = ["à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
                                        "î": "i", "ï": "i", "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y",
                                        "œ": "oe", "æ": "ae", "À": "A", "Â": "A", "Ç": "C", "É": "E", "È": "E", "Ê": "E",
                                        "Î": "I", "Ô": "O", "Ù": "U", "Û": "U", "Œ": "OE"]
        return self.map { map[$0] ?? String($0) }.joined()
    }
}
