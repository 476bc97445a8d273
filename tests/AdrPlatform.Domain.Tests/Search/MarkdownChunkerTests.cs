using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Tests.Search;

public class MarkdownChunkerTests
{
    private static readonly ChunkingOptions Small = new(400, 100);

    [Fact]
    public void An_empty_body_gives_one_chunk_with_the_title()
    {
        var chunks = Chunk("Use PostgreSQL", string.Empty, ChunkingOptions.Default);
        var chunk = Assert.Single(chunks);
        Assert.Equal(new TextChunk(0, string.Empty, "Use PostgreSQL"), chunk);
    }

    [Fact]
    public void Nothing_at_all_gives_no_chunks() => Assert.Empty(Chunk("  ", "\n \n", ChunkingOptions.Default));

    [Fact]
    public void Sections_start_at_headings_and_the_title_leads_chunk_zero()
    {
        var body = "Some preamble.\n\n## Context\n\nWe need a database.\n\n### Details ###\n\nMore.\n\n## Decision\r\n\r\nPostgreSQL.";
        var chunks = Chunk("Storage", body, ChunkingOptions.Default);

        Assert.Equal(
            [
                new TextChunk(0, string.Empty, "Storage\n\nSome preamble."),
                new TextChunk(1, "Context", "## Context\n\nWe need a database."),
                new TextChunk(2, "Details", "### Details ###\n\nMore."),
                new TextChunk(3, "Decision", "## Decision\n\nPostgreSQL."),
            ],
            chunks);
    }

    [Fact]
    public void Without_a_preamble_the_title_joins_the_first_section()
    {
        var chunks = Chunk("Storage", "## Context\n\nWe need a database.", ChunkingOptions.Default);
        var chunk = Assert.Single(chunks);
        Assert.Equal("Context", chunk.Heading);
        Assert.Equal("Storage\n\n## Context\n\nWe need a database.", chunk.Text);
    }

    [Fact]
    public void Hash_lines_inside_fenced_code_are_not_headings()
    {
        var body = "## Decision\n\n```bash\n# install the client\napt-get install psql\n## not a heading\n```\n\n~~~\n# neither\n~~~\n\nDone.";
        var chunks = Chunk("T", body, ChunkingOptions.Default);

        var chunk = Assert.Single(chunks);
        Assert.Equal("Decision", chunk.Heading);
        Assert.Contains("# install the client", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("# neither", chunk.Text, StringComparison.Ordinal);
        Assert.EndsWith("Done.", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hashes_without_a_space_are_not_headings()
    {
        var chunks = Chunk("T", "#hashtag text\n####### seven", ChunkingOptions.Default);
        Assert.Equal(string.Empty, Assert.Single(chunks).Heading);
    }

    [Fact]
    public void A_long_section_is_split_at_sentences_with_sentence_overlap()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"Sentence {i:00} explains one more detail of the chosen design.").ToList();
        var body = "## Long\n\n" + string.Join(' ', sentences);
        var chunks = Chunk("Title", body, Small);

        Assert.True(chunks.Count >= 6, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.Equal("Long", c.Heading));
        Assert.All(chunks, c => Assert.True(c.Text.Length <= Small.MaxChars, $"{c.Text.Length} chars"));
        Assert.StartsWith("Title\n\n## Long\n\nSentence 01 ", chunks[0].Text, StringComparison.Ordinal);
        foreach (var chunk in chunks.Skip(1))
        {
            Assert.StartsWith("Sentence ", chunk.Text, StringComparison.Ordinal);
        }

        Assert.All(chunks, c => Assert.EndsWith("design.", c.Text, StringComparison.Ordinal));
        for (var i = 1; i < chunks.Count; i++)
        {
            var overlap = OverlapLength(chunks[i - 1].Text, chunks[i].Text);
            Assert.InRange(overlap, 40, Small.OverlapChars);
        }

        var covered = string.Join(' ', chunks.Select(c => c.Text));
        Assert.All(sentences, s => Assert.Contains(s, covered, StringComparison.Ordinal));
    }

    [Fact]
    public void An_abbreviation_before_a_lower_case_word_does_not_end_the_sentence()
    {
        var body = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"Option {i} helps, e.g. with caching, i.e. reads."));
        var chunks = Chunk("T", body, Small);

