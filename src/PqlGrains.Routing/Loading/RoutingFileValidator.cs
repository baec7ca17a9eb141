using System.Globalization;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Loading;

/// <summary>Turns the file as written into a <see cref="RoutingConfiguration"/>, collecting every problem with a fix.</summary>
internal sealed class RoutingFileValidator
{
    private readonly FieldReader _fields = new();

    public RoutingLoadResult Validate(RoutingFileDocument document)
    {
        var segmentation = Segmentation(document.Segmentation);
        var managers = Items(document.Managers, "managers", Manager);
        var reps = Items(document.Reps, "reps", Rep);
        var pools = Items(document.Pools, "pools", Pool);
        var rules = Items(document.Rules, "rules", Rule);

        if (reps.Count == 0 && document.Reps is null)
        {
            _fields.Error("reps", "is missing; list at least one rep (id, name, email, role, capacity, working_hours)");
        }

        if (rules.Count == 0 && document.Rules is null)
        {
            _fields.Error("rules", "is missing; add at least one rule, e.g. '- id: everyone\\n  action: assign\\n  pool: <pool id>'");
        }

        Unique(managers.Select(m => m.Value.Id), "managers");
        Unique(reps.Select(r => r.Value.Id), "reps");
        Unique(pools.Select(p => p.Value.Id), "pools");
        Unique(rules.Select(r => r.Value.Id), "rules");
        CrossReferences(managers, reps, pools, rules);

        if (_fields.Errors.Count > 0)
        {
            return new RoutingLoadResult(null, _fields.Errors);
        }

        var version = string.IsNullOrWhiteSpace(document.Version) ? "unversioned" : document.Version.Trim();
        return new RoutingLoadResult(
            new RoutingConfiguration(
                version,
                segmentation,
                reps.Select(r => r.Value).ToList(),
                managers.Select(m => m.Value).ToList(),
                pools.Select(p => p.Value).ToList(),
                rules.Select(r => r.Value).ToList()),
            []);
    }

    private void CrossReferences(
        List<(string Path, Manager Value)> managers,
        List<(string Path, Rep Value)> reps,
        List<(string Path, Pool Value)> pools,
        List<(string Path, RoutingRule Value)> rules)
    {
        var managerIds = managers.Select(m => m.Value.Id).ToHashSet(StringComparer.Ordinal);
        var repIds = reps.Select(r => r.Value.Id).ToHashSet(StringComparer.Ordinal);
        var poolIds = pools.Select(p => p.Value.Id).ToHashSet(StringComparer.Ordinal);
        var knownManagers = managerIds.Count == 0 ? "no managers are listed; add a 'managers' section" : $"known managers: {string.Join(", ", managerIds)}";

        foreach (var (path, rep) in reps)
        {
            if (rep.ManagerId is not null && !managerIds.Contains(rep.ManagerId))
            {
                _fields.Error(path + ".manager", $"'{rep.ManagerId}' is not a manager id; {knownManagers}");
            }
        }

        foreach (var (path, pool) in pools)
        {
            for (var i = 0; i < pool.Members.Count; i++)
            {
                if (!repIds.Contains(pool.Members[i]))
                {
                    _fields.Error($"{path}.members[{i}]", $"'{pool.Members[i]}' is not a rep id; add the rep under 'reps' or remove it from the pool");
                }
            }

            if (!managerIds.Contains(pool.Overflow.ManagerId))
            {
                _fields.Error(path + ".overflow.manager", $"'{pool.Overflow.ManagerId}' is not a manager id; {knownManagers}");
            }
        }

        foreach (var (path, rule) in rules)
        {
            if (rule.PoolId is not null && !poolIds.Contains(rule.PoolId))
            {
                _fields.Error(path + ".pool", $"'{rule.PoolId}' is not a pool id; known pools: {string.Join(", ", poolIds)}");
            }
        }
    }

