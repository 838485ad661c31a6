import Testing

@testable import SportelloServer

@Suite struct ServiceMetricsTests {
  @Test func renderingFollowsThePrometheusTextFormat() {
    let metrics = ServiceMetrics()
    metrics.increment(.received, by: 3)
    metrics.increment(.signatureFailures)
    metrics.observeDecision(seconds: 0.002)
    metrics.observeDecision(seconds: 2)
    let text = metrics.render(gauges: [("sportello_outbox_backlog", "Waiting.", 4)])
    #expect(text.contains("# TYPE sportello_messages_received_total counter\n"))
    #expect(text.contains("\nsportello_messages_received_total 3\n"))
    #expect(text.contains("\nsportello_signature_failures_total 1\n"))
    #expect(text.contains("# TYPE sportello_outbox_backlog gauge\nsportello_outbox_backlog 4\n"))
    #expect(text.contains("sportello_decision_seconds_bucket{le=\"0.001\"} 0\n"))
    #expect(text.contains("sportello_decision_seconds_bucket{le=\"0.0025\"} 1\n"))
    #expect(text.contains("sportello_decision_seconds_bucket{le=\"1\"} 1\n"))
    #expect(text.contains("sportello_decision_seconds_bucket{le=\"+Inf\"} 2\n"))
    #expect(text.contains("sportello_decision_seconds_count 2\n"))
  }
}
