using System.Text.Json;

namespace AdrPlatform.Bench.Retrieval;

/// <summary>A BEIR data set's documents, test queries and graded judgements (qrels/test.tsv), as BEIR lays them out.</summary>
public sealed record BeirDataSet(
    IReadOnlyList<BeirDocument> Documents,
    IReadOnlyList<BeirQuery> Queries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Judgements)
{
    public static BeirDataSet Load(string folder)
    {
        var documents = File.ReadLines(Path.Combine(folder, "corpus.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<BeirDocument>(line)!)
            .ToList();
        var queries = File.ReadLines(Path.Combine(folder, "queries.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<BeirQuery>(line)!)
            .ToList();
        var judgements = File.ReadLines(Path.Combine(folder, "qrels", "test.tsv"))
            .Skip(1)
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Where(fields => fields.Length == 3)
            .GroupBy(fields => fields[0], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.ToDictionary(f => f[1], f => int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
                StringComparer.Ordinal);
        return new BeirDataSet(documents, [.. queries.Where(q => judgements.ContainsKey(q.Id))], judgements);
    }
}

public sealed record BeirDocument(
    [property: System.Text.Json.Serialization.JsonPropertyName("_id")] string Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text);

public sealed record BeirQuery(
    [property: System.Text.Json.Serialization.JsonPropertyName("_id")] string Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text);
