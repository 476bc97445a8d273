using System.Diagnostics;
using System.Text;
using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Tests.Search;

public class SearchTextTests
{
    [Fact]
    public void Lower_cases_words_and_drops_stop_words_and_punctuation() =>
        Assert.Equal<string>(["chose", "postgresql", "event", "store"], SearchText.Terms("We chose PostgreSQL, for the event-store!"));

    [Fact]
    public void Splits_compound_words_at_hyphens() =>
        Assert.Equal<string>(["datenbank", "migrat"], SearchText.Terms("Datenbank-Migration"));

    [Fact]
    public void Keeps_a_cjk_run_as_one_term() =>
        Assert.Equal<string>(["数据库"], SearchText.Terms("数据库"));

    [Fact]
    public void Separates_cjk_runs_at_spaces_and_punctuation() =>
        Assert.Equal<string>(["使用", "数据库"], SearchText.Terms("使用，数据库。"));

    [Fact]
    public void Lower_cases_greek() =>
        Assert.Equal<string>(["ελληνικά", "κείμενο"], SearchText.Terms("Ελληνικά ΚΕΊΜΕΝΟ"));

    [Fact]
    public void Keeps_combining_marks_inside_the_word() =>
        Assert.Equal<string>(["हिन्दी", "भाषा"], SearchText.Terms("हिन्दी भाषा"));

    [Fact]
    public void Keeps_single_letters_and_digits_of_every_script_but_drops_stop_words() =>
        Assert.Equal<string>(["b", "x", "7", "库", "α"], SearchText.Terms("a b x 7 库 α"));

    [Fact]
    public void Keeps_the_number_of_a_short_alphanumeric_name_so_names_differing_in_it_differ()
    {
        Assert.Equal<string>(["il", "6"], SearchText.Terms("IL-6"));
        Assert.NotEqual(SearchText.Terms("IL-6"), SearchText.Terms("IL-1"));
    }

    [Fact]
    public void Keeps_short_technical_words_and_numbers() =>
        Assert.Equal<string>(["http", "2", "v1", "2", "2024"], SearchText.Terms("HTTP/2 v1.2 2024"));

    [Fact]
    public void Symbols_and_emoji_separate_words() =>
        Assert.Equal<string>(["db", "migrat"], SearchText.Terms("db🚀migration"));

    [Fact]
    public void Letters_outside_the_basic_plane_are_words() =>
        Assert.Equal<string>(["𝐀𝐁", "db"], SearchText.Terms("𝐀𝐁 🚀 db"));

    [Fact]
    public void Stems_english_words_and_does_not_deduplicate() =>
        Assert.Equal<string>(["databas", "databas", "databas", "cach", "cach"], SearchText.Terms("Databases DATABASE database caching cached"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("!!! --- ... ### *** ¿¡ “” —")]
    [InlineData("The and OF to a an")]
    public void Yields_nothing_for_text_without_words(string? text) => Assert.Empty(SearchText.Terms(text));

    [Fact]
    public void A_megabyte_of_text_is_tokenized_quickly()
    {
        var builder = new StringBuilder();
        while (builder.Length < 1_000_000)
        {
            builder.Append("Lorem ipsum dolor, sit amet: consectetur-adipiscing 数据库 Ελληνικά 42.\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var terms = SearchText.Terms(builder.ToString());
        stopwatch.Stop();

        var lines = builder.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(lines * 10, terms.Count);
        Assert.True(stopwatch.ElapsedMilliseconds < 2_000, $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
