import Foundation
import SportelloCLI

// The executable only hands its command line to the library.
exit(Sportello.main(Array(CommandLine.arguments.dropFirst())))
