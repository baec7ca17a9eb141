namespace PqlGrains.Silo.Api;

/// <summary>Secrets that CRM task-completion callbacks are signed with.</summary>
public sealed class LeadsCallbackOptions
{
    /// <summary>The HubSpot app's client secret (<c>Pql:Crm:HubSpot:AppSecret</c>); webhook v3 signatures use it.</summary>
    public string? HubSpotAppSecret { get; set; }

    /// <summary>Shared secret for Salesforce callbacks (<c>Pql:Crm:Salesforce:CallbackSecret</c>).</summary>
    public string? SalesforceSecret { get; set; }

    /// <summary>Older signed timestamps are refused (replay protection); HubSpot uses 5 minutes.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public static void Bind(LeadsCallbackOptions options, IConfiguration configuration)
    {
        options.HubSpotAppSecret = configuration["Pql:Crm:HubSpot:AppSecret"];
        options.SalesforceSecret = configuration["Pql:Crm:Salesforce:CallbackSecret"];
    }
}
