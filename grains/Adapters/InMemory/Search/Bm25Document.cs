using AdrPlatform.Domain.Search;
namespace AdrPlatform.Adapters.InMemory;

/// <summary>What the index remembers about one document: its length in terms and the terms whose postings name it.</summary>
internal sealed record Bm25Document(int Length, string[] DistinctTerms);
