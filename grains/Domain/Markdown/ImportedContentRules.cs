using System.Collections.Immutable;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Applies the platform's own content rules (<see cref="AdrContentRules"/>) to imported fields, so that everything a plan
/// accepts will also be accepted when stored; each field that breaks a rule becomes one problem.
/// </summary>
internal static class ImportedContentRules
{
    public static (AdrContent? Content, string? Note) Check(
        string title, string body, IEnumerable<string> tags, IEnumerable<string> deciders, DateOnly? date, string? note,
        ImportLimits limits, List<string> problems)
    {
        var rules = new AdrLimits(
            limits.MaxTitleLength, limits.MaxBodyLength, limits.MaxTags, limits.MaxTagLength, limits.MaxDeciders,
            limits.MaxDeciderLength, limits.MaxStatusNoteLength, AdrLimits.Default.MaxSectionCount);
        var before = problems.Count;
        var checkedTitle = Checked(() => AdrContentRules.Title(title, rules), problems);
        var checkedBody = Checked(() => AdrContentRules.Body(body, rules), problems);
        var checkedTags = Checked(() => AdrContentRules.Tags(tags, rules), problems);
        var checkedDeciders = Checked(() => AdrContentRules.Deciders(deciders, rules), problems);
        var checkedNote = Checked(() => AdrContentRules.Note(note, rules), problems);
        return problems.Count > before
            ? (null, null)
            : (new AdrContent(checkedTitle!, checkedBody!, checkedTags, checkedDeciders, date), checkedNote);
    }

    private static T? Checked<T>(Func<T> rule, List<string> problems)
    {
        try
        {
            return rule();
        }
        catch (AdrPlatformException invalid)
        {
            problems.Add(invalid.Message);
            return default;
        }
    }
}
