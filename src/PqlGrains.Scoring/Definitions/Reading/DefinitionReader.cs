using PqlGrains.Scoring.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>Parses a definition file with YamlDotNet's node model (which keeps line/column marks), validates and compiles it.</summary>
internal static class DefinitionReader
{
    private static readonly string[] TopFields =
        ["id", "version", "description", "timeZone", "halfLifeDays", "decay", "categories", "signals", "tiers", "suppression", "account"];

    private static readonly Dictionary<string, DecayMode> DecayModes = new(StringComparer.Ordinal)
    {
        ["daily"] = DecayMode.Daily,
        ["continuous"] = DecayMode.Continuous,
    };

    public static DefinitionLoadResult Read(string yaml, string file)
    {
        var diagnostics = new DiagnosticBag(file);
        var root = Parse(yaml, diagnostics);
        if (root is null)
        {
            return new DefinitionLoadResult(null, diagnostics.All);
        }

        var map = YamlMap.Open(diagnostics, root, "", TopFields, "a PQL definition");
        if (map is null)
        {
            return new DefinitionLoadResult(null, diagnostics.All);
        }

        var header = ReadHeader(map);
        var weights = ReadCategoryWeights(map);
        var tiers = TierReader.Read(map);
        var suppression = SuppressionReader.Read(map);

        var userSlots = new SlotAllocator();
        var signalNodes = map.Sequence("signals", required: true, "the list of signals");
        var userRules = signalNodes is null ? [] : new SignalReader(diagnostics, header, userSlots).ReadAll(signalNodes, "signals");
        if (signalNodes is { Count: 0 })
        {
            diagnostics.Warning(map.Get("signals")!, "signals", "no signals: every user scores 0 and the definition can never fire; add signals");
        }

        var (topUsers, accountRules, accountSlots) = ReadAccount(map, diagnostics, header);
        if (diagnostics.HasErrors)
        {
            return new DefinitionLoadResult(null, diagnostics.All);
        }

        WarnUnreachableTiers(map, diagnostics, userRules, weights, tiers, topUsers);
        var clock = new DecayClock(header.TimeZone, header.HalfLifeDays, header.Decay);
        var definition = new PqlDefinition(
            header,
            weights,
            tiers,
            suppression,
            new SignalSet(userRules.ToArray(), userSlots.Size, userSlots.Patterns(), clock, suppression),
            topUsers,
            new SignalSet(accountRules.ToArray(), accountSlots.Size, accountSlots.Patterns(), clock, suppression));
        return new DefinitionLoadResult(definition, diagnostics.All);
    }

    private static YamlNode? Parse(string yaml, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                diagnostics.Add(DiagnosticSeverity.Error, 1, 1, "", "the file is empty; a definition needs at least id, version and signals");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            diagnostics.Add(DiagnosticSeverity.Error, (int)e.Start.Line, (int)e.Start.Column, "", $"invalid YAML: {message}");
            return null;
        }
    }

    private static DefinitionHeader ReadHeader(YamlMap map)
    {
        var id = map.String("id", required: true, "the definition id, e.g. default") ?? "";
        var version = map.String("version", required: true, "the definition version, e.g. 1 or 2026-11-22") ?? "";
        var timeZone = TimeZoneInfo.Utc;
        if (map.String("timeZone", required: false, "an IANA time zone such as Europe/Paris") is { } zone &&
            !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out timeZone!))
        {
            map.Diagnostics.Error(map.Get("timeZone")!, "timeZone", $"unknown time zone '{zone}'; use an IANA id such as UTC, Europe/Paris or America/New_York");
            timeZone = TimeZoneInfo.Utc;
        }

        var halfLife = map.Number("halfLifeDays", required: false, 0.1, 3650, "the half-life in days") ?? 7;
        var decay = map.Enum("decay", required: false, DecayModes, "decay mode") ?? DecayMode.Daily;
        return new DefinitionHeader(id, version, timeZone, halfLife, decay);
    }

    private static Dictionary<SignalCategory, double> ReadCategoryWeights(YamlMap map)
    {
        var weights = Enum.GetValues<SignalCategory>().ToDictionary(c => c, _ => 1.0);
        if (map.Get("categories") is not { } node)
        {
            return weights;
        }

        var categories = YamlMap.Open(map.Diagnostics, node, "categories", SignalReader.Categories.Keys.ToList(), "category settings");
        foreach (var name in categories?.Keys ?? [])
        {
            var category = YamlMap.Open(map.Diagnostics, categories!.Get(name)!, categories.FieldPath(name), ["weight"], "category settings");
            if (category?.Number("weight", required: false, 0, 1000, "the category weight") is { } weight)
            {
                weights[SignalReader.Categories[name]] = weight;
                if (weight == 0)
                {
                    map.Diagnostics.Warning(category.Get("weight")!, category.FieldPath("weight"), $"weight 0: signals in category {name} can never add to the score");
                }
            }
        }

        return weights;
    }

    private static (int TopUsers, List<SignalRule> Rules, SlotAllocator Slots) ReadAccount(YamlMap map, DiagnosticBag diagnostics, DefinitionHeader header)
    {
        var slots = new SlotAllocator();
        if (map.Get("account") is not { } node)
        {
            return (3, [], slots);
        }

        var account = YamlMap.Open(diagnostics, node, "account", ["topUsers", "signals"], "account rules");
        var topUsers = account?.Integer("topUsers", required: false, 1, 1000, "how many of the account's best users' scores add up") ?? 3;
        var signals = account?.Sequence("signals", required: false, "the account-level signals");
        var rules = signals is null ? [] : new SignalReader(diagnostics, header, slots).ReadAll(signals, "account.signals");
        return (topUsers, rules, slots);
    }

    private static void WarnUnreachableTiers(YamlMap map, DiagnosticBag diagnostics, List<SignalRule> rules, Dictionary<SignalCategory, double> weights, IReadOnlyList<Tier> tiers, int topUsers)
    {
        if (rules.Any(r => r.MaxPoints is null) || map.Get("tiers") is not YamlSequenceNode tierNodes)
        {
            return;
        }

        var maxScore = rules.Sum(r => r.MaxPoints!.Value * weights[r.Definition.Category]);
        for (var i = 0; i < tiers.Count && i < tierNodes.Children.Count; i++)
        {
            if (tiers[i].MinScore > maxScore)
            {
                diagnostics.Warning(tierNodes.Children[i], $"tiers[{i}].minScore",
                    $"tier '{tiers[i].Name}' needs {tiers[i].MinScore} but a user can score at most {maxScore}, so it can never be reached (accounts may, through the top-{topUsers} rollup)");
            }
        }
    }
}
