namespace PqlGrains.Abstractions.Qualification;

/// <summary>What a score belongs to: a single user or a whole account.</summary>
[GenerateSerializer]
public enum SubjectKind : byte
{
    User = 0,
    Account = 1,
}