    private SegmentThresholds Segmentation(SegmentationDocument? document)
    {
        if (document is null)
        {
            return SegmentThresholds.Default;
        }

        var employees = document.EnterpriseMinEmployees is null
            ? SegmentThresholds.Default.EnterpriseMinEmployees
            : _fields.WholeNumber(document.EnterpriseMinEmployees, "segmentation.enterprise_min_employees", minimum: 1, example: "50");
        var arr = SegmentThresholds.Default.EnterpriseArrAbove;
        if (document.EnterpriseArrAbove is not null)
        {
            if (!decimal.TryParse(document.EnterpriseArrAbove, NumberStyles.Number, CultureInfo.InvariantCulture, out arr) || arr < 0)
            {
                _fields.Error("segmentation.enterprise_arr_above", $"'{document.EnterpriseArrAbove}' is not an amount; write a plain number of dollars, e.g. 50000");
            }
        }

        return new SegmentThresholds(employees, arr);
    }

    private Manager Manager(ManagerDocument document, string path) => new(
        _fields.Required(document.Id, path + ".id", "a unique id such as mgr-emea"),
        _fields.Required(document.Name, path + ".name", "the manager's display name"),
        _fields.Email(document.Email, path + ".email"),
        OwnerIds(document.CrmOwnerIds));

