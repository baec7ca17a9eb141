using Microsoft.Diagnostics.Runtime;

// heap-retained PID OWNER [OWNER...]: for each OWNER (type names joined by ','), the bytes of the objects that
// are reachable from instances of those types and from no GC root without passing through one: what the
// process would free if those objects went away. Run right after GET /api/admin/memory (a full compacting GC),
// so the heap holds little garbage. Suspends the process while it walks the heap.
if (args.Length < 2 || !int.TryParse(args[0], out var pid))
{
    Console.Error.WriteLine("usage: heap-retained PID TYPE[,TYPE...] [TYPE[,TYPE...] ...]   e.g. PqlGrains.Grains.Users.UserGrain");
    return 2;
}

using var target = DataTarget.AttachToProcess(pid, suspend: true);
var clr = target.ClrVersions[0];
var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so");
using var runtime = clr.CreateRuntime(dac, ignoreMismatch: true);
var heap = runtime.Heap;
var roots = heap.EnumerateRoots().Select(root => root.Object.Address).Where(address => address != 0).Distinct().ToArray();

foreach (var owner in args.Skip(1))
{
    var types = owner.Split(',').ToHashSet(StringComparer.Ordinal);
    var instances = heap.EnumerateObjects().Where(o => o.IsValid && o.Type?.Name is { } name && types.Contains(name)).Select(o => o.Address).ToHashSet();
    var outside = Reach(roots, stop: instances);
    var retained = Reach(instances, stop: outside);
    var byType = retained
        .Select(address => heap.GetObject(address))
        .GroupBy(o => o.Type?.Name ?? "?")
        .Select(group => (Type: group.Key, Count: group.Count(), Bytes: group.Sum(o => (long)o.Size)))
        .OrderByDescending(row => row.Bytes)
        .ToList();
    Console.WriteLine($"{owner}: {instances.Count} instances retain {byType.Sum(row => row.Bytes)} bytes");
    foreach (var row in byType.Take(12))
    {
        Console.WriteLine($"  {row.Bytes,12} {row.Count,9} {row.Type}");
    }
}

return 0;

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
