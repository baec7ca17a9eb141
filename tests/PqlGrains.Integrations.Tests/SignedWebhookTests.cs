using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Integrations.Delivery;
using PqlGrains.Integrations.Tests.Fakes;
using PqlGrains.Integrations.Webhooks;

namespace PqlGrains.Integrations.Tests;

public sealed class SignedWebhookTests
{
    private const string Secret = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private const string VectorBody = """{"type":"lead.qualified","timestamp":"2026-01-01T00:00:00Z","data":{"id":"u-42"}}""";

    [Fact]
    public void Standard_webhooks_test_vector_passes()
    {
        Assert.Equal("v1,aPOGzhHEgbhZODEuT/lp6oqCliiO8QCxl284TMa2kkE=", StandardWebhookSignature.Sign(Secret, "msg_1", 1767225600, VectorBody));
    }

    [Fact]
    public void Verification_accepts_the_vector_among_rotated_signatures_and_rejects_a_changed_body()
    {
        var header = "v1,b2xkLXNpZ25hdHVyZQ== v1,aPOGzhHEgbhZODEuT/lp6oqCliiO8QCxl284TMa2kkE=";

        Assert.True(StandardWebhookSignature.Verify(Secret, "msg_1", 1767225600, VectorBody, header));
        Assert.False(StandardWebhookSignature.Verify(Secret, "msg_1", 1767225600, VectorBody.Replace("u-42", "u-43"), header));
        Assert.False(StandardWebhookSignature.Verify(Secret, "msg_1", 1767225601, VectorBody, header));
    }

    [Fact]
    public async Task Connector_sends_the_event_with_headers_a_receiver_can_verify()
    {
        await using var receiver = await LocalApiServer.StartAsync(_ => ApiResponse.Text(204, string.Empty));
        await using var services = Connectors.Build(("Pql:Webhooks:Url", new Uri(receiver.BaseUrl, "/hooks/pql").ToString()), ("Pql:Webhooks:Secret", Secret));
        var connector = services.GetRequiredService<IWebhookConnector>();
        var webhookEvent = new WebhookEvent("msg_1", "lead.qualified", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new JsonObject { ["id"] = "u-42" });

        var result = await connector.SendAsync(webhookEvent, DateTimeOffset.FromUnixTimeSeconds(1767225600), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/hooks/pql"), (request.Method, request.Path));
        Assert.Equal(VectorBody, request.Body);
        Assert.Equal("msg_1", request.Header("webhook-id"));
        Assert.Equal("1767225600", request.Header("webhook-timestamp"));
        Assert.Equal("v1,aPOGzhHEgbhZODEuT/lp6oqCliiO8QCxl284TMa2kkE=", request.Header("webhook-signature"));
    }

    [Fact]
    public async Task Receiver_rejection_is_permanent_and_outage_is_retryable()
    {
        var status = 410;
        await using var receiver = await LocalApiServer.StartAsync(_ => ApiResponse.Text(status, "gone"));
        await using var services = Connectors.Build(("Pql:Webhooks:Url", receiver.BaseUrl.ToString()), ("Pql:Webhooks:Secret", Secret));
        var connector = services.GetRequiredService<IWebhookConnector>();
        var webhookEvent = new WebhookEvent("msg_2", "lead.assigned", DateTimeOffset.UnixEpoch, new JsonObject());

        Assert.Equal(DeliveryOutcome.Permanent, (await connector.SendAsync(webhookEvent, DateTimeOffset.UnixEpoch, CancellationToken.None)).Outcome);
        status = 502;
        Assert.Equal(DeliveryOutcome.Retryable, (await connector.SendAsync(webhookEvent, DateTimeOffset.UnixEpoch, CancellationToken.None)).Outcome);
    }
}