        Assert.True(chunks.Count > 2);
        Assert.All(chunks.Skip(1), c => Assert.StartsWith("Option ", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.EndsWith("i.e. reads.", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Splits_prefer_paragraph_boundaries()
    {
        var paragraphs = Enumerable.Range(1, 8)
            .Select(p => $"Paragraph {p} begins here. It carries a second sentence of moderate length for this particular test. And a third one, somewhat longer, ends it.")
            .ToList();
        var chunks = Chunk("T", "## Body\n\n" + string.Join("\n\n", paragraphs), new ChunkingOptions(400, 0));

        Assert.True(chunks.Count > 2);
        foreach (var chunk in chunks.Skip(1))
        {
            Assert.All(chunk.Text.Split("\n\n"), part => Assert.Contains(part, paragraphs));
        }
    }

    [Fact]
    public void Overlap_never_comes_from_another_section()
    {
        var longSection = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Alpha sentence {i} is about the first topic."));
        var chunks = Chunk("T", $"## One\n\n{longSection}\n\n## Two\n\nBeta only.", Small);

        Assert.Equal(new TextChunk(chunks.Count - 1, "Two", "## Two\n\nBeta only."), chunks[^1]);
        Assert.All(chunks.Where(c => c.Heading == "One"), c => Assert.DoesNotContain("Beta", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_run_without_sentence_ends_is_cut_between_words()
    {
        var words = Enumerable.Range(1, 300).Select(i => $"word{i}").ToList();
        var chunks = Chunk("T", string.Join(' ', words), Small);

        Assert.True(chunks.Count > 3);
        var known = words.Append("T").ToHashSet();
        Assert.All(chunks, c => Assert.True(c.Text.Length <= Small.MaxChars));
        Assert.All(chunks, c => Assert.All(c.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries), w => Assert.Contains(w, known)));
        Assert.EndsWith("word300", chunks[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_word_longer_than_max_chars_is_cut()
    {
        var giant = new string('x', 950);
        var chunks = Chunk("T", $"Before. {giant} After.", new ChunkingOptions(400, 0));

        Assert.All(chunks, c => Assert.True(c.Text.Length <= 400));
        Assert.Equal($"T\n\nBefore. {giant} After.".Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal),
            string.Concat(chunks.Select(c => c.Text)).Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Chinese_sentences_end_at_the_full_stop()
    {
        var body = string.Concat(Enumerable.Range(1, 60).Select(i => $"我们选择了数据库方案第{i}号。"));
        var chunks = Chunk("数据库", body, new ChunkingOptions(200, 0));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.EndsWith("。", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void List_items_are_sentence_boundaries()
    {
        var items = Enumerable.Range(1, 30).Select(i => $"- option {i} without a full stop").ToList();
        var chunks = Chunk("T", string.Join('\n', items), new ChunkingOptions(200, 0));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks.Skip(1), c => Assert.StartsWith("- option ", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.EndsWith("without a full stop", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_only_match_is_in_chunk_zero()
    {
        var body = "## Context\n\n" + string.Join(' ', Enumerable.Range(1, 100).Select(i => $"Filler sentence {i}."));
        var chunks = Chunk("Zanzibar naming scheme", body, Small);

        Assert.Contains("zanzibar", SearchText.Terms(chunks[0].Text));
        Assert.All(chunks.Skip(1), c => Assert.DoesNotContain("zanzibar", SearchText.Terms(c.Text)));
    }

    [Theory]
    [InlineData(199, 0)]
    [InlineData(400, -1)]
    [InlineData(400, 200)]
    [InlineData(401, 201)]
    public void Invalid_options_are_refused(int maxChars, int overlap) =>
        Assert.Throws<ArgumentException>(() => MarkdownChunker.Chunk("T", "Body.", new ChunkingOptions(maxChars, overlap)));

    [Fact]
    public void Boundary_options_are_accepted() => Assert.Single(MarkdownChunker.Chunk("T", "Body.", new ChunkingOptions(200, 99)));

    [Fact]
    public void Default_options_are_1200_and_150() => Assert.Equal(new ChunkingOptions(1200, 150), ChunkingOptions.Default);

    /// <summary>Chunks with the invariants every result must satisfy checked.</summary>
    private static IReadOnlyList<TextChunk> Chunk(string title, string body, ChunkingOptions options)
    {
        var chunks = MarkdownChunker.Chunk(title, body, options);
        for (var i = 0; i < chunks.Count; i++)
        {
            Assert.Equal(i, chunks[i].Index);
            Assert.False(string.IsNullOrWhiteSpace(chunks[i].Text));
            Assert.Equal(chunks[i].Text.Trim(), chunks[i].Text);
        }

        return chunks;
    }

    private static int OverlapLength(string previous, string next)
    {
        for (var length = Math.Min(previous.Length, next.Length); length > 0; length--)
        {
            if (previous.EndsWith(next[..length], StringComparison.Ordinal))
            {
                return length;
            }
        }

        return 0;
    }
}
