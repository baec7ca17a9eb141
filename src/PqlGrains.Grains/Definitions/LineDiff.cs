using System.Globalization;
using System.Text;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// A unified-style line diff (<c>---</c>/<c>+++</c> header, <c>@@ -a,n +b,m @@</c> hunks with three lines of
/// context) so the audit shows what a definition change does to the file RevOps reviews.
/// </summary>
internal static class LineDiff
{
    private const int Context = 3;

    // Definition files are a few hundred lines; past this the middle is shown as replaced wholesale.
    private const long MaxCells = 4_000_000;

    public static string Unified(string? before, string after, string beforeName, string afterName)
    {
        var a = Lines(before);
        var b = Lines(after);
        var ops = Operations(a, b);
        if (ops.TrueForAll(op => op.Kind == ' '))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(beforeName).Append('\n');
        text.Append("+++ ").Append(afterName).Append('\n');
        foreach (var (start, end) in Hunks(ops))
        {
            AppendHunk(text, ops, start, end);
        }

        return text.ToString();
    }

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static List<Op> Operations(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var ops = new List<Op>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            ops.Add(new Op(' ', a[i]));
        }

        Middle(ops, a.AsSpan(prefix, a.Length - prefix - suffix), b.AsSpan(prefix, b.Length - prefix - suffix));
        for (var i = a.Length - suffix; i < a.Length; i++)
        {
            ops.Add(new Op(' ', a[i]));
        }

        return ops;
    }

    /// <summary>Longest common subsequence over the differing middle.</summary>
    private static void Middle(List<Op> ops, ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        if ((long)a.Length * b.Length > MaxCells)
        {
            foreach (var line in a)
            {
                ops.Add(new Op('-', line));
            }

            foreach (var line in b)
            {
                ops.Add(new Op('+', line));
            }

            return;
        }

        // common[i, j] = LCS length of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add(new Op(' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                // Removals first on a tie, as diff(1) prints them.
                ops.Add(new Op('-', a[x++]));
            }
            else
            {
                ops.Add(new Op('+', b[y++]));
            }
        }
    }

    /// <summary>Ranges of operations [start, end) around changes, merged when their context overlaps.</summary>
    private static List<(int Start, int End)> Hunks(List<Op> ops)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind == ' ')
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = Math.Min(ops.Count, i + 1 + Context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder text, List<Op> ops, int start, int end)
    {
        int aLine = 1, bLine = 1;
        for (var i = 0; i < start; i++)
        {
            aLine += ops[i].Kind == '+' ? 0 : 1;
            bLine += ops[i].Kind == '-' ? 0 : 1;
        }

        int aCount = 0, bCount = 0;
        for (var i = start; i < end; i++)
        {
            aCount += ops[i].Kind == '+' ? 0 : 1;
            bCount += ops[i].Kind == '-' ? 0 : 1;
        }

        text.Append(CultureInfo.InvariantCulture, $"@@ -{aLine},{aCount} +{bLine},{bCount} @@\n");
        for (var i = start; i < end; i++)
        {
            text.Append(ops[i].Kind).Append(ops[i].Text).Append('\n');
        }
    }

    private readonly record struct Op(char Kind, string Text);
}
