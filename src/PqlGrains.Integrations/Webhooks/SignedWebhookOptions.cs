namespace PqlGrains.Integrations.Webhooks;

/// <summary>The generic outbound webhook, bound from <c>Pql:Webhooks</c>. On when <see cref="Url"/> is set.</summary>
public sealed class SignedWebhookOptions
{
    public const string Section = "Pql:Webhooks";

    public Uri? Url { get; set; }

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> followed by base64 of 24 to 64 random bytes.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
