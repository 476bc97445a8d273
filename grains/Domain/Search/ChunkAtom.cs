namespace AdrPlatform.Domain.Search;

/// <summary>The smallest piece the chunker never cuts: a sentence, or part of an over-long one, as a range of its section's text.</summary>
internal readonly record struct ChunkAtom(int Start, int End, bool StartsParagraph);
