using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Integration.Tests.Documents;

/// <summary>
/// A bounded fuzz run: valid PDF, DOCX, HTML and Markdown documents, mutated at random (a fixed seed, so a failure
/// reproduces), read by the parser processes. Every case must end as a parsed document or a refusal with a reason.
/// </summary>
[Collection(ParserProcessesRunAlone.Name)]
public sealed class DocumentFuzzTests
{
    private const int CasesPerFormat = 500;

    public static TheoryData<string> Formats => [DocumentMediaTypes.Pdf, DocumentMediaTypes.Docx, DocumentMediaTypes.Html, DocumentMediaTypes.Markdown];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_mutated_document_is_read_or_refused_with_a_reason(string mediaType)
    {
        using var pool = ParserIsolationTests.Pool(new DocumentParserOptions { MaxCpuSecondsPerDocument = 5, MaxTimePerDocument = TimeSpan.FromSeconds(60) });
        var original = Original(mediaType);
        var random = new Random(mediaType.Length * 7919);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < CasesPerFormat; i++)
        {
            var mutated = Mutations.Apply(original, random);
            string outcome;
            try
            {
                var parsed = await pool.ReadAsync(new ParseRequest("fuzz", mediaType, DocumentLimits.Default), mutated, CancellationToken.None);
                Assert.NotNull(parsed.Sections);
                outcome = "parsed";
            }
            catch (DocumentRejectedException rejected)
            {
                Assert.False(string.IsNullOrWhiteSpace(rejected.Message), $"case {i} was refused without a reason");
                outcome = rejected.Message.Split(':')[0];
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(CasesPerFormat, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault("parsed") > 0, "no mutation was mild enough to parse: " + string.Join(", ", outcomes));
    }

    private static byte[] Original(string mediaType) => mediaType switch
    {
        DocumentMediaTypes.Pdf => SampleDocuments.Pdf(2),
        DocumentMediaTypes.Docx => SampleDocuments.Docx(),
        DocumentMediaTypes.Html => System.Text.Encoding.UTF8.GetBytes(SampleDocuments.Html()),
        _ => System.Text.Encoding.UTF8.GetBytes(SampleDocuments.Markdown()),
    };
}
