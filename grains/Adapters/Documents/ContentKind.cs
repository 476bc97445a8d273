namespace AdrPlatform.Adapters.Documents;

/// <summary>What an upload's bytes turn out to be, whatever it was declared as.</summary>
public enum ContentKind
{
    Pdf,
    Docx,
    Zip,
    Html,
    Text,
    Binary,
}
