using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>
/// The "hashing" embedding provider, a test double for tests where meaning does not matter and speed does.
/// It is <b>not</b> a neural model: it is a
/// deterministic feature-hashing sketch of the text's surface. Each input is lower-cased and split into words
/// (runs of letters and digits); its features are the word unigrams, the adjacent-word bigrams and the
/// character 3-grams of each word (padded with word-boundary markers). Every feature is hashed with a stable
/// 64-bit FNV-1a hash (identical in every process and on every machine) into one of <see cref="Dimensions"/>
/// buckets with a hash-derived sign, weighted by sublinear term frequency (1 + ln tf), and the vector is
/// L2-normalised. An empty input (or one without words) gives the zero vector.
/// </summary>
/// <remarks>
/// The cosine similarity of two such vectors measures shared words, word pairs and spelling only, <b>not
/// meaning</b>: "database" and "datastore" are related only through shared letters, and synonyms with no
/// letters in common are unrelated. The embedded default is the "onnx" provider (a sentence-transformer).
/// Instances hold no mutable state and are safe to use from many threads at once.
/// </remarks>
public sealed class LocalHashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "local-hashing";
    public const string ModelId = "adrplatform-hashing-v1";

    // Feature weights: whole words carry the most signal, word pairs add phrase overlap, 3-grams add
    // tolerance to inflection and typos without drowning out the words (a word has many 3-grams).
    private const float UnigramWeight = 1.0f;
    private const float BigramWeight = 0.7f;
    private const float TrigramWeight = 0.35f;

    // Distinct tags keep the three feature families apart ("ab" the word never collides with "ab" the 3-gram).
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const char UnigramTag = '\u0001';
    private const char BigramTag = '\u0002';
    private const char TrigramTag = '\u0003';
    private const char WordSeparator = '\u0020';
    private const char WordBoundary = '\u0004';
    private const ulong Unigram = 1;
    private const ulong Bigram = 2;
    private const ulong Trigram = 3;

    private readonly EmbeddingGeneratorMetadata _metadata;

    public LocalHashingEmbeddingGenerator(int dimensions = EmbeddingOptions.DefaultLocalDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, ModelId, dimensions);
    }

    /// <summary>The length of every vector this generator returns.</summary>
    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
        {
            throw new NotSupportedException($"This {ProviderName} generator produces {Dimensions}-dimensional vectors; {requested} were requested.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GeneratedEmbeddings<Embedding<float>>>(cancellationToken);
        }

        var result = values is ICollection<string> collection ? new GeneratedEmbeddings<Embedding<float>>(collection.Count) : [];
        long words = 0;
        var counts = new Dictionary<ulong, int>();
        foreach (var value in values)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<GeneratedEmbeddings<Embedding<float>>>(cancellationToken);
            }

            var vector = new float[Dimensions];
            words += Embed(value ?? string.Empty, vector, counts);
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }

        result.Usage = new UsageDetails { InputTokenCount = words, TotalTokenCount = words };
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    /// <summary>Fills <paramref name="vector"/> (all zeros on entry) with the sketch of <paramref name="text"/>; returns its word count.</summary>
    private int Embed(string text, float[] vector, Dictionary<ulong, int> counts)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        counts.Clear();
        var rented = text.Length <= 512 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        Span<char> lower = rented is null ? stackalloc char[text.Length] : rented.AsSpan(0, text.Length);
        try
        {
            for (var i = 0; i < text.Length; i++)
            {
                lower[i] = char.ToLowerInvariant(text[i]);
            }

            var wordCount = 0;
            var previousStart = -1;
            var previousLength = 0;
            var position = 0;
            while (position < lower.Length)
            {
                if (!char.IsLetterOrDigit(lower[position]))
                {
                    position++;
                    continue;
                }

                var start = position;
                while (position < lower.Length && char.IsLetterOrDigit(lower[position]))
                {
                    position++;
                }

                var word = lower[start..position];
                wordCount++;
                Count(counts, Hash(Hash(FnvOffset, UnigramTag), word), Unigram);
                if (previousStart >= 0)
                {
                    var bigram = Hash(Hash(FnvOffset, BigramTag), lower.Slice(previousStart, previousLength));
                    Count(counts, Hash(Hash(bigram, WordSeparator), word), Bigram);
                }

                AddTrigrams(counts, word);
                previousStart = start;
                previousLength = word.Length;
            }

            if (wordCount == 0)
            {
                return 0;
            }

            foreach (var (feature, tf) in counts)
            {
                var weight = (feature & 3) switch
                {
                    Unigram => UnigramWeight,
                    Bigram => BigramWeight,
                    _ => TrigramWeight,
                };
                var mixed = Finalize(feature);
                var bucket = (int)(mixed % (ulong)Dimensions);
                var sign = (mixed >> 63) == 0 ? 1f : -1f;
                vector[bucket] += sign * weight * (1f + MathF.Log(tf));
            }

            Normalize(vector);
            return wordCount;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void AddTrigrams(Dictionary<ulong, int> counts, ReadOnlySpan<char> word)
    {
        // The padded word is  WordBoundary + word + WordBoundary; a one-letter word still has one 3-gram.
        var padded = word.Length + 2;
        for (var i = 0; i + 3 <= padded; i++)
        {
            var hash = Hash(FnvOffset, TrigramTag);
            for (var j = i; j < i + 3; j++)
            {
                hash = Hash(hash, j == 0 || j == padded - 1 ? WordBoundary : word[j - 1]);
            }

            Count(counts, hash, Trigram);
        }
    }

    // The feature family is kept in the low two bits of the key so the weight can be recovered after counting.
    private static void Count(Dictionary<ulong, int> counts, ulong hash, ulong family) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, (hash & ~3UL) | family, out _)++;

    private static ulong Hash(ulong hash, char c)
    {
        hash ^= c;
        return hash * FnvPrime;
    }

    private static ulong Hash(ulong hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash = Hash(hash, c);
        }

        return hash;
    }

    /// <summary>The 64-bit finaliser of MurmurHash3, so that both the bucket (low bits) and the sign (top bit) are well mixed.</summary>
    private static ulong Finalize(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    private static void Normalize(float[] vector)
    {
        double sum = 0;
        foreach (var x in vector)
        {
            sum += (double)x * x;
        }

        if (sum == 0)
        {
            return;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }
    }
}
