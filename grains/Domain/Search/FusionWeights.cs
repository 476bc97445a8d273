namespace AdrPlatform.Domain.Search;

/// <summary>
/// How hybrid search fuses its lexical and semantic rankings: weighted reciprocal rank fusion, a source scoring
/// the sum over the rankings holding it of weight / (<see cref="RrfK"/> + its rank there).
/// </summary>
public sealed record FusionWeights(double Lexical, double Semantic, int RrfK);
