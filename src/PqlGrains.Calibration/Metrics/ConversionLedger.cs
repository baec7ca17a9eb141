namespace PqlGrains.Calibration.Metrics;

/// <summary>When each subject (user or account) first converted; later conversions of the same subject are ignored.</summary>
public sealed class ConversionLedger
{
    private readonly Dictionary<string, DateTimeOffset> _first = new(StringComparer.Ordinal);

    public ConversionLedger(IEnumerable<(string SubjectId, DateTimeOffset ConvertedAt)> conversions)
    {
        foreach (var (subject, at) in conversions)
        {
            if (!_first.TryGetValue(subject, out var known) || at < known)
            {
                _first[subject] = at;
            }
        }
    }

    public int Count => _first.Count;

    public IEnumerable<string> Subjects => _first.Keys;

    /// <summary>Each subject with its first conversion.</summary>
    public IEnumerable<KeyValuePair<string, DateTimeOffset>> Entries => _first;

    public bool TryGetConversion(string subjectId, out DateTimeOffset convertedAt) => _first.TryGetValue(subjectId, out convertedAt);
}
