using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Plans the import of a folder of ADR markdown files (adr-tools/Nygard, MADR 2.x, 3.x and 4.x, log4brains, and what
/// <see cref="AdrMarkdownExporter"/> writes). Pure: nothing is stored and nothing is thrown for bad input; every problem
/// is collected per file so the caller can refuse the whole import.
/// <list type="bullet">
/// <item>Numbers come from the file name ("0007-x.md", "adr-0007-x.md") and are kept as they are, gaps included. Files
/// without a number (log4brains "20201016-x.md") are numbered in file-name order after the highest number present, or from 1.</item>
/// <item>A file with no status is <see cref="AdrStatus.Accepted"/>: MADR makes the status optional, and in the real logs an
/// ADR without one is a decision in force. A status that is not exactly one canonical word keeps its raw text as the note.</item>
/// <item>Links come from front matter, status text, bracketed title prefixes, "## Links" items and prose where a link verb is
/// directly followed by a markdown link to a local ADR file. They are stored once, canonically; a link to an ADR that is
/// not in the folder is a warning, not a problem.</item>
/// </list>
/// </summary>
public static class AdrMarkdownImporter
{
    public static ImportPlan Plan(IReadOnlyList<MarkdownFile> files, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<ImportProblem>();
        var warnings = new List<ImportWarning>();
        var skipped = new List<SkippedFile>();
        if (FolderProblem(files, limits) is { } tooMuch)
        {
            return new ImportPlan([], [], [], [new ImportProblem(ImportProblem.FolderPath, tooMuch)], []);
        }

        var candidates = Classify(files, skipped, problems);
        var numbered = Number(candidates, problems);
        var resolver = new AdrReferenceResolver(numbered.Select(c => (c.Name, c.Number)));
        var adrs = new List<ImportedAdr>();
        var links = new HashSet<AdrLink>();
        foreach (var candidate in numbered)
        {
            var fileProblems = new List<string>();
            var fileWarnings = new List<string>();
            if (Read(candidate, limits, fileProblems, fileWarnings) is { } read)
            {
                adrs.Add(read.Adr);
                links.UnionWith(Resolve(read.Adr.Number, read.Mentions, resolver, fileWarnings));
            }

            problems.AddRange(fileProblems.Select(p => new ImportProblem(candidate.File.Path, p)));
            warnings.AddRange(fileWarnings.Select(w => new ImportWarning(candidate.File.Path, w)));
        }

        return new ImportPlan(
            [.. adrs.OrderBy(a => a.Number)],
            [.. links.Where(l => adrs.Exists(a => a.Number == l.From) && adrs.Exists(a => a.Number == l.To)).Order(AdrLink.Order)],
            [.. skipped.OrderBy(s => s.Path, StringComparer.Ordinal)],
            problems,
            warnings);
    }

    private static string? FolderProblem(IReadOnlyList<MarkdownFile> files, ImportLimits limits)
    {
        if (files.Count > limits.MaxFiles)
        {
            return $"the upload has {files.Count} files; at most {limits.MaxFiles} can be imported at once";
        }

        var total = files.Sum(f => (long)f.Content.Length);
        return total > limits.MaxTotalBytes
            ? $"the upload has {total} bytes; at most {limits.MaxTotalBytes} bytes can be imported at once"
            : null;
    }

    private static List<(MarkdownFile File, AdrFileName Name)> Classify(
        IReadOnlyList<MarkdownFile> files, List<SkippedFile> skipped, List<ImportProblem> problems)
    {
        var candidates = new List<(MarkdownFile, AdrFileName)>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = file.Path ?? string.Empty;
            if (UploadPath.Problem(path) is { } pathProblem)
            {
                problems.Add(new ImportProblem(path, pathProblem));
                continue;
            }

            if (!paths.Add(path))
            {
                problems.Add(new ImportProblem(path, "the same path appears more than once in the upload"));
                continue;
            }

            var name = UploadPath.FileName(path);
            var skip = name.StartsWith('.') ? "hidden file"
                : !AdrFileName.IsMarkdown(name) ? "not a markdown (.md) file"
                : AdrFileName.IsNotAnAdr(name) ? "an index, README or template page, not an ADR"
                : null;
            if (skip is not null)
            {
                skipped.Add(new SkippedFile(path, skip));
                continue;
            }

            var parsed = AdrFileName.Parse(name);
            if (parsed.NumberTooLarge is { } digits)
            {
                problems.Add(new ImportProblem(path, $"the number {digits} in the file name is larger than the highest ADR number {AdrId.MaxNumber}"));
                continue;
            }

            candidates.Add((file, parsed));
        }

        return candidates;
    }

    private static List<NumberedFile> Number(List<(MarkdownFile File, AdrFileName Name)> candidates, List<ImportProblem> problems)
    {
        var highest = candidates.Select(c => c.Name.Number).Max();
        var next = highest + 1 ?? 1;
        var result = new List<NumberedFile>();
        foreach (var (file, name) in candidates.OrderBy(c => c.Name.Number is null).ThenBy(c => c.Name.Name, StringComparer.Ordinal).ThenBy(c => c.File.Path, StringComparer.Ordinal))
        {
            var number = name.Number ?? next++;
            if (number > AdrId.MaxNumber)
            {
                problems.Add(new ImportProblem(file.Path, $"no ADR number is left for this file: numbers go up to {AdrId.MaxNumber}"));
                continue;
            }

            result.Add(new NumberedFile(file, name, number));
        }

        foreach (var group in result.GroupBy(r => r.Number).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(g => g.File.Path, StringComparer.Ordinal).First();
            problems.AddRange(group.Where(g => g != first).Select(g =>
                new ImportProblem(g.File.Path, $"ADR number {g.Number} is also used by {first.File.Path}; each number may appear once")));
        }

        return [.. result.OrderBy(r => r.Number).ThenBy(r => r.File.Path, StringComparer.Ordinal)];
    }

    private static (ImportedAdr Adr, IReadOnlyList<LinkMention> Mentions)? Read(
        NumberedFile candidate, ImportLimits limits, List<string> problems, List<string> warnings)
    {
        var bytes = candidate.File.Content.Span;
        if (bytes.Length > limits.MaxFileBytes)
        {
            problems.Add($"the file has {bytes.Length} bytes; at most {limits.MaxFileBytes} bytes are allowed per file");
            return null;
        }

        var text = Utf8Text.Decode(bytes, out var encodingProblem);
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            problems.Add(encodingProblem ?? "the file is empty");
            return null;
        }

        var document = AdrDocumentParser.Parse(text, limits);
        problems.AddRange(document.Problems);
        warnings.AddRange(document.Warnings);
        if (document.Problems.Count > 0)
        {
            return null;
        }

        var (status, derivedNote) = document.RawStatus is { } raw ? AdrStatusText.Map(raw) : (AdrStatus.Accepted, null);
        var note = derivedNote is not null && document.DeclaredStatusNote is not null
            ? $"{derivedNote}\n{document.DeclaredStatusNote}"
            : derivedNote ?? document.DeclaredStatusNote;
        var (content, checkedNote) = ImportedContentRules.Check(
            document.Title!, document.Body, document.Tags, document.Deciders, document.Date ?? candidate.Name.DatePrefix, note, limits, problems);
        return content is null
            ? null
            : (new ImportedAdr(candidate.Number, candidate.File.Path, content, status, checkedNote), document.Mentions);
    }

    private static IEnumerable<AdrLink> Resolve(
        int self, IReadOnlyList<LinkMention> mentions, AdrReferenceResolver resolver, List<string> warnings)
    {
        foreach (var mention in mentions)
        {
            var other = resolver.Resolve(mention.Reference, out var reason);
            if (other is null)
            {
                warnings.Add($"{mention.Where}: the link \"{Phrase(mention)}\" was not imported: {reason}");
            }
            else if (other == self)
            {
                warnings.Add($"{mention.Where}: the link \"{Phrase(mention)}\" points at this ADR itself and was not imported");
            }
            else
            {
                yield return CanonicalLink.Of(self, mention.Verb, other.Value);
            }
        }
    }

    private static string Phrase(LinkMention mention) =>
        $"{VerbText(mention.Verb)} {(mention.Reference.Target is { } target ? $"[{mention.Reference.Text}]({target})" : mention.Reference.Text)}";

    private static string VerbText(LinkVerb verb) => verb switch
    {
        LinkVerb.Supersedes => "supersedes",
        LinkVerb.SupersededBy => "superseded by",
        LinkVerb.Amends => "amends",
        LinkVerb.AmendedBy => "amended by",
        _ => "relates to",
    };

    private sealed record NumberedFile(MarkdownFile File, AdrFileName Name, int Number);
}
