import Testing

@testable import SportelloHTTP

@Suite struct HTTPRequestParserTests {
  private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) throws -> [HTTPRequest] {
    var parser = HTTPRequestParser(limits: limits)
    parser.append(Array(text.utf8))
    var requests: [HTTPRequest] = []
    while let request = try parser.nextRequest() { requests.append(request) }
    return requests
  }

  private func error(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPParseError? {
    do {
      _ = try parse(text, limits: limits)
      return nil
    } catch let error as HTTPParseError {
      return error
    } catch {
      return nil
    }
  }

  @Test func simpleGetIsParsedWithItsQuery() throws {
    let requests = try parse(
      "GET /webhook?hub.mode=subscribe&hub.challenge=a%20b+c HTTP/1.1\r\nHost: x\r\n\r\n")
    let request = try #require(requests.first)
    #expect(request.method == "GET")
    #expect(request.path == "/webhook")
    #expect(request.queryParameters["hub.mode"] == "subscribe")
    #expect(request.queryParameters["hub.challenge"] == "a b c")
    #expect(request.body.isEmpty)
    #expect(request.wantsKeepAlive)
  }

  @Test func contentLengthBodyIsReadExactly() throws {
    let requests = try parse(
      "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    #expect(requests.count == 2)
    #expect(requests.first?.body == Array("hello".utf8))
    #expect(requests.last?.path == "/b")
  }

  @Test func bodyArrivingByteByByteIsAssembled() throws {
    var parser = HTTPRequestParser()
    let text = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world"
    var result: HTTPRequest?
    for byte in text.utf8 {
      #expect(result == nil)
      parser.append([byte])
      result = try parser.nextRequest()
    }
    #expect(result?.body == Array("hello world".utf8))
    #expect(!parser.hasPartialRequest)
  }

  @Test func chunkedBodyIsDecodedWithExtensionsAndTrailers() throws {
    let requests = try parse(
      "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n")
    #expect(requests.first?.body == Array("hello world".utf8))
    #expect(requests.first?.headers["X-Trailer"] == nil)
  }

  @Test func http10ClosesByDefault() throws {
    let request = try #require(try parse("GET / HTTP/1.0\r\n\r\n").first)
    #expect(!request.wantsKeepAlive)
    let kept = try #require(try parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").first)
    #expect(kept.wantsKeepAlive)
  }

  @Test func connectionCloseIsHonoured() throws {
    let request = try #require(
      try parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").first)
    #expect(!request.wantsKeepAlive)
  }

  @Test(arguments: [
    "GET /\r\n\r\n",
    "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTP/1.1\nHost: x\n\n",
    "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET http://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTX/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTP/1.1\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
    "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\u{01}\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
    "GET /a\rb HTTP/1.1\r\nHost: x\r\n\r\n",
    "\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
  ])
  func malformedRequestsAreRefusedWith400(text: String) {
    #expect(error(text)?.status == 400)
  }

  @Test func unsupportedVersionsAndCodingsGetTheirOwnStatus() {
    #expect(error("GET / HTTP/2.0\r\nHost: x\r\n\r\n") == .unsupportedVersion)
    #expect(error("GET / HTTP/1.2\r\nHost: x\r\n\r\n") == .unsupportedVersion)
    #expect(
      error("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        == .unsupportedTransferEncoding)
    #expect(error("POST / HTTP/1.1\r\nHost: x\r\nExpect: fast\r\n\r\n") == .expectationFailed)
  }

  @Test func longRequestLineIsRefusedWith414EvenBeforeItsEnd() {
    let line = "GET /" + String(repeating: "a", count: 9000)
    #expect(error(line) == .requestLineTooLong)
    #expect(error(line + " HTTP/1.1\r\nHost: x\r\n\r\n") == .requestLineTooLong)
  }

  @Test func headerLimitsAreEnforced() {
    let many = (0..<101).map { "X-\($0): y\r\n" }.joined()
    #expect(error("GET / HTTP/1.1\r\nHost: x\r\n" + many + "\r\n") == .headersTooLarge)
    let big = "X-Big: " + String(repeating: "b", count: 33 * 1024) + "\r\n"
    #expect(error("GET / HTTP/1.1\r\nHost: x\r\n" + big + "\r\n") == .headersTooLarge)
    let ninetyNine = (0..<99).map { "X-\($0): y\r\n" }.joined()
    #expect(error("GET / HTTP/1.1\r\nHost: x\r\n" + ninetyNine + "\r\n") == nil)
  }

  @Test func oversizeBodiesAreRefusedWith413BeforeReading() {
    let limits = HTTPLimits(bodyBytes: 10)
    #expect(
      error("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits: limits)
        == .bodyTooLarge)
    #expect(
      error("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
        == .bodyTooLarge)
    #expect(
      error(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello!\r\n5\r\n",
        limits: limits) == .bodyTooLarge)
    #expect(
      error(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffff\r\n")
        == .bodyTooLarge)
  }

  @Test func expectContinueIsAnnouncedWhileTheBodyIsPending() throws {
    var parser = HTTPRequestParser()
    parser.append(
      Array("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.isAwaitingContinue)
    parser.append(Array("ok".utf8))
    #expect(try parser.nextRequest()?.body == Array("ok".utf8))
  }

  @Test func arbitraryBytesNeverCrashTheParser() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array(
      "GET POST / HTTP/1.1\r\n:Host Content-Length: 0123456789abcdef;chunked".utf8)
    for _ in 0..<2000 {
      var parser = HTTPRequestParser(limits: HTTPLimits(requestLineBytes: 64, headerBytes: 256))
      let length = Int.random(in: 0..<300, using: &generator)
      let bytes = (0..<length).map { _ in
        Bool.random(using: &generator)
          ? alphabet.randomElement(using: &generator) ?? 0
          : UInt8.random(in: 0...255, using: &generator)
      }
      parser.append(bytes)
      for _ in 0..<8 {
        guard (try? parser.nextRequest()) != nil else { break }
      }
    }
  }
}
