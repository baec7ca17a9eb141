namespace PqlGrains.Silo.Configuration;

/// <summary>Operator endpoints under /api/admin (<c>Pql:Admin</c>).</summary>
public sealed class PqlAdminOptions
{
    /// <summary>When set, admin requests must send <c>Authorization: Bearer &lt;token&gt;</c>; unset leaves them open (embedded mode).</summary>
    public string? Token { get; set; }
}
