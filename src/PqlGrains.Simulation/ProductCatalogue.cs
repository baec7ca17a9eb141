namespace PqlGrains.Simulation;

/// <summary>The names a simulated product uses: features, integrations, pages, people and places.</summary>
internal static class ProductCatalogue
{
    public static IReadOnlyList<string> Features { get; } =
        ["dashboards", "alerts", "automations", "custom_fields", "audit_log", "sso", "reports", "webhooks"];

    /// <summary>Integrations and whether the connected tool is a paid one.</summary>
    public static IReadOnlyList<(string Name, bool Paid)> Integrations { get; } =
        [("slack", false), ("github", false), ("jira", false), ("salesforce", true), ("hubspot", true), ("snowflake", true)];

    public static IReadOnlyList<string> BillingPaths { get; } = ["/pricing", "/upgrade", "/billing"];

    public static IReadOnlyList<string> HelpPaths { get; } =
        ["/docs/getting-started", "/docs/import-data", "/docs/permissions", "/docs/troubleshooting", "/docs/api"];

    public static IReadOnlyList<string> PersonalDomains { get; } =
        ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me"];

    public static IReadOnlyList<string> Countries { get; } =
        ["US", "US", "US", "GB", "DE", "FR", "CA", "NL", "AU", "SE", "ES", "IN", "BR", "JP"];

    public static IReadOnlyList<string> FirstNames { get; } =
        ["Ada", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya", "Nico", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoe"];

    public static IReadOnlyList<string> LastNames { get; } =
        ["Adams", "Berg", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Haas", "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"];

    public static IReadOnlyList<string> CompanyStems { get; } =
        ["Acme", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orbit", "Pioneer", "Quartz", "Redwood", "Summit", "Tidal", "Umber", "Vertex", "Willow", "Zephyr"];

    public static IReadOnlyList<string> CompanySuffixes { get; } =
        ["Labs", "Systems", "Analytics", "Health", "Logistics", "Studio", "Robotics", "Finance", "Cloud", "Works"];
}
