namespace PqlGrains.Abstractions.Definitions;

/// <summary>How the registry answered a change request.</summary>
[GenerateSerializer]
public enum DefinitionOutcome : byte
{
    /// <summary>The change was made and audited.</summary>
    Changed = 0,

    /// <summary>Nothing to do: the registry already is in the requested state (same version and content, already active, ...).</summary>
    Unchanged = 1,

    /// <summary>The YAML does not load; <see cref="DefinitionChangeResult.Problems"/> says where and why.</summary>
    Invalid = 2,

    /// <summary>The request contradicts the registry (a version reused with other content, shadowing the active version).</summary>
    Conflict = 3,

    /// <summary>No such version was ever submitted.</summary>
    NotFound = 4,
}
