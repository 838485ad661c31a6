import Foundation
import Testing

@testable import SportelloHTTP

@Suite struct HTTPServerTests {
  private static func router(delay: Double = 0) -> Router {
    var router = Router()
    router.add("GET", "/hello") { _ in .text("hello\n") }
    router.add("POST", "/echo") { request in
      if delay > 0 { Thread.sleep(forTimeInterval: delay) }
      return HTTPResponse(status: 200, body: request.body)
    }
    return router
  }

  private static func start(
    _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(port: 0),
    delay: Double = 0
  ) throws -> HTTPServer {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, handler: router(delay: delay).handle)
    try server.start()
    return server
  }

  @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    for index in 0..<3 {
      client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n\(index)")
      let response = try client.receive()
      #expect(response.status == 200)
      #expect(response.text == "\(index)")
      #expect(response.header("Connection") == nil)
    }
  }

  @Test func pipelinedRequestsAreAnsweredInOrder() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\naGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    #expect(try client.receive().text == "a")
    #expect(try client.receive().text == "hello\n")
    let last = try client.receive()
    #expect(last.status == 404)
    #expect(last.header("Connection") == "close")
    #expect(client.isClosedByPeer())
  }

  @Test func chunkedBodyArrivesWhole() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
    client.send("2\r\nde\r\n0\r\n\r\n")
    #expect(try client.receive().text == "abcde")
  }

  @Test func expectContinueGetsAnInterimResponse() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
    #expect(try client.receive().status == 100)
    client.send("ok")
    #expect(try client.receive().text == "ok")
  }

  @Test func headGetsTheLengthButNoBody() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    var head = try client.receive()
    #expect(head.header("Content-Length") == "6")
    head.body = []
    // The next response starts right after the head: a body would have been read as it.
    #expect(try client.receive().text.isEmpty == false)
  }

  @Test func oversizeBodyGets413AndTheConnectionCloses() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n")
    #expect(try client.receive().status == 413)
    #expect(client.isClosedByPeer())
  }

  @Test func malformedRequestGets400AndTheServerStillServes() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("GARBAGE\r\n\r\n")
    #expect(try client.receive().status == 400)
    #expect(client.isClosedByPeer())
    let next = try TestClient(port: server.port)
    next.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(try next.receive().status == 200)
  }

  @Test func unknownMethodGets405() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("BREW /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(try client.receive().status == 405)
  }

  @Test func slowRequestTimesOutWith408() throws {
    let server = try Self.start(HTTPServerConfiguration(readTimeout: 0.5, idleTimeout: 5))
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
    Thread.sleep(forTimeInterval: 0.3)
    client.send("d")
    // Trickling bytes does not extend the deadline, which counts from the request's start.
    #expect(try client.receive().status == 408)
    #expect(client.isClosedByPeer())
  }

  @Test func idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws {
    let server = try Self.start(HTTPServerConfiguration(readTimeout: 5, idleTimeout: 0.4))
    defer { server.shutdown() }
    let client = try TestClient(port: server.port)
    client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(try client.receive().status == 200)
    let started = Date()
    #expect(client.isClosedByPeer())
    #expect(Date().timeIntervalSince(started) < 4)
  }

  @Test func floodBeyondTheQueueIsAnswered503AndServiceResumes() throws {
    let configuration = HTTPServerConfiguration(
      workerCount: 2, queueCapacity: 2, readTimeout: 5, idleTimeout: 5)
    let server = try Self.start(configuration)
    defer { server.shutdown() }
    // Two slow clients hold both workers; two more wait in the queue.
    var holders: [TestClient] = []
    for index in 0..<4 {
      let client = try TestClient(port: server.port)
      client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab")
      holders.append(client)
      if index == 1 { Thread.sleep(forTimeInterval: 0.2) }
    }
    Thread.sleep(forTimeInterval: 0.3)
    var refused = 0
    for _ in 0..<20 {
      let client = try TestClient(port: server.port)
      if let response = try? client.receive(), response.status == 503 { refused += 1 }
    }
    #expect(refused == 20)
    #expect(server.rejectedConnections == 20)
    for holder in holders { holder.send("cde") }
    for holder in holders { #expect(try holder.receive().text == "abcde") }
    holders.removeAll()
    let client = try TestClient(port: server.port)
    client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(try client.receive().status == 200)
  }

  @Test func randomBytesOnManyConnectionsNeverStopTheServer() throws {
    let server = try Self.start(HTTPServerConfiguration(readTimeout: 0.3))
    defer { server.shutdown() }
    for round in 0..<50 {
      let client = try TestClient(port: server.port)
      let bytes = (0..<(round * 37 % 5000)).map { _ in UInt8.random(in: 0...255) }
      client.send(bytes)
      _ = try? client.receive()
    }
    let client = try TestClient(port: server.port)
    client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(try client.receive().status == 200)
  }

  @Test func shutdownFinishesTheRequestInFlightThenRefusesConnections() throws {
    let server = try Self.start(delay: 0.5)
    let port = server.port
    let client = try TestClient(port: port)
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nlast")
    Thread.sleep(forTimeInterval: 0.1)
    let stopped = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      server.shutdown()
      stopped.signal()
    }
    let response = try client.receive()
    #expect(response.status == 200)
    #expect(response.text == "last")
    #expect(response.header("Connection") == "close")
    #expect(stopped.wait(timeout: .now() + 5) == .success)
    #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }
  }

  @Test func secondStartIsRefused() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
  }

  @Test func bindingATakenPortFails() throws {
    let server = try Self.start()
    defer { server.shutdown() }
    let second = HTTPServer(
      configuration: HTTPServerConfiguration(port: server.port), handler: Self.router().handle)
    #expect(throws: HTTPServerError.self) { try second.start() }
  }
}
