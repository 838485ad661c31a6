import Foundation

/// A fresh directory under the system's temporary folder, removed when released.
final class TemporaryDirectory: @unchecked Sendable {
  // Safe as @unchecked Sendable: `url` never changes after init.
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The path of a file in the directory.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
