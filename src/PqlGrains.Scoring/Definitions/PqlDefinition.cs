using PqlGrains.Scoring.Definitions.Reading;
using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.State;

namespace PqlGrains.Scoring.Definitions;

/// <summary>
/// A compiled, validated PQL definition: immutable and shared read-only by every user and account
/// state scored under it. Load with <see cref="Load"/> or use <see cref="Default"/>.
/// </summary>
public sealed class PqlDefinition
{
    private const string DefaultResourceName = "PqlGrains.Scoring.Definitions.default.yaml";

    private static readonly Lazy<string> DefaultYamlText = new(ReadDefaultYaml);
    private static readonly Lazy<PqlDefinition> DefaultDefinition = new(() => Load(DefaultYamlText.Value, "default.yaml").GetDefinitionOrThrow());

    private readonly double[] _weightByCategory;
    private readonly double[] _tierMinScores;

    internal PqlDefinition(
        DefinitionHeader header,
        IReadOnlyDictionary<SignalCategory, double> categoryWeights,
        IReadOnlyList<Tier> tiers,
        SuppressionRules suppression,
        SignalSet userSignals,
        int topUsers,
        SignalSet accountSignals)
    {
        Id = header.Id;
        Version = header.Version;
        TimeZone = header.TimeZone;
        HalfLifeDays = header.HalfLifeDays;
        Decay = header.Decay;
        CategoryWeights = categoryWeights;
        _weightByCategory = Enum.GetValues<SignalCategory>().Select(category => categoryWeights[category]).ToArray();
        Tiers = tiers;
        _tierMinScores = tiers.Select(t => t.MinScore).ToArray();
        Suppression = suppression;
        UserSignals = userSignals;
        AccountSignals = accountSignals;
        Signals = userSignals.Rules.Select(r => r.Definition).ToList();
        Account = new AccountRules(topUsers, accountSignals.Rules.Select(r => r.Definition).ToList());
    }

    /// <summary>The shipped default definition (the DOMAIN.md starting point), compiled once.</summary>
    public static PqlDefinition Default => DefaultDefinition.Value;

    /// <summary>The YAML text of the shipped default, e.g. to start a customer's own file from.</summary>
    public static string DefaultYaml => DefaultYamlText.Value;

    public string Id { get; }

    public string Version { get; }

    public TimeZoneInfo TimeZone { get; }

    public double HalfLifeDays { get; }

    public DecayMode Decay { get; }

    public IReadOnlyDictionary<SignalCategory, double> CategoryWeights { get; }

    /// <summary><see cref="CategoryWeights"/> indexed by category value: the score is added up after every event.</summary>
    internal double WeightOf(SignalCategory category) => _weightByCategory[(int)category];

    /// <summary>Tiers in ascending order of <see cref="Tier.MinScore"/>.</summary>
    public IReadOnlyList<Tier> Tiers { get; }

    public SuppressionRules Suppression { get; }

    public IReadOnlyList<SignalDefinition> Signals { get; }

    public AccountRules Account { get; }

    internal SignalSet UserSignals { get; }

    internal SignalSet AccountSignals { get; }

    /// <summary>Parses, validates and compiles a definition; errors and warnings carry file, line, column and field path.</summary>
    public static DefinitionLoadResult Load(string yaml, string fileName) => DefinitionReader.Read(yaml, fileName);

    /// <summary>Reads and loads a definition file.</summary>
    public static DefinitionLoadResult LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <summary>The highest tier whose band contains the score, or null below every tier.</summary>
    public Tier? TierFor(double score) => TierRankFor(score) is var rank and >= 0 ? Tiers[rank] : null;

    /// <summary>The index in <see cref="Tiers"/> of <see cref="TierFor"/>'s tier, -1 below every tier.</summary>
    public int TierRankFor(double score)
    {
        // Asked after every replayed event: the thresholds are read from an array, not through the tier list.
        var rank = -1;
        for (var i = 0; i < _tierMinScores.Length; i++)
        {
            if (score >= _tierMinScores[i])
            {
                rank = i;
            }
        }

        return rank;
    }

    public ScoringState CreateUserState() => ScoringState.Create(this, UserSignals);

    /// <summary>A user state remembering only the last <paramref name="rememberedMessageIds"/> messageIds (1 to 64), for states fed from the deduplicating event log.</summary>
    public ScoringState CreateUserState(int rememberedMessageIds) => ScoringState.Create(this, UserSignals, rememberedMessageIds);

    public ScoringState RestoreUserState(ScoringSnapshot snapshot) => ScoringState.Restore(this, UserSignals, snapshot);

    public AccountScoringState CreateAccountState() => new(ScoringState.Create(this, AccountSignals), []);

    public AccountScoringState RestoreAccountState(AccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new AccountScoringState(ScoringState.Restore(this, AccountSignals, snapshot.Signals), snapshot.Members);
    }

    private static string ReadDefaultYaml()
    {
        using var stream = typeof(PqlDefinition).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing from PqlGrains.Scoring; the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
