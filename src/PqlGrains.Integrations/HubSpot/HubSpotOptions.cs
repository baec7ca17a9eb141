namespace PqlGrains.Integrations.HubSpot;

/// <summary>HubSpot CRM connector settings, bound from <c>Pql:Crm:HubSpot</c>. On when <see cref="AccessToken"/> is set.</summary>
public sealed class HubSpotOptions
{
    public const string Section = "Pql:Crm:HubSpot";

    /// <summary>API root; tests point it at a local server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com");

    /// <summary>A private app or OAuth access token with crm.objects.contacts.write (tasks and notes).</summary>
    public string? AccessToken { get; set; }

    /// <summary>hs_task_type of created tasks: TODO, CALL or EMAIL.</summary>
    public string TaskType { get; set; } = "TODO";

    /// <summary>Per-attempt timeout of one HubSpot call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
