import Testing

@testable import SportelloHTTP

@Suite struct RouterTests {
  private var router: Router {
    var router = Router()
    router.add("GET", "/healthz") { _ in .text("ok") }
    router.add("POST", "/webhook") { request in .text("posted \(request.body.count)") }
    router.add("GET", "/webhook") { _ in .text("verify") }
    return router
  }

  @Test func knownRouteAnswers() {
    let response = router.handle(HTTPRequest(method: "POST", target: "/webhook", body: [1, 2]))
    #expect(response.status == 200)
    #expect(response.body == Array("posted 2".utf8))
  }

  @Test func unknownPathIs404() {
    #expect(router.handle(HTTPRequest(method: "GET", target: "/nope")).status == 404)
  }

  @Test func wrongMethodIs405WithAllow() {
    let response = router.handle(HTTPRequest(method: "DELETE", target: "/healthz"))
    #expect(response.status == 405)
    #expect(response.headers["Allow"] == "GET, HEAD")
  }

  @Test func unknownMethodIs405() {
    #expect(router.handle(HTTPRequest(method: "BREW", target: "/healthz")).status == 405)
    #expect(router.handle(HTTPRequest(method: "BREW", target: "/nope")).status == 405)
  }

  @Test func headIsServedByTheGetRoute() {
    #expect(router.handle(HTTPRequest(method: "HEAD", target: "/healthz?x=1")).status == 200)
  }
}
