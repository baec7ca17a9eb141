namespace PqlGrains.Scoring.Definitions;

public sealed class InvalidDefinitionException : Exception
{
    public InvalidDefinitionException(IReadOnlyList<DefinitionDiagnostic> errors)
        : base("The PQL definition is invalid; fix these and validate again with `pql definition validate FILE`:"
               + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DefinitionDiagnostic> Errors { get; }
}
