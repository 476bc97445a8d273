namespace AdrPlatform.Adapters.Documents;

/// <summary>A block of text on a PDF page, reflowed to one line, with the font size most of its letters have.</summary>
internal readonly record struct PdfTextBlock(string Text, double FontSize, int LineCount, int LetterCount);
