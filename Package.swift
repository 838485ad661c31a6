// swift-tools-version:6.0
import PackageDescription

/// Sportello: the first-line answering desk of an Italian town hall.
///
/// One target per layer, each depending only on the layers below it:
/// text analysis, the rule engine, evaluation, storage, the desk (conversations),
/// HTTP, the webhook server, and the command line on top.
let package = Package(
  name: "Sportello",
  products: [
    .executable(name: "sportello", targets: ["sportello"]),
    .executable(name: "sportello-bench", targets: ["sportello-bench"]),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(name: "SportelloLogging"),
    .target(name: "SportelloText"),
    .target(name: "SportelloEngine", dependencies: ["SportelloText"]),
    .target(name: "SportelloEvaluation", dependencies: ["SportelloEngine"]),
    .target(name: "SportelloStore", dependencies: ["CSQLite"]),
    .target(
      name: "SportelloDesk",
      dependencies: ["SportelloEngine", "SportelloStore", "SportelloLogging"]
    ),
    .target(name: "SportelloHTTP", dependencies: ["SportelloLogging"]),
    .target(
      name: "SportelloServer",
      dependencies: ["SportelloDesk", "SportelloHTTP", "SportelloLogging"]
    ),
    .target(
      name: "SportelloCLI",
      dependencies: [
        "SportelloText", "SportelloEngine", "SportelloEvaluation", "SportelloStore",
        "SportelloDesk", "SportelloHTTP", "SportelloServer", "SportelloLogging",
      ]
    ),
    .executableTarget(name: "sportello", dependencies: ["SportelloCLI"]),
    .executableTarget(
      name: "sportello-bench",
      dependencies: [
        "SportelloText", "SportelloEngine", "SportelloEvaluation", "SportelloStore",
        "SportelloDesk", "SportelloHTTP", "SportelloServer", "SportelloLogging",
      ]
    ),
    .testTarget(
      name: "SportelloTextTests",
      dependencies: ["SportelloText"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "SportelloEngineTests",
      dependencies: ["SportelloEngine"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "SportelloEvaluationTests", dependencies: ["SportelloEvaluation", "SportelloEngine"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "SportelloStoreTests", dependencies: ["SportelloStore"]),
    .testTarget(name: "SportelloDeskTests", dependencies: ["SportelloDesk", "SportelloStore"]),
    .testTarget(name: "SportelloHTTPTests", dependencies: ["SportelloHTTP"]),
    .testTarget(
      name: "SportelloServerTests",
      dependencies: ["SportelloServer", "SportelloHTTP", "SportelloDesk", "SportelloStore"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "SportelloCLITests", dependencies: ["SportelloCLI", "sportello"]),
  ]
)
