import Foundation

/// Where the desk's database lives: `--db PATH`, else `SPORTELLO_DB`, else
/// `.sportello/sportello.db` under the working directory.
public enum DatabaseLocation {
  /// The default path, relative to the working directory.
  public static let defaultRelativePath = ".sportello/sportello.db"

  /// The environment variable that overrides the default.
  public static let environmentVariable = "SPORTELLO_DB"

  /// Resolves the database path and creates its directory when missing.
  ///
  /// - Parameters:
  ///   - option: The value of `--db`, if given; it wins over the environment.
  ///   - environment: The process environment.
  ///   - workingDirectory: The directory a relative default is resolved against.
  /// - Returns: The path to open.
  /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the directory cannot be created.
  public static func resolve(
    option: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    workingDirectory: String = FileManager.default.currentDirectoryPath
  ) throws -> String {
    let chosen = option ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    let path: String
    if let chosen {
      path = chosen
    } else {
      path = URL(fileURLWithPath: workingDirectory).appendingPathComponent(defaultRelativePath).path
    }
    if path == ":memory:" { return path }
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw StoreError.cannotOpen(path: path, reason: "cannot create '\(directory.path)'")
    }
    return path
  }
}
