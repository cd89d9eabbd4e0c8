public import Foundation
public import PortalCore

/// A file to store with a message: its detected format and a name safe in a header.
public struct NewAttachment: Sendable {
    public let fileName: String
    public let format: DocumentFormat
    public let bytes: [UInt8]

    public init(fileName: String, format: DocumentFormat, bytes: [UInt8]) {
        self.fileName = fileName
        self.format = format
        self.bytes = bytes
    }
}

public struct AttachmentInfo: Sendable, Equatable {
    public let id: Int64
    public let messageID: Int64
    public let fileName: String
    public let contentType: String
    public let size: Int
}

/// One conversation as lists show it; `unread` counts the other side's unopened messages.
public struct MessageThread: Sendable, Equatable {
    public let id: Int64
    public let accountID: Int64
    public let familyName: String
    public let familyEmail: String
    public let serviceCode: String
    public let theme: String
    public let subject: String
    public let status: ThreadStatus
    public let assignedStaffID: Int64?
    public let assignedName: String?
    public let awaitingReplySince: Date?
    public let createdAt: Date
    public let updatedAt: Date
    public let unread: Int
}

/// One of a family's threads as the staff's family page lists it.
public struct FamilyThreadSummary: Sendable, Equatable {
    public let id: Int64
    public let serviceCode: String
    public let subject: String
    public let status: ThreadStatus
    /// The family account that wrote (either guardian may have).
    public let accountName: String
    public let lastMessageAt: Date
    /// Open, and its last family message not answered yet.
    public let awaitingReply: Bool
}

public struct ThreadMessage: Sendable, Equatable {
    public let id: Int64
    public let author: MessageAuthor
    public let staffName: String?
    public let body: String
    public let createdAt: Date
    public let readAt: Date?
    public var attachments: [AttachmentInfo]
}

/// One line of « Messages reçus » or « Messages envoyés ».
public struct MessageListing: Sendable, Equatable {
    public let threadID: Int64
    public let messageID: Int64
    public let serviceCode: String
    public let subject: String
    public let createdAt: Date
    public let isUnread: Bool
    public let attachmentCount: Int
}

/// The counters of one service's inbox.
public struct ServiceInboxCounters: Sendable, Equatable {
    public let serviceCode: String
    public let openThreads: Int
    /// Family messages no staff member has opened.
    public let unreadMessages: Int
    /// Open threads whose last family message has no answer yet.
    public let awaitingReply: Int
    public let oldestAwaiting: Date?
}
