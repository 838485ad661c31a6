/// Handles one request and returns its response; called on a worker thread.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Routes requests to handlers by exact path and method.
///
/// A path with no route answers 404; a known path asked with another method
/// answers 405 with an `Allow` header, and so does any method outside
/// HTTP's standard set. `HEAD` is served by the `GET` route (the server drops the body).
///
///     var router = Router()
///     router.add("GET", "/healthz") { _ in .text("ok\n") }
///     let server = HTTPServer(configuration: .init(), handler: router.handle)
public struct Router: Sendable {
  private struct Route: Sendable {
    var method: String
    var path: String
    var handler: HTTPHandler
  }

  /// The methods of RFC 9110; any other is answered 405.
  public static let standardMethods: Set<String> = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
  ]

  private var routes: [Route] = []

  /// Creates a router with no routes.
  public init() {}

  /// Adds a route; a later route for the same method and path replaces the earlier one.
  ///
  /// - Parameters:
  ///   - method: The method, such as `POST`.
  ///   - path: The exact path, such as `/webhook`.
  ///   - handler: What answers.
  public mutating func add(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
    routes.removeAll { $0.method == method && $0.path == path }
    routes.append(Route(method: method, path: path, handler: handler))
  }

  /// Answers a request with its route's handler, or with 404 or 405.
  public func handle(_ request: HTTPRequest) -> HTTPResponse {
    let onPath = routes.filter { $0.path == request.path }
    let method = request.method == "HEAD" ? "GET" : request.method
    if Router.standardMethods.contains(request.method),
      let route = onPath.first(where: { $0.method == method })
    {
      return route.handler(request)
    }
    guard !onPath.isEmpty || !Router.standardMethods.contains(request.method) else {
      return .error(404)
    }
    var response = HTTPResponse.error(405)
    var allowed = onPath.map(\.method)
    if allowed.contains("GET") { allowed.append("HEAD") }
    response.headers.set("Allow", allowed.joined(separator: ", "))
    return response
  }
}
