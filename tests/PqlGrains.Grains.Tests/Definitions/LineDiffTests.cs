using PqlGrains.Grains.Definitions;

namespace PqlGrains.Grains.Tests.Definitions;

public sealed class LineDiffTests
{
    [Fact]
    public void Changed_lines_show_as_removed_and_added_with_three_lines_of_context_under_a_hunk_header()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}"));
        var after = before.Replace("line 5", "line five", StringComparison.Ordinal);

        var diff = LineDiff.Unified(before, after, "version 1", "version 2");

        Assert.Equal("--- version 1\n+++ version 2\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n", diff);
    }

    [Fact]
    public void Identical_texts_have_an_empty_diff_whatever_their_line_endings()
    {
        Assert.Equal(string.Empty, LineDiff.Unified("a\r\nb\r\n", "a\nb", "x", "y"));
    }

    [Fact]
    public void Distant_changes_get_separate_hunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"l{i}"));
        var after = before.Replace("l2\n", "l2b\n", StringComparison.Ordinal).Replace("l19", "l19b", StringComparison.Ordinal);

        var hunks = LineDiff.Unified(before, after, "a", "b").Split('\n').Where(line => line.StartsWith("@@", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"], hunks);
    }
}
