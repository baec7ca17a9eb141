using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Integrations.Delivery;
using PqlGrains.Integrations.Slack;
using PqlGrains.Integrations.Tests.Fakes;

namespace PqlGrains.Integrations.Tests;

public sealed class SlackConnectorTests : IAsyncLifetime
{
    private const string HookPath = "/services/T000/B000/XXXX";
    private LocalApiServer _slack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _slack = await LocalApiServer.StartAsync(_ => ApiResponse.Text(200, "ok"));
        _services = Connectors.Build(("Pql:Alerts:Slack:WebhookUrl", new Uri(_slack.BaseUrl, HookPath).ToString()));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private IAlertConnector Slack => Assert.Single(_services.GetServices<IAlertConnector>());

    private static LeadAlert Alert(Uri? record = null) =>
        new(AlertKind.NewLead, Leads.Brief(), "Avery Demo", Leads.SlaDeadline, record, "rule enterprise-to-ae, pool ae-pool", Leads.Now);

    [Fact]
    public async Task Alert_posts_block_kit_with_header_fields_context_and_buttons()
    {
        var result = await Slack.SendAsync(Alert(new Uri("https://app.hubspot.com/tasks/7001")), CancellationToken.None);

        Assert.True(result.IsDelivered);
        var request = Assert.Single(_slack.Requests);
        Assert.Equal(("POST", HookPath), (request.Method, request.Path));
        var message = JsonNode.Parse(request.Body)!;
        Assert.Equal("sales-ready PQL: Acme GmbH (score 95)", message["text"]!.GetValue<string>());

        var blocks = message["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section", "context", "actions"], blocks.Select(b => b!["type"]!.GetValue<string>()));

        var header = blocks[0]!["text"]!;
        Assert.Equal("plain_text", header["type"]!.GetValue<string>());
        Assert.True(header["text"]!.GetValue<string>().Length <= 150);

        var fields = blocks[1]!["fields"]!.AsArray();
        Assert.InRange(fields.Count, 1, 10);
        Assert.All(fields, f => Assert.Equal("mrkdwn", f!["type"]!.GetValue<string>()));
        Assert.Contains(fields, f => f!["text"]!.GetValue<string>() == "*Assigned to*\nAvery Demo");
        Assert.Contains(fields, f => f!["text"]!.GetValue<string>() == "*Contact by*\n2026-01-07 15:15 UTC");
        Assert.Contains("• visited the billing page", blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("Hi Jane, I saw you visited the billing page", blocks[2]!["text"]!["text"]!.GetValue<string>());

        var context = blocks[3]!["elements"]!.AsArray().Single()!["text"]!.GetValue<string>();
        Assert.Contains("Threshold crossed 2 min ago", context);

        var buttons = blocks[4]!["elements"]!.AsArray();
        Assert.Equal(["http://localhost:8080/api/leads/acct-42", "https://app.hubspot.com/tasks/7001"], buttons.Select(b => b!["url"]!.GetValue<string>()));
        Assert.All(buttons, b =>
        {
            Assert.Equal("button", b!["type"]!.GetValue<string>());
            Assert.Equal("plain_text", b["text"]!["type"]!.GetValue<string>());
            Assert.NotNull(b["action_id"]);
        });
    }

    [Fact]
    public async Task Requeue_alert_says_so_in_the_header()
    {
        await Slack.SendAsync(Alert() with { Kind = AlertKind.Requeued }, CancellationToken.None);

        var header = JsonNode.Parse(_slack.Requests.Single().Body)!["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.StartsWith("SLA missed, re-queued:", header);
    }

    [Fact]
    public void Long_names_are_cut_to_slacks_limits_and_markup_characters_escaped()
    {
        var brief = Leads.Brief() with { Account = new("a", new string('A', 400) + " <script>", "a.com"), TopSignals = ["hit <b>limits</b> & more"] };

        var blocks = SlackMessage.Build(Alert() with { Brief = brief })["blocks"]!.AsArray();

        Assert.Equal(150, blocks[0]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.Contains("hit &lt;b&gt;limits&lt;/b&gt; &amp; more", blocks[1]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_account_named_like_a_channel_mention_does_not_notify_the_channel_from_the_fallback_text()
    {
        // The account name comes from customers' group traits; Slack reads the top-level text as mrkdwn.
        var brief = Leads.Brief() with { Account = new("a", "<!channel> Acme & Co", "a.com") };

        var message = SlackMessage.Build(Alert() with { Brief = brief });

        var text = message["text"]!.GetValue<string>();
        Assert.DoesNotContain("<!channel>", text);
        Assert.Contains("&lt;!channel&gt; Acme &amp; Co", text);
    }

    [Fact]
    public async Task Invalid_blocks_is_permanent_with_slacks_error()
    {
        _slack.Respond = _ => ApiResponse.Text(400, "invalid_blocks");

        var result = await Slack.SendAsync(Alert(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Equal("Slack: invalid_blocks", result.Message);
    }

    [Fact]
    public async Task Rate_limited_webhook_is_retryable_with_retry_after()
    {
        _slack.Respond = _ => new ApiResponse(429, "rate_limited", "text/plain", new Dictionary<string, string> { ["Retry-After"] = "30" });

        var result = await Slack.SendAsync(Alert(), CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Retryable, TimeSpan.FromSeconds(30)), (result.Outcome, result.RetryAfter));
    }
}
