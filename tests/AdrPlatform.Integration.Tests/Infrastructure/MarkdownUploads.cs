using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using Google.Protobuf;

namespace AdrPlatform.Integration.Tests.Infrastructure;

public static class MarkdownUploads
{
    public static MarkdownFile File(string path, string text) =>
        new() { Path = path, Content = ByteString.CopyFromUtf8(text) };

    /// <summary>
    /// An adr-tools folder holding ADRs <paramref name="numbers"/>, accepted; with <paramref name="supersede"/>, the ADR
    /// <c>By</c> supersedes the ADR <c>Old</c> (one link, written on both files as adr-tools does).
    /// </summary>
    public static ImportMarkdownRequest Folder(int[] numbers, (int By, int Old)? supersede = null)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var request = new ImportMarkdownRequest();
        request.Files.AddRange(numbers.Select(n =>
        {
            var status = supersede switch
            {
                var (by, old) when n == old => $"Superseded by [{by}. Decision {by}]({FileName(by)})",
                var (by, old) when n == by => $"Accepted\n\nSupersedes [{old}. Decision {old}]({FileName(old)})",
                _ => "Accepted",
            };
            return File(FileName(n), $"# {n}. Decision {n}\n\nDate: 2024-01-02\n\n## Status\n\n{status}\n\n## Context\n\nWhy decision {n} was needed.\n");
        }));
        return request;
    }

    private static string FileName(int number) => $"{number.ToString("D4", CultureInfo.InvariantCulture)}-decision-{number}.md";
}
