namespace PqlGrains.Silo.Api;

/// <summary>The read API (<c>Pql:Api</c>).</summary>
public sealed class PqlApiOptions
{
    public const string SectionName = "Pql:Api";

    /// <summary>The embedded default, printed nowhere secret: production must set its own.</summary>
    public const string DevelopmentToken = "dev-admin-token";

    /// <summary>Callers send <c>Authorization: Bearer &lt;AdminToken&gt;</c>.</summary>
    public string AdminToken { get; set; } = DevelopmentToken;
}