    private Rep Rep(RepDocument document, string path)
    {
        var role = _fields.Word(document.Role, path + ".role", RoutingVocabulary.Roles, required: true);
        var segment = _fields.Word(document.Segment, path + ".segment", RoutingVocabulary.Segments, required: false);
        var capacity = document.Capacity is null
            ? _fields.Missing(path + ".capacity", "the number of open leads the rep can work at once, e.g. capacity: 8")
            : _fields.WholeNumber(document.Capacity, path + ".capacity", minimum: 0, example: "8");

        return new Rep(
            _fields.Required(document.Id, path + ".id", "a unique id such as ae-jane"),
            _fields.Required(document.Name, path + ".name", "the rep's display name"),
            _fields.Email(document.Email, path + ".email"),
            OwnerIds(document.CrmOwnerIds),
            role,
            (document.Territories ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            document.Segment is null ? null : segment,
            capacity,
            Hours(document.WorkingHours, path + ".working_hours"),
            Items(document.OutOfOffice, path + ".out_of_office", Range).Select(r => r.Value).ToList(),
            string.IsNullOrWhiteSpace(document.Manager) ? null : document.Manager.Trim());
    }

    private WorkingHours Hours(WorkingHoursDocument? document, string path)
    {
        if (document is null)
        {
            _fields.Error(path, "is missing; write e.g. '{ time_zone: Europe/Berlin, days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\" }' or '{ time_zone: UTC, always: true }'");
            return WorkingHours.Always(TimeZoneInfo.Utc);
        }

        var zone = _fields.Zone(document.TimeZone, path + ".time_zone");
        if (document.Always is not null)
        {
            if (!bool.TryParse(document.Always, out var always))
            {
                _fields.Error(path + ".always", $"'{document.Always}' is not true or false");
            }
            else if (always)
            {
                return WorkingHours.Always(zone);
            }
        }

        var days = new HashSet<DayOfWeek>();
        if (document.Days is null || document.Days.Count == 0)
        {
            _fields.Error(path + ".days", "is missing; list the working days, e.g. [mon, tue, wed, thu, fri], or set always: true");
        }
        else
        {
            for (var i = 0; i < document.Days.Count; i++)
            {
                days.Add(_fields.Word(document.Days[i], $"{path}.days[{i}]", RoutingVocabulary.Days, required: true));
            }
        }

        var start = _fields.Time(document.Start, path + ".start", "09:00");
        var end = _fields.Time(document.End, path + ".end", "17:00");
        if (start == end)
        {
            _fields.Error(path + ".end", "equals start, which leaves no working time; use always: true for round-the-clock reps");
        }

        return new WorkingHours(zone, days, start, end, AlwaysOn: false);
    }

    private DateRange Range(DateRangeDocument document, string path)
    {
        var from = _fields.Date(document.From, path + ".from");
        var to = _fields.Date(document.To, path + ".to");
        if (to < from)
        {
            _fields.Error(path + ".to", $"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd}); swap them");
        }

        return new DateRange(from, to);
    }

    private Pool Pool(PoolDocument document, string path)
    {
        var id = _fields.Required(document.Id, path + ".id", "a unique id such as ae-emea");
        var members = (document.Members ?? []).Select(m => m.Trim()).ToList();
        if (members.Count == 0)
        {
            _fields.Error(path + ".members", "is empty; list the rep ids that share this pool's leads");
        }

        if (members.Distinct(StringComparer.Ordinal).Count() != members.Count)
        {
            _fields.Error(path + ".members", "lists a rep twice, which would give that rep two turns per round; list each rep once");
        }

        PoolOverflow overflow;
        if (document.Overflow is null)
        {
            _fields.Error(path + ".overflow", "is missing; say where leads wait when nobody is eligible, e.g. '{ queue: ae-overflow, manager: mgr-emea }'");
            overflow = new PoolOverflow(id, string.Empty);
        }
        else
        {
            overflow = new PoolOverflow(
                _fields.Required(document.Overflow.Queue, path + ".overflow.queue", "the queue name leads wait in"),
                _fields.Required(document.Overflow.Manager, path + ".overflow.manager", "the id of the manager to alert"));
        }

        return new Pool(id, members, overflow);
    }

    private RoutingRule Rule(RuleDocument document, string path)
    {
        var id = _fields.Required(document.Id, path + ".id", "a unique id such as enterprise-emea");
        var action = _fields.Word(document.Action, path + ".action", RoutingVocabulary.Actions, required: true);
        var match = document.Match is null ? RuleMatch.Any : Match(document.Match, path + ".match");
        var pool = string.IsNullOrWhiteSpace(document.Pool) ? null : document.Pool.Trim();

        if (action == RuleActionKind.AssignFromPool && pool is null && document.Action is not null)
        {
            _fields.Error(path + ".pool", "is missing; an 'assign' rule needs the id of the pool that picks the rep");
        }

        if (action == RuleActionKind.Nurture && pool is not null)
        {
            _fields.Error(path + ".pool", "is set on a 'nurture' rule, which never involves a rep; remove pool or use action: assign");
        }

        if (action == RuleActionKind.AssignFromPool && match.Motions.Contains(LeadMotion.SelfServe))
        {
            _fields.Error(path + ".match.motions", "includes self_serve on an 'assign' rule; self-serve leads go to nurture with no rep: use action: nurture for them");
        }

        return new RoutingRule(id, match, action, pool);
    }

    private RuleMatch Match(MatchDocument document, string path) => new(
        Trimmed(document.Tiers),
        _fields.Words(document.Segments, path + ".segments", RoutingVocabulary.Segments),
        Trimmed(document.Countries).Select(c => c.ToUpperInvariant()).ToList(),
        Trimmed(document.Regions),
        _fields.Words(document.Motions, path + ".motions", RoutingVocabulary.Motions));

    private static List<string> Trimmed(List<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    private static CrmOwnerIds OwnerIds(CrmOwnerIdsDocument? document) => document is null
        ? CrmOwnerIds.None
        : new CrmOwnerIds(Blank(document.Hubspot), Blank(document.Salesforce));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Unique(IEnumerable<string> ids, string section)
    {
        foreach (var duplicate in ids.Where(id => id.Length > 0).GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            _fields.Error(section, $"id '{duplicate.Key}' is used {duplicate.Count()} times; ids must be unique within '{section}'");
        }
    }

    private List<(string Path, T Value)> Items<TDocument, T>(List<TDocument>? documents, string section, Func<TDocument, string, T> convert)
    {
        var items = new List<(string, T)>();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var path = $"{section}[{i}]";
            if (documents![i] is null)
            {
                _fields.Error(path, "is empty; remove the stray '-' or fill in the entry");
                continue;
            }

            items.Add((path, convert(documents[i], path)));
        }

        return items;
    }

}
