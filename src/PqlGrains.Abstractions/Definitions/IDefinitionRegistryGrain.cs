using Orleans.Concurrency;

namespace PqlGrains.Abstractions.Definitions;

/// <summary>
/// The cluster's versioned PQL definitions (one activation, key <see cref="Key"/>): which version is active,
/// which are evaluated in shadow, and the audit of every change. Silos poll <see cref="GetGeneration"/> and
/// fetch <see cref="GetSet"/> when it moved.
/// </summary>
public interface IDefinitionRegistryGrain : IGrainWithStringKey
{
    public const string Key = "registry";

    /// <summary>Validates and stores a version (the file's <c>version</c> field); the same YAML again is Unchanged.</summary>
    /// <param name="fileName">Name diagnostics point at.</param>
    Task<DefinitionChangeResult> Submit(string yaml, string fileName, string actor);

    /// <summary>Makes a stored version the one leads come from; activating an older version is the rollback.</summary>
    Task<DefinitionChangeResult> Activate(string version, string actor);

    Task<DefinitionChangeResult> StartShadow(string version, string actor);

    Task<DefinitionChangeResult> StopShadow(string version, string actor);

    [AlwaysInterleave]
    Task<long> GetGeneration();

    Task<DefinitionSet> GetSet();

    Task<DefinitionCatalog> GetCatalog();

    Task<DefinitionDocument?> Get(string version);

    /// <summary>Audit entries, newest first.</summary>
    Task<DefinitionAuditEntry[]> Audit(int offset, int limit);
}
