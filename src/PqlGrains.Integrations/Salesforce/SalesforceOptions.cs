namespace PqlGrains.Integrations.Salesforce;

/// <summary>Salesforce connector settings, bound from <c>Pql:Crm:Salesforce</c>. On when <see cref="InstanceUrl"/> and <see cref="AccessToken"/> are set.</summary>
public sealed class SalesforceOptions
{
    public const string Section = "Pql:Crm:Salesforce";

    /// <summary>The org's My Domain URL, e.g. https://acme.my.salesforce.com; tests point it at a local server.</summary>
    public Uri? InstanceUrl { get; set; }

    /// <summary>An OAuth access token (sent as a bearer token).</summary>
    public string? AccessToken { get; set; }

    /// <summary>REST API version in the path, e.g. v60.0.</summary>
    public string ApiVersion { get; set; } = "v60.0";

    /// <summary>Task Status for new tasks (a value of the org's Task Status picklist).</summary>
    public string OpenStatus { get; set; } = "Not Started";

    /// <summary>Task Status that marks a task done (re-queue, logged activity).</summary>
    public string CompletedStatus { get; set; } = "Completed";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
