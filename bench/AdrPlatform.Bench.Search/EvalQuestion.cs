namespace AdrPlatform.Bench.Search;

/// <summary>A question of the ADR evaluation set: asked of one corpus, answered by the ADR files named.</summary>
public sealed record EvalQuestion(string Corpus, IReadOnlySet<string> Files, string Question)
{
    /// <summary>Reads the tab-separated set (header <c>corpus, files, question</c>; files comma-separated).</summary>
    public static IReadOnlyList<EvalQuestion> Read(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var fields = line.Split('\t');
            return fields.Length == 3
                ? new EvalQuestion(fields[0], fields[1].Split(',').ToHashSet(StringComparer.Ordinal), fields[2])
                : throw new FormatException($"{path}: expected corpus, files and question separated by tabs: {line}");
        })];
}
