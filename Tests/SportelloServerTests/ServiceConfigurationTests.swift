import Foundation
import SportelloStore
import Testing

@testable import SportelloServer

@Suite struct ServiceConfigurationTests {
  @Test func defaultsAreADryRunOnLoopback() throws {
    let configuration = ServiceConfiguration()
    #expect(configuration.host == "127.0.0.1")
    #expect(configuration.port == 8080)
    #expect(configuration.rulesDirectory == "Rules")
    #expect(configuration.databasePath == ".sportello/sportello.db")
    #expect(configuration.isDryRun)
    try configuration.validate()
  }

  @Test func environmentFillsTheSecretsAndEmptyValuesCountAsUnset() {
    var configuration = ServiceConfiguration()
    configuration.apply(environment: [
      "WHATSAPP_VERIFY_TOKEN": "v", "WHATSAPP_APP_SECRET": "s", "WHATSAPP_ACCESS_TOKEN": "t",
      "WHATSAPP_PHONE_NUMBER_ID": "123", "WHATSAPP_GRAPH_URL": "http://127.0.0.1:9/",
      "SPORTELLO_API_TOKEN": "", "SPORTELLO_DB": "/tmp/x.db",
    ])
    #expect(configuration.verifyToken == "v")
    #expect(configuration.appSecret == "s")
    #expect(configuration.apiToken == nil)
    #expect(configuration.databasePath == "/tmp/x.db")
    #expect(configuration.graphURL.absoluteString == "http://127.0.0.1:9/")
    #expect(!configuration.isDryRun)
  }

  @Test(arguments: [("full", true), ("FULL", true), ("normal", false), ("off", false), ("", false)])
  func synchronousFullIsChosenFromTheEnvironment(value: String, isFull: Bool) throws {
    var configuration = ServiceConfiguration()
    configuration.apply(environment: ["SPORTELLO_SYNCHRONOUS": value])
    #expect(configuration.synchronousFull == isFull)
    #expect(configuration.summary["synchronous"] == (isFull ? "full" : "normal"))
    let folder = try TemporaryFolder()
    configuration.databasePath = folder.url.appendingPathComponent("s.db").path
    configuration.rulesDirectory = Samples.packageRoot.appendingPathComponent("Rules").path
    let service = try WebhookService(configuration: configuration, logger: .disabled)
    let store = try #require(service.store as? SQLiteDeskStore)
    #expect(try store.database.scalarInt("PRAGMA synchronous") == (isFull ? 2 : 1))
  }

  @Test func anAccessTokenWithoutAnAppSecretIsRefused() {
    var configuration = ServiceConfiguration()
    configuration.accessToken = "real-token"
    configuration.phoneNumberID = "123"
    #expect(throws: ServiceError.unsignedProduction) { try configuration.validate() }
  }

  @Test func theSummaryNeverHoldsASecret() {
    var configuration = ServiceConfiguration()
    configuration.apply(environment: [
      "WHATSAPP_VERIFY_TOKEN": "verify-secret", "WHATSAPP_APP_SECRET": "app-secret",
      "WHATSAPP_ACCESS_TOKEN": "access-secret", "SPORTELLO_API_TOKEN": "api-secret",
    ])
    let text = configuration.summary.values.joined(separator: " ")
    for secret in ["verify-secret", "app-secret", "access-secret", "api-secret"] {
      #expect(!text.contains(secret))
    }
    #expect(configuration.summary["app_secret"] == "set")
  }
}
