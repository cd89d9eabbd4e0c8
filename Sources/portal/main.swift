import Foundation

// The `portal` command: thin, every decision is made in the modules it calls.
let arguments = Array(CommandLine.arguments.dropFirst())
exit(CommandLineInterface.run(arguments))
