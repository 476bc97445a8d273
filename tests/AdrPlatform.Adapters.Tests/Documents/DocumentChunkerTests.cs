using AdrPlatform.Domain.Documents;
using AdrPlatform.Domain.Search;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class DocumentChunkerTests
{
    private static readonly ChunkingOptions Small = new(300, 80);

    [Fact]
    public void The_title_and_each_heading_lead_their_chunks()
    {
        var document = new ParsedDocument(
            "Storage",
            [new DocumentSection(string.Empty, "Preamble."), new DocumentSection("Context", "We need a database."), new DocumentSection("Decision", "PostgreSQL.")],
            PageCount: 0);

        Assert.Equal(
            [
                new TextChunk(0, string.Empty, "Storage\n\nPreamble."),
                new TextChunk(1, "Context", "Context\n\nWe need a database."),
                new TextChunk(2, "Decision", "Decision\n\nPostgreSQL."),
            ],
            DocumentChunker.Chunk(document, ChunkingOptions.Default));
    }

    [Fact]
    public void A_title_that_is_the_first_heading_is_not_repeated()
    {
        var document = new ParsedDocument("Use Kafka", [new DocumentSection("Use Kafka", "Events are published.")], PageCount: 0);

        Assert.Equal("Use Kafka\n\nEvents are published.", Assert.Single(DocumentChunker.Chunk(document, ChunkingOptions.Default)).Text);
    }

    [Fact]
    public void Chunks_stay_within_max_chars_and_their_section()
    {
        var document = Read("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(5));

        var chunks = DocumentChunker.Chunk(document, Small);

        Assert.All(chunks, chunk => Assert.InRange(chunk.Text.Length, 1, Small.MaxChars));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(chunk => chunk.Index));
        Assert.Equal(document.Sections.Select(section => section.Heading), chunks.Select(chunk => chunk.Heading).Distinct());
        foreach (var chunk in chunks)
        {
            var section = Assert.Single(document.Sections, section => section.Heading == chunk.Heading);
            Assert.Contains(chunk.Text, $"{document.Title}\n\n{section.Heading}\n\n{section.Text}", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Long_sections_are_cut_between_sentences_with_overlap()
    {
        var sentences = Enumerable.Range(1, 20).Select(i => $"Sentence number {i} explains one more consequence of the decision.").ToList();
        var document = new ParsedDocument(string.Empty, [new DocumentSection("Consequences", string.Join(' ', sentences))], PageCount: 0);

        var chunks = DocumentChunker.Chunk(document, Small);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, chunk => Assert.EndsWith(".", chunk.Text, StringComparison.Ordinal));
        Assert.All(chunks.Skip(1), chunk => Assert.StartsWith("Sentence number", chunk.Text, StringComparison.Ordinal));
        for (var i = 1; i < chunks.Count; i++)
        {
            var lastSentenceBefore = chunks[i - 1].Text[(chunks[i - 1].Text.LastIndexOf("Sentence", StringComparison.Ordinal))..];
            Assert.StartsWith(lastSentenceBefore, chunks[i].Text, StringComparison.Ordinal);
        }

        Assert.All(sentences, sentence => Assert.Contains(chunks, chunk => chunk.Text.Contains(sentence, StringComparison.Ordinal)));
    }

    [Fact]
    public void Chunking_is_deterministic()
    {
        var document = Read("decisions.md", DocumentMediaTypes.Markdown, SampleDocuments.Markdown());

        Assert.Equal(DocumentChunker.Chunk(document, Small), DocumentChunker.Chunk(document, Small));
    }

    [Fact]
    public void Invalid_options_are_refused() =>
        Assert.Throws<ArgumentException>(() => DocumentChunker.Chunk(new ParsedDocument("T", [], 0), new ChunkingOptions(300, 150)));
}
