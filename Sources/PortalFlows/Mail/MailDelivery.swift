import Foundation
import Glibc
import PortalStore
import Synchronization

/// Where a rendered message goes: a `sendmail`-compatible command in production, `.eml`
/// files in development. Throws when the message could not be handed over.
public protocol MailDelivery: Sendable {
    func deliver(_ message: String, id: Int64, recipient: String) throws
}

struct MailDeliveryError: Error, CustomStringConvertible {
    let description: String
}

/// Writes `<id>.eml` under the mail directory (created if missing), atomically, so the
/// development mailbox never lists a half-written file.
public struct DirectoryDelivery: MailDelivery {
    let directory: String

    public init(directory: String) { self.directory = directory }

    public func deliver(_ message: String, id: Int64, recipient: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = String(format: "%010lld.eml", id)
        try Data(message.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name), options: .atomic)
    }
}

/// Pipes the message to a sendmail-compatible command (`/usr/sbin/sendmail -t -i`: recipients
/// from the headers, a lone dot is not the end). A non-zero exit, a command that stops reading
/// before the end of the message, or one still running after `timeLimit` (killed then) is a failed
/// delivery: the row waits in the outbox, and a hung relay never holds the mail worker for good.
public struct SendmailDelivery: MailDelivery {
    let command: String
    var timeLimit: Duration = .seconds(60)

    public init(command: String, timeLimit: Duration = .seconds(60)) {
        self.command = command
        self.timeLimit = timeLimit
    }

    public func deliver(_ message: String, id: Int64, recipient: String) throws {
        let words = command.split(separator: " ").map(String.init)
        guard let executable = words.first else { throw MailDeliveryError(description: "PORTAL_SENDMAIL is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(words.dropFirst())
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        // Writing to a command that has exited raises SIGPIPE, which would end the whole server;
        // ignored, the broken pipe is an error of this delivery only.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        // Killing the command also unblocks a write into a pipe it no longer reads.
        let killed = Mutex(false)
        let watchdog = DispatchWorkItem {
            guard process.isRunning else { return }
            killed.withLock { $0 = true }
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeLimit.components.seconds * 1000)), execute: watchdog)
        let written = Result { try input.fileHandleForWriting.write(contentsOf: Data(message.replacingOccurrences(of: "\r\n", with: "\n").utf8)) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        watchdog.cancel()
        if killed.withLock({ $0 }) {
            throw MailDeliveryError(description: "\(executable) did not finish within \(timeLimit.components.seconds) s and was stopped")
        }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(500), as: UTF8.self)
            throw MailDeliveryError(description: "\(executable) exited with \(process.terminationStatus): \(text)")
        }
        if case .failure(let error) = written {
            throw MailDeliveryError(description: "\(executable) did not read the whole message: \(error)")
        }
    }
}
