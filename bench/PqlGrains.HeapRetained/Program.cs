using Microsoft.Diagnostics.Runtime;

// heap-retained PID OWNER [OWNER...]: for each OWNER (type names joined by ','), the bytes of the objects that
// are reachable from instances of those types and from no GC root without passing through one: what the
// process would free if those objects went away.
//
// heap-retained PID --grain GRAIN_CLASS [--tables TYPE,TYPE...]: what one activation of GRAIN_CLASS keeps resident.
// Its Orleans ActivationData, the grain object, its persistent state, its DI scope and message loop: the bytes only
// reachable through that grain's activations when the silo-wide activation tables (--tables) are looked through,
// divided by its activations; plus each activation's share of those tables (their bytes outside every activation,
// divided by all activations of every grain type).
//
// Run right after GET /api/admin/memory (a full compacting GC), so the heap holds little garbage. Suspends the
// process while it walks the heap.
const string ActivationDataType = "Orleans.Runtime.ActivationData";

if (args.Length < 2 || !int.TryParse(args[0], out var pid))
{
    Console.Error.WriteLine("usage: heap-retained PID TYPE[,TYPE...] [TYPE[,TYPE...] ...]   e.g. PqlGrains.Grains.Users.UserGrain");
    Console.Error.WriteLine("       heap-retained PID --grain GRAIN_CLASS [--tables TYPE,TYPE...]");
    return 2;
}

using var target = DataTarget.AttachToProcess(pid, suspend: true);
var clr = target.ClrVersions[0];
var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so");
using var runtime = clr.CreateRuntime(dac, ignoreMismatch: true);
var heap = runtime.Heap;
var roots = heap.EnumerateRoots().Select(root => root.Object.Address).Where(address => address != 0).Distinct().ToArray();

if (args[1] == "--grain")
{
    return PerActivation(args[2], args.Length > 4 && args[3] == "--tables" ? args[4].Split(',').ToHashSet(StringComparer.Ordinal) : []);
}

foreach (var owner in args.Skip(1))
{
    var types = owner.Split(',').ToHashSet(StringComparer.Ordinal);
    var instances = heap.EnumerateObjects().Where(o => o.IsValid && o.Type?.Name is { } name && types.Contains(name)).Select(o => o.Address).ToHashSet();
    var outside = Reach(roots, stop: instances);
    var retained = Reach(instances, stop: outside);
    PrintByType($"{owner}: {instances.Count} instances retain", retained, divisor: 1);
}

return 0;

int PerActivation(string grainClass, HashSet<string> tableTypes)
{
    var activations = new HashSet<ulong>();
    var grainActivations = new HashSet<ulong>();
    var tables = new HashSet<ulong>();
    foreach (var candidate in heap.EnumerateObjects())
    {
        if (!candidate.IsValid || candidate.Type?.Name is not { } name)
        {
            continue;
        }

        if (name == ActivationDataType)
        {
            activations.Add(candidate.Address);
            if (candidate.ReadObjectField("<GrainInstance>k__BackingField") is { IsNull: false } instance && instance.Type?.Name == grainClass)
            {
                grainActivations.Add(candidate.Address);
            }
        }
        else if (tableTypes.Contains(name))
        {
            tables.Add(candidate.Address);
        }
    }

    if (grainActivations.Count == 0)
    {
        Console.Error.WriteLine($"no activation of {grainClass} on the heap: pass the grain class's full name, e.g. PqlGrains.Grains.Users.UserGrain");
        return 1;
    }

    // What stays reachable once the grain's activations and the activation tables are gone (from the GC roots or
    // from other grains' activations) belongs to neither.
    var outside = Reach([.. roots, .. activations.Except(grainActivations)], stop: [.. grainActivations, .. tables]);
    var own = Reach(grainActivations, stop: outside);
    // The tables' own bytes (dictionary entries, nodes, collector buckets) with every activation's graph left out.
    var everyActivation = Reach(activations, stop: [.. outside, .. tables]);
    var tableBytes = Reach(tables, stop: [.. outside, .. everyActivation]);
    var ownBytes = PrintByType($"{grainClass}: {grainActivations.Count} activations retain, per activation", own, grainActivations.Count);
    var tableNames = string.Join(", ", tableTypes.Select(type => type[(type.LastIndexOf('.') + 1)..]));
    // A table's arrays are sized for capacity (the directory cache preallocates buckets for a million entries): only
    // the slots in use grow with activations, so each array counts in proportion to its non-empty reference slots.
    var shareBytes = PrintByType($"activation tables ({tableNames}), slots in use: {activations.Count} activations of all grain types, per activation", tableBytes, activations.Count, InUse);
    var capacity = tableBytes.Sum(address => (long)heap.GetObject(address).Size) / (double)activations.Count;
    Console.WriteLine($"resident per {grainClass} activation: {ownBytes + shareBytes:F0} bytes ({ownBytes:F0} own + {shareBytes:F0} share of the activation tables; {capacity:F0} with their unused capacity)");
    return 0;
}

// An array's bytes scaled by the share of its reference slots that hold something; other objects count whole.
long InUse(ClrObject o)
{
    if (!o.IsArray || o.Type?.ComponentType is not { } component || !component.ContainsPointers)
    {
        return (long)o.Size;
    }

    var length = o.AsArray().Length;
    var slotsPerElement = component.IsValueType ? Math.Max(1, ReferenceSlots(component)) : 1;
    var used = o.EnumerateReferenceAddresses(carefully: true).Count(reference => reference != 0);
    return length == 0 ? (long)o.Size : (long)Math.Ceiling((double)o.Size * Math.Min(1.0, (double)used / (length * slotsPerElement)));
}

// Reference fields of a struct, nested structs included.
static int ReferenceSlots(ClrType type) =>
    type.Fields.Sum(field => field.IsObjectReference ? 1 : field.IsValueType && field.Type is { } nested && nested != type ? ReferenceSlots(nested) : 0);

double PrintByType(string title, HashSet<ulong> objects, int divisor, Func<ClrObject, long>? size = null)
{
    size ??= o => (long)o.Size;
    var byType = objects
        .Select(address => heap.GetObject(address))
        .GroupBy(o => o.Type?.Name ?? "?")
        .Select(group => (Type: group.Key, Count: group.Count(), Bytes: group.Sum(size)))
        .OrderByDescending(row => row.Bytes)
        .ToList();
    var total = byType.Sum(row => row.Bytes);
    Console.WriteLine(divisor == 1 ? $"{title} {total} bytes" : $"{title} {(double)total / divisor:F0} bytes ({total} bytes in all)");
    foreach (var row in byType.Take(divisor == 1 ? 12 : 40))
    {
        Console.WriteLine(divisor == 1
            ? $"  {row.Bytes,12} {row.Count,9} {row.Type}"
            : $"  {(double)row.Bytes / divisor,8:F1} B {(double)row.Count / divisor,6:F2} objects  {row.Type}");
    }

    return (double)total / divisor;
}

HashSet<ulong> Reach(IEnumerable<ulong> from, HashSet<ulong> stop)
{
    var seen = new HashSet<ulong>();
    var pending = new Stack<ulong>(from);
    while (pending.Count > 0)
    {
        var address = pending.Pop();
        if (stop.Contains(address) || !seen.Add(address))
        {
            continue;
        }

        foreach (var reference in heap.GetObject(address).EnumerateReferenceAddresses(carefully: true))
        {
            if (reference != 0)
            {
                pending.Push(reference);
            }
        }
    }

    return seen;
}
