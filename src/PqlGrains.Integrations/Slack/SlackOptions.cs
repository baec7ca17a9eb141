namespace PqlGrains.Integrations.Slack;

/// <summary>Slack alerts through an incoming webhook, bound from <c>Pql:Alerts:Slack</c>. On when <see cref="WebhookUrl"/> is set.</summary>
public sealed class SlackOptions
{
    public const string Section = "Pql:Alerts:Slack";

    /// <summary>The incoming webhook URL (https://hooks.slack.com/services/...); it is a secret.</summary>
    public Uri? WebhookUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
