namespace AdrPlatform.Model;

public enum JobKind
{
    Ingestion = 1,
}
